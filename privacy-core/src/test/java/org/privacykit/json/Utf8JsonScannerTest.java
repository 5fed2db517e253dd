package org.privacykit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.json.JsonMaskerDifferentialTest.exactOutcome;
import static org.privacykit.json.JsonMaskerDifferentialTest.outcome;
import static org.privacykit.json.JsonMaskerDifferentialTest.stream;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.privacykit.mask.Maskers;

/**
 * The corners of the scanner: the limits at and past their edges, strict UTF-8, escapes, the BOM,
 * UTF-16 and UTF-32, tokens longer than the stream window, the raw-key cache and concurrent use;
 * each checked against the Jackson reference, and in all three forms of {@code mask}.
 */
class Utf8JsonScannerTest {
    private static final MaskerSpec SPEC = new MaskerSpec("s full, e keepLast(2)").maskKeys("s").maskKey("e", Maskers.keepLast(2));
    private static final JsonMasker MASKER = SPEC.build();

    /**
     * Asserts that the reference, the bytes, a stream in odd chunks and the String all agree on
     * the input (the three forms exactly, rejections included), and returns the outcome.
     */
    private static String agree(MaskerSpec spec, JsonMasker masker, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        String exact = exactOutcome(() -> masker.mask(bytes));
        assertThat(outcome(() -> masker.mask(bytes))).as("bytes").isEqualTo(outcome(() -> spec.reference().mask(bytes)));
        assertThat(exactOutcome(() -> stream(masker, bytes, 997))).as("stream").isEqualTo(exact);
        assertThat(exactOutcome(() -> masker.mask(json))).as("string").isEqualTo(exact);
        return outcome(() -> masker.mask(bytes));
    }

    private static String agree(String json) {
        return agree(SPEC, MASKER, json);
    }

    private static String agree(byte[] bytes) {
        String viaReference = outcome(() -> SPEC.reference().mask(bytes));
        assertThat(outcome(() -> MASKER.mask(bytes))).as("bytes").isEqualTo(viaReference);
        assertThat(exactOutcome(() -> stream(MASKER, bytes, 3))).as("stream").isEqualTo(exactOutcome(() -> MASKER.mask(bytes)));
        return viaReference;
    }

    @Test
    void nesting_atTheDefaultLimit_isAccepted_pastIt_isRejected() {
        assertThat(agree("[".repeat(1000) + "]".repeat(1000))).isNotEqualTo("rejected");
        assertThat(agree("[".repeat(1001) + "]".repeat(1001))).isEqualTo("rejected");
        assertThat(agree("{\"a\":".repeat(1000) + "1" + "}".repeat(1000))).isNotEqualTo("rejected");
        assertThat(agree("{\"s\":".repeat(1001) + "1" + "}".repeat(1001))).isEqualTo("rejected");
    }

    @Test
    void numbers_upToTheLengthLimit_areAccepted_longerOnesRejected_evenWhenMalformedFurtherOn() {
        String[] forms = {"%s", "-%s", "0.%s", "1.%s", "0e%s", "1E+%s", "1.%se1", "123.4e-%s", "%s.", "-%se", "%sx"};
        int accepted = 0;
        for (String form : forms) {
            for (int n = 995; n <= 1001; n++) {
                String number = String.format(form, "7".repeat(n));
                for (String doc : new String[] {"[" + number + "]", number, " " + number + " ", "{\"s\":" + number + "}",
                        "{\"e\":" + number + "}"}) {
                    String outcome = agree(doc);
                    accepted += outcome.equals("rejected") ? 0 : 1;
                    assertThat(outcome.equals("rejected")).as(doc.length() + " chars").isEqualTo(
                            number.length() > 1000 || number.endsWith(".") || number.endsWith("e") || number.endsWith("x"));
                }
            }
        }
        assertThat(accepted).isGreaterThan(100);
        // past the limit before a malformed part: the limit is what every form reports
        assertThatThrownBy(() -> MASKER.mask("[" + "1".repeat(1200) + ".]")).hasMessageContaining("a number longer than 1000");
    }

    @Test
    void keys_upToTheLengthLimitInChars_areAccepted_longerOnesRejected() {
        MaskerSpec spec = new MaskerSpec("keys of 500 chars").maskKeys("s").limits(1000, 500, 1000, 64 * 1024);
        JsonMasker masker = spec.build();
        for (String unit : new String[] {"k", "é", "\\n", "\\u00e9", "😀"}) {
            int chars = unit.equals("😀") ? 2 : 1;
            for (int length : new int[] {498, 500, 502}) {
                String key = unit.repeat(length / chars);
                String outcome = agree(spec, masker, "{\"" + key + "\":1}");
                assertThat(outcome.equals("rejected")).as("%s x %d", unit, length).isEqualTo(length > 500);
                agree(spec, masker, "{\"a\":{\"" + key + "\":\"v\",\"" + key + "\":\"w\"}}");
                // too long before an invalid escape: the limit wins in every form
                agree(spec, masker, "{\"" + key + "\\x\":1}");
            }
        }
        // the default: 50,000 chars
        assertThat(agree("{\"" + "é".repeat(50_000) + "\":1}")).isNotEqualTo("rejected");
        assertThatThrownBy(() -> MASKER.mask("{\"" + "k".repeat(50_001) + "\":1}"))
                .hasMessage("malformed JSON at line 1, column 2: the document exceeds a limit (a key longer than 50000 characters)");
    }

