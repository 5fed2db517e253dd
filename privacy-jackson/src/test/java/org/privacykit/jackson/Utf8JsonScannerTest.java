package org.privacykit.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.jackson.JsonMaskerDifferentialTest.outcome;
import static org.privacykit.jackson.JsonMaskerDifferentialTest.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.core.StreamReadConstraints;
import org.junit.jupiter.api.Test;

import org.privacykit.mask.Maskers;

/**
 * The corners of the scanner, each checked against the Jackson loop on the same input: the limits
 * of Jackson's default {@code StreamReadConstraints}, strict UTF-8, the BOM, tokens longer than the
 * stream window, and the raw-key cache.
 */
class Utf8JsonScannerTest {
    private static final JsonMasker MASKER = JsonMasker.builder().maskKeys("s").maskKey("e", Maskers.keepLast(2)).build();

    /** Asserts that the String, byte and stream paths all agree with Jackson on the input, and returns the outcome. */
    private static String agree(JsonMasker masker, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        String viaJackson = outcome(() -> masker.maskWithJackson(bytes));
        assertThat(outcome(() -> masker.mask(bytes))).as("bytes").isEqualTo(viaJackson);
        assertThat(outcome(() -> stream(masker, bytes, 997, false))).as("stream").isEqualTo(viaJackson);
        assertThat(outcome(() -> masker.mask(json))).as("string").isEqualTo(outcome(() -> masker.maskWithJackson(json)));
        return viaJackson;
    }

    private static String agree(JsonMasker masker, byte[] bytes) {
        String viaJackson = outcome(() -> masker.maskWithJackson(bytes));
        assertThat(outcome(() -> masker.mask(bytes))).as("bytes").isEqualTo(viaJackson);
        assertThat(outcome(() -> stream(masker, bytes, 3, false))).as("stream").isEqualTo(viaJackson);
        return viaJackson;
    }

    @Test
    void nesting_atTheDefaultLimit_isAccepted_pastIt_isRejected() {
        assertThat(agree(MASKER, "[".repeat(1000) + "]".repeat(1000))).isNotEqualTo("rejected");
        assertThat(agree(MASKER, "[".repeat(1001) + "]".repeat(1001))).isEqualTo("rejected");
        assertThat(agree(MASKER, "{\"a\":".repeat(1000) + "1" + "}".repeat(1000))).isNotEqualTo("rejected");
        assertThat(agree(MASKER, "{\"s\":".repeat(1001) + "1" + "}".repeat(1001))).isEqualTo("rejected");
    }

    @Test
    void numbers_nearTheDefaultLengthLimit_agreeWithJackson() {
        String[] forms = {"%s", "-%s", "0.%s", "1.%s", "12.%s", "0e%s", "1E+%s", "0.0e%s", "1.%se1", "0.0%s", "123.4e-%s"};
        int accepted = 0;
        for (String form : forms) {
            for (int n = 996; n <= 1002; n++) {
                String number = String.format(form, "7".repeat(n));
                for (String doc : new String[] {"[" + number + "]", number, " " + number + " ", "{\"s\":" + number + "}",
                        "{\"e\":" + number + "}"}) {
                    accepted += agree(MASKER, doc).equals("rejected") ? 0 : 1;
                }
            }
        }
        assertThat(accepted).isGreaterThan(50);
    }

    @Test
    void keys_nearTheDefaultLengthLimit_agreeWithJackson() {
        for (String unit : new String[] {"k", "é", "\\n", "\\u00e9", "😀"}) {
            int per = unit.equals("😀") ? 4 : unit.equals("é") ? 2 : 1;
            for (int bytes : new int[] {49_996, 50_000, 50_004}) {
                String key = unit.repeat(bytes / per);
                agree(MASKER, "{\"" + key + "\":1}");
                agree(MASKER, "{\"a\":{\"" + key + "\":\"v\",\"" + key + "\":\"w\"}}");
            }
        }
    }

