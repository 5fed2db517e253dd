package org.privacykit.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.StreamReadConstraints;
import org.junit.jupiter.api.Test;

import org.privacykit.mask.Masker;
import org.privacykit.mask.Maskers;

/**
 * The scanner (JsonMasker's fast path) against the Jackson loop (its reference): for generated
 * documents, well-formed and malformed, as strings, bytes and streams read in small chunks, both
 * give byte-identical output or both reject the input. {@code -Ddifferential.examples=N} runs N
 * documents per property and masker (default 1500, a few seconds).
 */
class JsonMaskerDifferentialTest {
    private static final int EXAMPLES = Integer.getInteger("differential.examples", 1500);
    private static final int DEPTH = 5;
    private static final StreamReadConstraints SMALL = StreamReadConstraints.builder()
            .maxNestingDepth(DEPTH + 1).maxNumberLength(8).maxNameLength(10).maxStringLength(12).build();
    /** Writes quotes, a backslash, control chars and the text itself, and leaves a surrogate unpaired. */
    private static final Masker TRICKY = value -> "\"\\\u0001\u2028<" + value + ">\ud800";
    private static final Masker NULL = value -> null;

    static final List<JsonMasker> MASKERS = List.of(
            JsonMasker.builder().maskKeys("password", "secret", "token").maskKey("email", Maskers.email())
                    .maskKey("card", Maskers.paymentCard()).build(),
            JsonMasker.builder().maskKeys("password", "secret", "token").maskKey("email", Maskers.email())
                    .keepValueTypes(true).build(),
            JsonMasker.builder().maskPath("$.a.b").maskPath("$['c']", Maskers.keepLast(2)).maskPath("$.p[*].q", Maskers.email())
                    .maskPath("$.list[1]").maskPath("$.*.token").maskKeys("secret").build(),
            JsonMasker.builder().allowKeys("id", "a", "name", "clé").maskKey("email", Maskers.email())
                    .allowListMask(Maskers.keepFirst(1)).build(),
            JsonMasker.builder().maskKey("password", TRICKY).maskKey("a", NULL).maskKey("b", Maskers.keepLast(3))
                    .maskKey("card", TRICKY).build(),
            // no full mask here: Jackson checks the length of a fully masked string only per filled text segment
            JsonMasker.builder().maskKey("password", Maskers.keepFirst(2)).maskKey("secret", Maskers.redact())
                    .maskKey("email", Maskers.keepLast(4)).maskKey("p", TRICKY).limits(SMALL).build());

    @Test
    void wellFormedStrings_scannerAndJackson_giveTheSameOutput() {
        qt().withExamples(EXAMPLES).forAll(JsonGenerators.documents(DEPTH).describedAs(JsonMaskerDifferentialTest::visible)).checkAssert(json -> {
            for (JsonMasker masker : MASKERS) {
                assertThat(outcome(() -> masker.mask(json))).as("%s on %s", masker, visible(json))
                        .isEqualTo(outcome(() -> masker.maskWithJackson(json)));
            }
        });
    }

    @Test
    void malformedStrings_scannerAndJackson_rejectTheSameInputs() {
        qt().withExamples(EXAMPLES).forAll(JsonGenerators.malformed(DEPTH).describedAs(JsonMaskerDifferentialTest::visible)).checkAssert(json -> {
            for (JsonMasker masker : MASKERS) {
                assertThat(outcome(() -> masker.mask(json))).as("%s on %s", masker, visible(json))
                        .isEqualTo(outcome(() -> masker.maskWithJackson(json)));
            }
        });
    }

    @Test
    void bytes_scannerAndJackson_agree() {
        qt().withExamples(EXAMPLES).forAll(JsonGenerators.bytes(DEPTH).describedAs(b -> visible(latin1(b)))).checkAssert(json -> {
            for (JsonMasker masker : MASKERS) {
                assertThat(outcome(() -> masker.mask(json))).as("%s on %s", masker, visible(latin1(json)))
                        .isEqualTo(outcome(() -> masker.maskWithJackson(json)));
            }
        });
    }

    @Test
    void streamsReadInSmallChunks_scannerAndJackson_agree() {
        qt().withExamples(EXAMPLES).forAll(JsonGenerators.bytes(DEPTH).describedAs(b -> visible(latin1(b))), integers().between(1, 9)).checkAssert((json, chunk) -> {
            for (JsonMasker masker : MASKERS) {
                assertThat(outcome(() -> stream(masker, json, chunk, false))).as("%s on %s", masker, visible(latin1(json)))
                        .isEqualTo(outcome(() -> stream(masker, json, 1 << 20, true)));
            }
        });
    }

    /** The output as text (bytes as Latin-1, so any byte shows), or "rejected". */
    static String outcome(Callable<Object> mask) {
        Object out;
        try {
            out = mask.call();
        } catch (MalformedJsonException e) {
            return "rejected";
        } catch (Exception e) {
            throw new AssertionError("neither masked nor rejected as malformed", e);
        }
        return visible(out instanceof byte[] ? latin1((byte[]) out) : "ok: " + out);
    }

    static byte[] stream(JsonMasker masker, byte[] json, int chunk, boolean jackson) {
        InputStream in = new ChunkedInputStream(json, chunk);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (jackson) {
                masker.maskWithJackson(in, out);
            } else {
                masker.mask(in, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The text with every char outside printable ASCII written as an escape, for messages. */
    static String visible(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("<%04x>", (int) c));
        }
        return out.toString();
    }

    private static String latin1(byte[] bytes) {
        return "bytes: " + new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Hands out at most {@code chunk} bytes per read, as a socket may. */
    static final class ChunkedInputStream extends ByteArrayInputStream {
        private final int chunk;

        ChunkedInputStream(byte[] data, int chunk) {
            super(data);
            this.chunk = chunk;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, chunk));
        }
    }
}