    @Test
    void maskedValues_longerThanTheMaskerInputLimit_areMaskedFully_othersByTheirMasker() {
        MaskerSpec spec = new MaskerSpec("small masker input").maskKey("e", Maskers.keepLast(2)).maskKeys("s")
                .maskKey("r", Maskers.redact()).limits(1000, 50_000, 1000, 500);
        JsonMasker small = spec.build();
        for (int n : new int[] {499, 500, 501, 5000}) {
            String x = "x".repeat(n);
            assertThat(agree(spec, small, "{\"e\":\"" + x + "\",\"c\":\"" + x + "\",\"r\":\"" + x + "\"}"))
                    .isEqualTo("bytes: {\"e\":\"" + (n > 500 ? "****" : "*".repeat(n - 2) + "xx") + "\",\"c\":\"" + x
                            + "\",\"r\":\"[REDACTED]\"}");
            agree(spec, small, "{\"e\":\"" + "\\u00e9".repeat(n) + "\"}");
        }
        // the limit counts chars, not bytes: 500 escapes of six bytes each are 500 chars
        assertThat(small.mask("{\"e\":\"" + "\\u00e9".repeat(500) + "\"}")).endsWith("éé\"}");
    }

    @Test
    void utf8_isValidatedStrictly_inValuesMaskedValuesAndKeys() {
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
                accepted += agree(doc).equals("rejected") ? 0 : 1;
            }
        }
        assertThat(accepted).isEqualTo(8 * 5); // eight valid sequences, in the five places that are inside a string
    }

    @Test
    void escapes_areValidated() {
        for (String escape : new String[] {"\\n", "\\/", "\\u00e9", "\\uABCD", "\\uD800", "\\uDC00", "\\ud83d\\ude00",
                "\\x", "\\u12", "\\u12G4", "\\U0041", "\\", "\\'", "\\0"}) {
            agree("[\"" + escape + "\"]");
            agree("{\"e\":\"" + escape + "\"}");
            agree("{\"" + escape + "\":1}");
            agree("{\"" + escape + "x\":1}");
        }
    }

    @Test
    void bom_isSkippedAndKept_inEveryForm() {
        for (String json : new String[] {"{\"s\":\"x\"}", "1", "", " ", "[]", "{\"s\":"}) {
            String outcome = agree("\uFEFF" + json);
            assertThat(outcome).isEqualTo(json.isBlank() || json.endsWith(":") ? "rejected"
                    : outcome(() -> MASKER.mask(("\uFEFF" + json).getBytes(StandardCharsets.UTF_8))));
        }
        assertThat(MASKER.mask("\uFEFF{\"s\":\"x\"}")).isEqualTo("\uFEFF{\"s\":\"****\"}");
        assertThat(new String(MASKER.mask("\uFEFF{\"s\":\"x\"}".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFF{\"s\":\"****\"}");
        // a BOM is only skipped at the start
        assertThat(agree("[\uFEFF1]")).isEqualTo("rejected");
    }

    @Test
    void utf16AndUtf32_areTranscodedToUtf8_withTheirLayout() {
        String doc = "{ \"s\": \"secret\",\n  \"n\": 1.50, \"k\": \"ü😀\" }";
        String expected = "{ \"s\": \"****\",\n  \"n\": 1.50, \"k\": \"ü😀\" }";
        for (String charset : new String[] {"UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE"}) {
            byte[] bytes = doc.getBytes(Charset.forName(charset));
            assertThat(new String(MASKER.mask(bytes), StandardCharsets.UTF_8)).as(charset).isEqualTo(expected);
            assertThat(new String(stream(MASKER, bytes, 3), StandardCharsets.UTF_8)).as(charset).isEqualTo(expected);
        }
        // with a byte-order mark, which is kept as U+FEFF
        byte[] withBom = doc.getBytes(StandardCharsets.UTF_16);
        assertThat(new String(MASKER.mask(withBom), StandardCharsets.UTF_8)).isEqualTo("\uFEFF" + expected);
    }

    @Test
    void utf16_withAnUnpairedSurrogateOrCutShort_isRejectedWherever_itIsRead() {
        byte[] lone = "[\"a\uD800b\"]".getBytes(StandardCharsets.UTF_16BE);
        lone[6] = (byte) 0xD8; // the JDK wrote '?' for the lone surrogate: put it back
        lone[7] = 0;
        assertThatThrownBy(() -> MASKER.mask(lone)).isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("line 1, column 4").hasMessageContaining("surrogate");
        assertThat(exactOutcome(() -> stream(MASKER, lone, 1))).isEqualTo(exactOutcome(() -> MASKER.mask(lone)));
        byte[] cut = Arrays.copyOf("[\"ab\"]".getBytes(StandardCharsets.UTF_16BE), 7); // half of the 'b'

        assertThatThrownBy(() -> MASKER.mask(cut)).hasMessageContaining("invalid UTF-16");
        byte[] utf32 = "[\"x\"]".getBytes(Charset.forName("UTF-32BE"));
        utf32[8] = 0x11; // U+110078: past the last code point
        assertThatThrownBy(() -> MASKER.mask(utf32)).hasMessageContaining("invalid UTF-32");
    }

    @Test
    void stream_tokensLongerThanTheWindow_areMaskedWhole() {
        String big = "ü".repeat(150_000);
        String doc = "{\"c\":\"" + big + "\",\"s\":\"" + big + "\",\"e\":\"" + big.substring(0, 30_000) + "\",\"n\":" + "9".repeat(900) + "}";
        byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);

        String expected = "{\"c\":\"" + big + "\",\"s\":\"****\",\"e\":\"" + "*".repeat(29_998) + "üü\",\"n\":" + "9".repeat(900) + "}";
        assertThat(new String(stream(MASKER, bytes, 1 << 20), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(new String(stream(MASKER, bytes, 4093), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(MASKER.mask(doc)).isEqualTo(expected);
        assertThat(outcome(() -> SPEC.reference().mask(bytes))).isEqualTo(outcome(() -> MASKER.mask(bytes)));
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
        MaskerSpec spec = new MaskerSpec("shared").maskKeys("password").maskKey("email", Maskers.email());
        JsonMasker masker = spec.build();
        JacksonReferenceMasker reference = spec.reference();
        List<String> docs = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String doc = "{\"k" + i + "\":" + i + ",\"password\":\"p" + i + "\",\"email\":\"u" + i + "@example.com\",\"K" + (i * 7) + "\":[]}";
            docs.add(doc);
            expected.add(reference.mask(doc));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        for (int i = 0; i < docs.size(); i++) {
                            if (!masker.mask(docs.get(i)).equals(expected.get(i))) {
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
    void errors_givePositionInCharsAndReason_neverTheInput_inEveryForm() {
        assertThatThrownBy(() -> MASKER.mask("{\n  \"s\": \"hunter2\",\n  \"t\": hunter2 }"))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessage("malformed JSON at line 3, column 8: not well-formed JSON: expected a value")
                .satisfies(e -> assertThat(((MalformedJsonException) e).line()).isEqualTo(3));
        for (String doc : new String[] {"{\"é\":\"ü😀\"\u0001}", "{\"s\":\"hunter2", "[\"a\" \"hunter2\"]", "[" + "1".repeat(1001) + "]",
                "  ", "{} {}", "{\"ключ\":\n \"значение\", x}"}) {
            agree(doc);
        }
        assertThatThrownBy(() -> MASKER.mask("{\"é\":\"ü😀\"\u0001}")).hasMessage(
                "malformed JSON at line 1, column 11: not well-formed JSON: expected ',' or '}'");
        assertThatThrownBy(() -> MASKER.mask("{\"é\":\"ü😀\"\u0001}".getBytes(StandardCharsets.UTF_8))).hasMessage(
                "malformed JSON at line 1, column 11: not well-formed JSON: expected ',' or '}'");
        assertThatThrownBy(() -> MASKER.mask("{\"s\":\"hunter2"))
                .hasMessageContaining("unexpected end of input").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> MASKER.mask("[\"a\" \"hunter2\"]")).hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> MASKER.mask(("[" + "1".repeat(1001) + "]").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("exceeds a limit");
        assertThatThrownBy(() -> MASKER.mask("  ".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("empty input");
        assertThatThrownBy(() -> MASKER.mask("{} {}".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("trailing content");
    }

    @Test
    void stream_errorColumns_countTheWholeLine_acrossWindows() {
        String doc = "[\"" + "é".repeat(100_000) + "\", x]";
        byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
        String expected = "rejected: malformed JSON at line 1, column 100006: not well-formed JSON: expected a value";
        assertThat(exactOutcome(() -> MASKER.mask(doc))).isEqualTo(expected);
        assertThat(exactOutcome(() -> stream(MASKER, bytes, 1 << 20))).isEqualTo(expected);
        assertThat(exactOutcome(() -> stream(MASKER, bytes, 777))).isEqualTo(expected);
    }
}