    @Test
    void maskedStrings_pastTheLengthLimit_areRejected_clearOnesAreNot() {
        JsonMasker small = JsonMasker.builder().maskKey("e", Maskers.keepLast(2)).maskKeys("s")
                .limits(StreamReadConstraints.builder().maxStringLength(500).build()).build();
        for (int n : new int[] {499, 500, 501, 5000}) {
            agree(small, "{\"e\":\"" + "x".repeat(n) + "\",\"c\":\"" + "y".repeat(n) + "\"}");
            agree(small, "{\"e\":\"" + "\\u00e9".repeat(n) + "\"}");
        }
        assertThat(outcome(() -> small.mask("{\"e\":\"" + "x".repeat(501) + "\"}"))).isEqualTo("rejected");
        assertThat(outcome(() -> small.mask("{\"c\":\"" + "x".repeat(501) + "\"}"))).isNotEqualTo("rejected");
        // a fully masked string is never decoded, and Jackson checks its length only per filled text segment:
        // the scanner counts it exactly, so it is at least as strict
        assertThat(outcome(() -> small.mask(("{\"s\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("rejected").isEqualTo(outcome(() -> small.maskWithJackson(("{\"s\":\"" + "x".repeat(70_000) + "\"}")
                        .getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void utf8_isValidatedAsStrictlyAsJackson_inValuesMaskedValuesAndKeys() {
        int[][] sequences = {
            {0xC2, 0x80}, {0xC1, 0xBF}, {0xDF, 0xBF}, {0xE0, 0x80, 0x80}, {0xE0, 0x9F, 0xBF}, {0xE0, 0xA0, 0x80},
            {0xED, 0x9F, 0xBF}, {0xED, 0xA0, 0x80}, {0xED, 0xBF, 0xBF}, {0xEE, 0x80, 0x80}, {0xEF, 0xBF, 0xBF},
            {0xF0, 0x80, 0x80, 0x80}, {0xF0, 0x8F, 0xBF, 0xBF}, {0xF0, 0x90, 0x80, 0x80}, {0xF4, 0x8F, 0xBF, 0xBF},
            {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80}, {0xF8, 0x80, 0x80, 0x80, 0x80}, {0x80}, {0xBF},
            {0xC2}, {0xE2, 0x82}, {0xF0, 0x9F, 0x98}, {0xFF},
        };
        int accepted = 0;
        for (int[] sequence : sequences) {
            for (String[] around : new String[][] {{"[\"", "\"]"}, {"{\"s\":\"", "\"}"}, {"{\"e\":\"ab", "\"}"}, {"{\"", "\":1}"},
                    {"{\"x", "y\":1}"}, {"[\"", ""}, {"", ""}}) {
                byte[] head = around[0].getBytes(StandardCharsets.UTF_8);
                byte[] tail = around[1].getBytes(StandardCharsets.UTF_8);
                byte[] doc = new byte[head.length + sequence.length + tail.length];
                System.arraycopy(head, 0, doc, 0, head.length);
                for (int i = 0; i < sequence.length; i++) {
                    doc[head.length + i] = (byte) sequence[i];
                }
                System.arraycopy(tail, 0, doc, head.length + sequence.length, tail.length);
                accepted += agree(MASKER, doc).equals("rejected") ? 0 : 1;
            }
        }
        assertThat(accepted).isEqualTo(8 * 5); // eight valid sequences, in the five places that are inside a string
    }

    @Test
    void escapes_areValidatedAsJacksonDoes() {
        for (String escape : new String[] {"\\n", "\\/", "\\u00e9", "\\uABCD", "\\uD800", "\\uDC00", "\\ud83d\\ude00",
                "\\x", "\\u12", "\\u12G4", "\\U0041", "\\", "\\'", "\\0"}) {
            agree(MASKER, "[\"" + escape + "\"]");
            agree(MASKER, "{\"e\":\"" + escape + "\"}");
            agree(MASKER, "{\"" + escape + "\":1}");
            agree(MASKER, "{\"" + escape + "x\":1}");
        }
    }

    @Test
    void bom_isSkippedInBytesAndStreams_notInStrings() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        for (String json : new String[] {"{\"s\":\"x\"}", "1", "", " ", "[]"}) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            byte[] doc = new byte[3 + body.length];
            System.arraycopy(bom, 0, doc, 0, 3);
            System.arraycopy(body, 0, doc, 3, body.length);
            agree(MASKER, doc);
            agree(MASKER, "\uFEFF" + json);
        }
        assertThat(new String(MASKER.mask("\uFEFF{\"s\":\"x\"}".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFF{\"s\":\"****\"}");
    }

    @Test
    void utf16AndUtf32_goToJackson() {
        for (String charset : new String[] {"UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE", "UTF-32LE"}) {
            byte[] doc = "{\"s\":\"secret\",\"n\":1.50}".getBytes(java.nio.charset.Charset.forName(charset));
            assertThat(agree(MASKER, doc)).isEqualTo("bytes: {\"s\":\"****\",\"n\":1.50}");
        }
    }

    @Test
    void stream_tokensLongerThanTheWindow_areMaskedWhole() {
        String big = "ü".repeat(150_000);
        String doc = "{\"c\":\"" + big + "\",\"s\":\"" + big + "\",\"e\":\"" + big + "\",\"n\":" + "9".repeat(900) + "}";
        byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);

        String expected = "{\"c\":\"" + big + "\",\"s\":\"****\",\"e\":\"" + "*".repeat(149_998) + "üü\",\"n\":" + "9".repeat(900) + "}";
        assertThat(new String(stream(MASKER, bytes, 1 << 20, false), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(new String(stream(MASKER, bytes, 4093, false), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(MASKER.mask(doc)).isEqualTo(expected).isEqualTo(MASKER.maskWithJackson(doc));
    }

    @Test
    void keyCache_lookalikeLongAndManyKeys_eachGetTheirOwnRule() {
        JsonMasker masker = JsonMasker.builder()
                .maskKeys("customer_secret_value_x", "k0777", "a_very_long_key_" + "x".repeat(300), "pass\u00e9").build();
        StringBuilder doc = new StringBuilder("{");
        StringBuilder expected = new StringBuilder("{");
        for (int i = 0; i < 5000; i++) {
            String key = "k" + String.format("%04d", i);
            doc.append('"').append(key).append("\":\"v\",");
            expected.append('"').append(key).append("\":").append(key.equals("k0777") ? "\"****\"" : "\"v\"").append(',');
        }
        // same length, same first and last eight bytes: only the middle differs
        doc.append("\"customer_secret_value_x\":1,\"customer_public_value_x\":2,");
        expected.append("\"customer_secret_value_x\":\"****\",\"customer_public_value_x\":2,");
        doc.append("\"a_very_long_key_").append("x".repeat(300)).append("\":3,\"a_very_long_key_").append("x".repeat(299)).append("y\":4,");
        expected.append("\"a_very_long_key_").append("x".repeat(300)).append("\":\"****\",\"a_very_long_key_")
                .append("x".repeat(299)).append("y\":4,");
        doc.append("\"pass\\u00e9\":5,\"PASS\u00c9\":6,\"pass\\u00E9\":7}");
        expected.append("\"pass\\u00e9\":\"****\",\"PASS\u00c9\":\"****\",\"pass\\u00E9\":\"****\"}");

        for (int round = 0; round < 3; round++) { // cold, then cached
            assertThat(masker.mask(doc.toString())).isEqualTo(expected.toString());
        }
    }

    @Test
    void oneMasker_sharedByThreads_givesTheSameOutput() throws Exception {
        JsonMasker masker = JsonMasker.builder().maskKeys("password").maskKey("email", Maskers.email()).build();
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            docs.add("{\"k" + i + "\":" + i + ",\"password\":\"p" + i + "\",\"email\":\"u" + i + "@example.com\",\"K" + (i * 7) + "\":[]}");
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        for (String doc : docs) {
                            if (!masker.mask(doc).equals(masker.maskWithJackson(doc))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void errors_givePositionAndReason_neverTheInput() {
        assertThatThrownBy(() -> MASKER.mask("{\n  \"s\": \"hunter2\",\n  \"t\": hunter2 }"))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessage("malformed JSON at line 3, column 8: not well-formed JSON: expected a value")
                .satisfies(e -> assertThat(((MalformedJsonException) e).line()).isEqualTo(3));
        assertThatThrownBy(() -> MASKER.mask("{\"é\":\"ü\"\u0001}")).hasMessage(
                "malformed JSON at line 1, column 9: not well-formed JSON: expected ',' or '}'");
        assertThatThrownBy(() -> MASKER.mask("{\"s\":\"hunter2"))
                .hasMessageContaining("unexpected end of input").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> MASKER.mask("[\"a\" \"hunter2\"]")).hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> MASKER.mask(("[" + "1".repeat(1001) + "]").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("exceeds a limit");
        assertThatThrownBy(() -> MASKER.mask("  ".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("empty input");
        assertThatThrownBy(() -> MASKER.mask("{} {}".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("trailing content");
    }
}
