package org.privacykit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.privacykit.mask.Maskers;

class JsonMaskerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void mask_keyAtAnyDepth_caseInsensitive() {
        JsonMasker masker = JsonMasker.builder().maskKeys("password").build();

        assertThat(masker.mask("{\"user\":{\"PassWord\":\"hunter2\",\"name\":\"x\"},\"password\":\"p\"}"))
                .isEqualTo("{\"user\":{\"PassWord\":\"****\",\"name\":\"x\"},\"password\":\"****\"}");
    }

    @Test
    void mask_caseSensitiveKeys_matchOnlyInTheSameCase_keysAndPathNames() {
        JsonMasker masker = JsonMasker.builder().maskKeys("password").maskPath("$.Card.number").caseSensitiveKeys(true).build();

        assertThat(masker.mask("{\"PassWord\":\"a\",\"password\":\"b\",\"Card\":{\"number\":1},\"card\":{\"number\":2}}"))
                .isEqualTo("{\"PassWord\":\"a\",\"password\":\"****\",\"Card\":{\"number\":\"****\"},\"card\":{\"number\":2}}");
    }

    @Test
    void mask_perKeyMaskStyles_fromCoreMaskers() {
        JsonMasker masker = JsonMasker.builder()
                .maskKey("email", Maskers.email())
                .maskKey("card", Maskers.paymentCard())
                .maskKey("iban", Maskers.iban())
                .build();

        assertThat(masker.mask("{\"email\":\"ada@example.com\",\"card\":\"4111 1111 1111 1111\",\"iban\":\"DE89 3704 0044 0532 0130 00\"}"))
                .isEqualTo("{\"email\":\"a***@example.com\",\"card\":\"**** **** **** 1111\",\"iban\":\"DE** **** **** **** **30 00\"}");
    }

    @Test
    void mask_maskedKeyHoldingObjectOrArray_masksEverythingInside() {
        JsonMasker masker = JsonMasker.builder().maskKeys("secret").build();

        assertThat(masker.mask("{\"secret\":{\"a\":\"x\",\"b\":[1,true,null,{\"c\":\"y\"}]},\"ok\":1}"))
                .isEqualTo("{\"secret\":{\"a\":\"****\",\"b\":[\"****\",\"****\",null,{\"c\":\"****\"}]},\"ok\":1}");
    }

    @Test
    void mask_keepValueTypes_writesZeroAndFalse() {
        JsonMasker masker = JsonMasker.builder().maskKeys("n", "b", "s").keepValueTypes(true).build();

        assertThat(masker.mask("{\"n\":12345.678,\"b\":true,\"s\":\"text\"}")).isEqualTo("{\"n\":0,\"b\":false,\"s\":\"****\"}");
    }

    @Test
    void mask_byJsonPath() {
        JsonMasker masker = JsonMasker.builder()
                .maskPath("$.customer.email", Maskers.email())
                .maskPath("$.orders[*].card")
                .maskPath("$['meta'].ip")
                .maskPath("$.list[1]")
                .build();

        String out = masker.mask("{\"customer\":{\"email\":\"ada@example.com\",\"name\":\"Ada\"},\"email\":\"keep@x.org\","
                + "\"orders\":[{\"card\":\"4111\",\"id\":1},{\"card\":\"5555\",\"id\":2}],\"meta\":{\"ip\":\"1.2.3.4\"},"
                + "\"list\":[\"a\",\"b\",\"c\"]}");

        assertThat(out).isEqualTo("{\"customer\":{\"email\":\"a***@example.com\",\"name\":\"Ada\"},\"email\":\"keep@x.org\","
                + "\"orders\":[{\"card\":\"****\",\"id\":1},{\"card\":\"****\",\"id\":2}],\"meta\":{\"ip\":\"****\"},"
                + "\"list\":[\"a\",\"****\",\"c\"]}");
    }

    @Test
    void mask_wildcard_selectsObjectMembersAndArrayElements() {
        JsonMasker masker = JsonMasker.builder().maskPath("$.*.token").build();

        assertThat(masker.mask("{\"a\":{\"token\":\"t1\"},\"b\":{\"token\":\"t2\"},\"token\":\"t3\"}"))
                .isEqualTo("{\"a\":{\"token\":\"****\"},\"b\":{\"token\":\"****\"},\"token\":\"t3\"}");
        // RFC 9535: '*' selects the elements of an array as well
        assertThat(masker.mask("[{\"token\":\"t1\"},{\"other\":1},{\"token\":[2]}]"))
                .isEqualTo("[{\"token\":\"****\"},{\"other\":1},{\"token\":[\"****\"]}]");
        assertThat(JsonMasker.builder().maskPath("$.list.*").build().mask("{\"list\":[1,{\"a\":2}],\"x\":3}"))
                .isEqualTo("{\"list\":[\"****\",{\"a\":\"****\"}],\"x\":3}");
    }

    @Test
    void mask_descendantSegment_selectsAtAnyDepth() {
        JsonMasker masker = JsonMasker.builder().maskPath("$..email", Maskers.email()).maskPath("$.a..[0]").build();

        assertThat(masker.mask("{\"email\":\"ada@example.com\",\"x\":[{\"email\":\"bob@example.com\"}],"
                + "\"a\":{\"b\":[1,2],\"c\":{\"d\":[3,[4,5]]}}}"))
                .isEqualTo("{\"email\":\"a***@example.com\",\"x\":[{\"email\":\"b***@example.com\"}],"
                        + "\"a\":{\"b\":[\"****\",2],\"c\":{\"d\":[\"****\",[\"****\",5]]}}}");
    }

    @Test
    void mask_indexSliceAndUnionSelectors() {
        JsonMasker masker = JsonMasker.builder().maskPath("$.l[0]").maskPath("$.m[1:5:2]").maskPath("$.n[3:]")
                .maskPath("$.o['a', \"b\"]").maskPath("$.p[0, 2]").build();

        assertThat(masker.mask("{\"l\":[1,2],\"m\":[0,1,2,3,4,5],\"n\":[0,1,2,3,4],\"o\":{\"a\":1,\"b\":2,\"c\":3},\"p\":[7,8,9]}"))
                .isEqualTo("{\"l\":[\"****\",2],\"m\":[0,\"****\",2,\"****\",4,5],\"n\":[0,1,2,\"****\",\"****\"],"
                        + "\"o\":{\"a\":\"****\",\"b\":\"****\",\"c\":3},\"p\":[\"****\",8,\"****\"]}");
    }

    @Test
    void mask_rootPath_masksTheWholeDocument() {
        assertThat(JsonMasker.builder().maskPath("$").build().mask("{\"a\":[1,\"x\"],\"b\":null}"))
                .isEqualTo("{\"a\":[\"****\",\"****\"],\"b\":null}");
    }

    @Test
    void builder_refusesPathsAStreamCannotEvaluate_orThatSelectNothing() {
        assertThatThrownBy(() -> JsonMasker.builder().maskPath("$.a[-1]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative index").hasMessageContaining("not supported");
        assertThatThrownBy(() -> JsonMasker.builder().maskPath("$.a[-3:]")).hasMessageContaining("negative bound");
        assertThatThrownBy(() -> JsonMasker.builder().maskPath("$.a[::-1]")).hasMessageContaining("negative step");
        assertThatThrownBy(() -> JsonMasker.builder().maskPath("$.a[?@.b == 1]")).hasMessageContaining("filter");
        assertThatThrownBy(() -> JsonMasker.builder().maskPath("$.a[2:2]")).hasMessageContaining("selects nothing");
        assertThatThrownBy(() -> JsonMasker.builder().maskPath("$.a[0:5:0]")).hasMessageContaining("selects nothing");
        assertThatThrownBy(() -> JsonMasker.builder().allowPaths("$.a[-1]")).hasMessageContaining("negative index");
    }

    @Test
    void builder_refusesContradictionsAndBadPaths() {
        assertThatThrownBy(() -> JsonMasker.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JsonMasker.builder().maskKeys("a").allowKeys("A")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonMasker.builder().maskKeys("a", "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonMasker.builder().maskKeys(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonMasker.builder().maskPath("a.b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonMasker.builder().maskPath("$.a[x]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonMasker.builder().maskPath("$.a").maskPath("$['A']")).hasMessageContaining("already added");
        assertThatThrownBy(() -> JsonMasker.builder().maskPath("$.a").allowPaths("$.a")).hasMessageContaining("both masked and allowed");
        assertThatThrownBy(() -> JsonMasker.builder().maskKeys("a").maxNestingDepth(0)).isInstanceOf(IllegalArgumentException.class);
        // keys that differ only in case collide once the masker is case-insensitive, whatever the order of the calls
        assertThatThrownBy(() -> JsonMasker.builder().caseSensitiveKeys(true).maskKeys("a", "A").caseSensitiveKeys(false).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already masked");
        assertThat(JsonMasker.builder().caseSensitiveKeys(true).maskKeys("a", "A").maskPath("$.a").maskPath("$.A").build()).isNotNull();
    }

    @Test
    void mask_allowListMode_masksEveryValueWhoseKeyIsNotAllowed() {
        JsonMasker masker = JsonMasker.builder().allowKeys("id", "status").maskKey("email", Maskers.email()).build();

        assertThat(masker.mask("{\"id\":7,\"status\":\"ok\",\"name\":\"Ada\",\"email\":\"ada@example.com\","
                + "\"customer\":{\"id\":8,\"phone\":\"123\"},\"tags\":[\"a\",\"b\"]}"))
                .isEqualTo("{\"id\":7,\"status\":\"ok\",\"name\":\"****\",\"email\":\"a***@example.com\","
                        + "\"customer\":{\"id\":8,\"phone\":\"****\"},\"tags\":[\"****\",\"****\"]}");
    }

    @Test
    void mask_allowPaths_keepWhatTheySelect_andWalkObjects() {
        JsonMasker masker = JsonMasker.builder().allowPaths("$.orders[*].id", "$.tags", "$.meta..*", "$.customer")
                .maskPath("$.meta.secret").build();

        assertThat(masker.mask("{\"orders\":[{\"id\":1,\"card\":\"4111\"}],\"id\":2,\"tags\":[\"a\",[\"b\"]],"
                + "\"meta\":{\"v\":1,\"deep\":{\"w\":2},\"secret\":\"s\"},\"customer\":{\"name\":\"Ada\"}}"))
                .isEqualTo("{\"orders\":[{\"id\":1,\"card\":\"****\"}],\"id\":\"****\",\"tags\":[\"a\",[\"b\"]],"
                        + "\"meta\":{\"v\":1,\"deep\":{\"w\":2},\"secret\":\"****\"},\"customer\":{\"name\":\"****\"}}");
    }

    @Test
    void mask_allowListMode_rootScalarsAndArrays_areMasked() {
        JsonMasker masker = JsonMasker.builder().allowKeys("id").build();

        assertThat(masker.mask("\"alone\"")).isEqualTo("\"****\"");
        assertThat(masker.mask("[\"a\",{\"id\":1}]")).isEqualTo("[\"****\",{\"id\":1}]");
        assertThat(JsonMasker.builder().allowPaths("$").build().mask("[\"a\",{\"id\":1}]")).isEqualTo("[\"a\",{\"id\":\"****\"}]");
    }

    @Test
    void mask_unmaskedValues_areCopiedExactly() {
        JsonMasker masker = JsonMasker.builder().maskKeys("x").build();
        String json = "{\"big\":123456789012345678901234567890,\"f\":1.10,\"e\":-2.5E-300,\"u\":\"\\u00e9\\n\\\"q\\\"\","
                + "\"t\":true,\"n\":null,\"a\":[],\"o\":{}}";

        assertThat(masker.mask(json)).isSameAs(json);
        assertThat(masker.mask("{ \"x\" : \"secret\" ,\n  \"y\" : [ 1 , 2 ] }")).isEqualTo("{ \"x\" : \"****\" ,\n  \"y\" : [ 1 , 2 ] }");
    }

    @Test
    void mask_stringWithALeadingByteOrderMark_isMaskedAsItsBytesAre() {
        JsonMasker masker = JsonMasker.builder().maskKeys("password").build();
        String json = "\uFEFF{\"password\":\"hunter2\"}";

        assertThat(masker.mask(json)).isEqualTo("\uFEFF{\"password\":\"****\"}");
        assertThat(masker.mask(json.getBytes(StandardCharsets.UTF_8))).isEqualTo("\uFEFF{\"password\":\"****\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void mask_string_outputDecodedAsUtf8_whenTheTextOrAMaskIsNotAscii() {
        JsonMasker masker = JsonMasker.builder().maskKey("name", value -> "\u2022\u2022\u2022").maskKeys("password").build();

        // an ASCII document given a mask outside ASCII
        assertThat(masker.mask("{\"name\":\"Ann\",\"password\":\"p\"}"))
                .isEqualTo("{\"name\":\"\u2022\u2022\u2022\",\"password\":\"****\"}");
        // text outside ASCII (a clear value, a key, a masked value), ASCII masks
        assertThat(masker.mask("{\"city\":\"Z\u00fcrich\",\"pass\u00e9\":1,\"password\":\"\u00e9t\u00e9\"}"))
                .isEqualTo("{\"city\":\"Z\u00fcrich\",\"pass\u00e9\":1,\"password\":\"****\"}");
        // a byte-order mark before an ASCII document
        assertThat(masker.mask("\uFEFF{\"password\":\"p\"}")).isEqualTo("\uFEFF{\"password\":\"****\"}");
    }

    @Test
    void mask_stringWithARawUnpairedSurrogate_isMalformedAtItsPosition_neverAQuestionMark() {
        JsonMasker masker = JsonMasker.builder().maskKey("email", Maskers.email()).build();

        for (String json : new String[] {"{\"email\":\"ad\uD800a@example.com\"}", "{\"email\":\"ada@example.com\uDC00\"}",
                "{\"note\":\"\uD83D\", \"email\":\"a@b.c\"}"}) {
            int index = json.indexOf(json.chars().filter(c -> Character.isSurrogate((char) c)).findFirst().getAsInt());
            assertThatThrownBy(() -> masker.mask(json)).isInstanceOf(MalformedJsonException.class)
                    .hasMessage("malformed JSON at line 1, column " + (index + 1) + ": not well-formed JSON: a surrogate code point"
                            + " (an unpaired surrogate, or one encoded apart from its pair) is not a character");
        }
        // a '?' of the document itself is just a character
        assertThat(masker.mask("{\"email\":\"a?b@example.com\",\"q\":\"?\"}"))
                .isEqualTo("{\"email\":\"" + Maskers.email().mask("a?b@example.com") + "\",\"q\":\"?\"}");
    }

    @Test
    void mask_escapedUnpairedSurrogate_isValidJson_andStaysEscapedInTheMask_inEveryForm() throws IOException {
        JsonMasker masker = JsonMasker.builder().maskKey("note", Maskers.keepLast(2)).build();
        String json = "{\"note\":\"abc\\ud800d\",\"other\":\"\\udc00\"}";
        String expected = "{\"note\":\"***\\ud800d\",\"other\":\"\\udc00\"}";

        assertThat(masker.mask(json)).isEqualTo(expected);
        assertThat(new String(masker.mask(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8)).isEqualTo(expected);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        masker.mask(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected).doesNotContain("?");
    }

    @Test
    void mask_longValues_beyondTheMaskerInputLimit_areMaskedFully() {
        JsonMasker masker = JsonMasker.builder().maskKey("note", Maskers.keepLast(4)).maxMaskerInputLength(10).build();

        assertThat(masker.mask("{\"note\":\"0123456789\"}")).isEqualTo("{\"note\":\"******6789\"}");
        assertThat(masker.mask("{\"note\":\"0123456789A\"}")).isEqualTo("{\"note\":\"****\"}");
    }

    @Test
    void mask_aMaskerThatMasksJsonWithTheSameJsonMasker_doesNotDisturbTheOuterCall() {
        JsonMasker[] self = new JsonMasker[1];
        self[0] = JsonMasker.builder().maskKeys("password").maskKey("inner", value -> self[0].mask(value)).build();

        assertThat(self[0].mask("{\"inner\":\"{\\\"password\\\":\\\"x\\\"}\",\"password\":\"y\",\"z\":[1]}"))
                .isEqualTo("{\"inner\":\"{\\\"password\\\":\\\"****\\\"}\",\"password\":\"****\",\"z\":[1]}");
    }

    @Test
    void mask_bytesAndStreams_giveTheSameOutput() throws IOException {
        JsonMasker masker = JsonMasker.builder().maskKeys("password").build();
        String json = "{\"user\":\"ada\",\"password\":\"hunter2\",\"ünï\":\"çödé\"}";

        byte[] bytes = masker.mask(json.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        masker.mask(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(masker.mask(json));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(masker.mask(json));
    }

    @Test
    void mask_streamLargerThanTheWindow_equalsTheStringResult() throws IOException {
        JsonMasker masker = JsonMasker.builder().maskKey("email", Maskers.email()).maskKeys("password").build();
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 5000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"i\":").append(i).append(",\"email\":\"user").append(i)
                    .append("@example.com\",\"password\":\"pw-").append(i).append("\",\"note\":\"ünïcödé ").append(i).append("\"}");
        }
        String doc = json.append(']').toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        masker.mask(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), out);

        assertThat(doc.length()).isGreaterThan(4 * 64 * 1024);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(masker.mask(doc)).doesNotContain("pw-");
    }

    @Test
    void mask_utf16Bytes_areReencodedAsUtf8() {
        JsonMasker masker = JsonMasker.builder().maskKeys("password").build();

        byte[] out = masker.mask("{\"password\":\"hunter2\",\"n\":1.50}".getBytes(StandardCharsets.UTF_16BE));

        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("{\"password\":\"****\",\"n\":1.50}");
    }

    @Test
    void mask_largeStream_isStreamedWithoutHoldingTheDocument() throws IOException {
        JsonMasker masker = JsonMasker.builder().maskKeys("password").build();
        int records = 200_000; // about 10 MB, generated and consumed on the fly
        InputStream in = new GeneratedJsonStream(records);
        CountingSink out = new CountingSink();

        masker.mask(in, out);

        assertThat(out.count).isGreaterThan(records * 40L);
        assertThat(out.sawSecret).isFalse();
    }

    @Test
    void mask_malformedInput_failsWithPositionButNeverTheInput() {
        JsonMasker masker = JsonMasker.builder().maskKeys("password").build();

        assertThatThrownBy(() -> masker.mask("{\"password\": hunter2secret}"))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("line 1")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"))
                .satisfies(e -> assertThat(e.getCause()).isNull());
        assertThatThrownBy(() -> masker.mask("{\"password\":\"hunter2secret\"")).isInstanceOf(MalformedJsonException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        assertThatThrownBy(() -> masker.mask("{} {\"password\":\"hunter2secret\"}")).isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("trailing content");
        assertThatThrownBy(() -> masker.mask("")).isInstanceOf(MalformedJsonException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> masker.mask("[".repeat(5000))).isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void mask_output_isValidJson() throws IOException {
        JsonMasker masker = JsonMasker.builder().maskKeys("a").keepValueTypes(true).build();

        String out = masker.mask("[{\"a\":[1,2,{\"b\":3}]},{\"a\":\"x\"},2,\"s\"]");

        assertThat(JSON.readTree(out).size()).isEqualTo(4);
        assertThat(out).isEqualTo("[{\"a\":[0,0,{\"b\":0}]},{\"a\":\"****\"},2,\"s\"]");
    }

    /** Produces {"records":[{"user":"u1","password":"secret-1"}, ...]} without holding it in memory. */
    private static final class GeneratedJsonStream extends InputStream {
        private final int records;
        private int next;
        private byte[] chunk = "{\"records\":[".getBytes(StandardCharsets.UTF_8);
        private int pos;

        GeneratedJsonStream(int records) {
            this.records = records;
        }

        @Override
        public int read() {
            if (pos == chunk.length) {
                if (next > records) {
                    return -1;
                }
                chunk = (next == records ? "]}" : (next > 0 ? "," : "")
                        + "{\"user\":\"user-" + next + "\",\"password\":\"secret-" + next + "\"}").getBytes(StandardCharsets.UTF_8);
                next++;
                pos = 0;
            }
            return chunk[pos++] & 0xFF;
        }
    }

    /** Counts bytes and watches for the masked values, without keeping the output. */
    private static final class CountingSink extends OutputStream {
        private final byte[] needle = "secret-".getBytes(StandardCharsets.UTF_8);
        private int matched;
        long count;
        boolean sawSecret;

        @Override
        public void write(int b) {
            count++;
            matched = b == needle[matched] ? matched + 1 : (b == needle[0] ? 1 : 0);
            if (matched == needle.length) {
                sawSecret = true;
                matched = 0;
            }
        }
    }
}
