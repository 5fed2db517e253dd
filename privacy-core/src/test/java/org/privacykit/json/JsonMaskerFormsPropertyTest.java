package org.privacykit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacykit.json.JsonMaskerDifferentialTest.exactOutcome;
import static org.privacykit.json.JsonMaskerDifferentialTest.stream;
import static org.privacykit.json.JsonMaskerDifferentialTest.visible;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@code mask(String)}, {@code mask(byte[])} and the stream form give the same result for the same
 * text: the same output, or a {@link MalformedJsonException} with the same message, line and
 * column. The text is arbitrary: well-formed and malformed documents, with a byte-order mark now
 * and then, and with unpaired surrogates (which the bytes carry as the three bytes a surrogate
 * code point would have, as no UTF-8 can carry them otherwise).
 */
class JsonMaskerFormsPropertyTest {
    private static final int EXAMPLES = Integer.getInteger("differential.examples", 1500);
    private static final String[] ODD = {"\uFEFF", "\uD800", "\uDC00", "\uDBFF\uDBFF", "\uDFFF\uD800", "\uD83D\uDE00", "?"};

    @Test
    void anyText_theThreeFormsGiveTheSameResult() {
        qt().withExamples(EXAMPLES).forAll(texts().describedAs(JsonMaskerDifferentialTest::visible), integers().between(1, 9))
                .checkAssert((text, chunk) -> {
                    byte[] bytes = wtf8(text);
                    if (InputEncoding.detect(bytes, Math.min(bytes.length, 4)) != InputEncoding.UTF_8) {
                        return; // a NUL among the first bytes: read as UTF-16 or UTF-32, another text
                    }
                    for (JsonMasker masker : JsonMaskerDifferentialTest.MASKERS) {
                        String viaString = exactOutcome(() -> masker.mask(text));
                        assertThat(exactOutcome(() -> masker.mask(bytes))).as(() -> String.format("bytes, %s on %s", masker, visible(text)))
                                .isEqualTo(viaString);
                        assertThat(exactOutcome(() -> stream(masker, bytes, chunk))).as(() -> String.format("stream, %s on %s", masker, visible(text)))
                                .isEqualTo(viaString);
                    }
                });
    }

    @Test
    void anyBytes_theThreeFormsGiveTheSameResult() {
        qt().withExamples(EXAMPLES).forAll(JsonGenerators.bytes(5).describedAs(b -> visible(JsonMaskerDifferentialTest.latin1(b))),
                integers().between(1, 9)).checkAssert((bytes, chunk) -> {
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    boolean sameText = Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)
                            && InputEncoding.detect(bytes, Math.min(bytes.length, 4)) == InputEncoding.UTF_8;
                    for (JsonMasker masker : JsonMaskerDifferentialTest.MASKERS) {
                        String viaBytes = exactOutcome(() -> masker.mask(bytes));
                        assertThat(exactOutcome(() -> stream(masker, bytes, chunk))).isEqualTo(viaBytes);
                        if (sameText) {
                            assertThat(exactOutcome(() -> masker.mask(text))).isEqualTo(viaBytes);
                        }
                    }
                });
    }

    /** Documents, well-formed or not, with odd chars (BOMs, lone surrogates, pairs, '?') put anywhere now and then. */
    private static Gen<String> texts() {
        Gen<String> documents = JsonGenerators.documents(5);
        Gen<String> malformed = JsonGenerators.malformed(5);
        return in -> {
            StringBuilder text = new StringBuilder((JsonGenerators.pick(in, 2) == 0 ? malformed : documents).generate(in));
            for (int i = JsonGenerators.pick(in, 2); i > 0; i--) {
                int at = JsonGenerators.pick(in, text.length());
                text.insert(at, ODD[JsonGenerators.pick(in, ODD.length - 1)]);
            }
            if (JsonGenerators.pick(in, 4) == 0) {
                text.insert(0, '\uFEFF');
            }
            return text.toString();
        };
    }

    /** UTF-8, except that an unpaired surrogate is written as the three bytes of its code point (WTF-8). */
    static byte[] wtf8(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i); // an unpaired surrogate is its own code point
            i += Character.charCount(cp);
            if (cp < 0x80) {
                out.write(cp);
            } else if (cp < 0x800) {
                out.write(0xC0 | cp >> 6);
                out.write(0x80 | cp & 0x3F);
            } else if (cp < 0x10000) {
                out.write(0xE0 | cp >> 12);
                out.write(0x80 | cp >> 6 & 0x3F);
                out.write(0x80 | cp & 0x3F);
            } else {
                out.write(0xF0 | cp >> 18);
                out.write(0x80 | cp >> 12 & 0x3F);
                out.write(0x80 | cp >> 6 & 0x3F);
                out.write(0x80 | cp & 0x3F);
            }
        }
        return out.toByteArray();
    }
}
