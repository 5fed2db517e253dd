package org.privacykit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import org.privacykit.mask.Masker;
import org.privacykit.mask.Maskers;

/**
 * The scanner against the Jackson reference ({@link JacksonReferenceMasker}, the same rules written
 * plainly on Jackson's parser): for generated documents, well-formed and malformed, as strings and
 * bytes, both give byte-identical output or both reject the input; and a stream read in small
 * chunks gives exactly what the byte array gives, rejections and their positions included.
 * {@code -Ddifferential.examples=N} runs N documents per property and masker (default 1500, a few
 * seconds).
 */
class JsonMaskerDifferentialTest {
    private static final int EXAMPLES = Integer.getInteger("differential.examples", 1500);
    private static final int DEPTH = 5;
    /** Writes quotes, a backslash, control chars and the text itself, and leaves a surrogate unpaired. */
    private static final Masker TRICKY = value -> "\"\\\u0001\u2028<" + value + ">\ud800";
    private static final Masker NULL = value -> null;

    static final List<MaskerSpec> SPECS = List.of(
            new MaskerSpec("keys").maskKeys("password", "secret", "token").maskKey("email", Maskers.email())
                    .maskKey("card", Maskers.paymentCard()),
            new MaskerSpec("keys, value types kept").maskKeys("password", "secret", "token")
                    .maskKey("email", Maskers.email()).keepValueTypes(),
            new MaskerSpec("paths").maskPath("$.a.b").maskPath("$['c']", Maskers.keepLast(2))
                    .maskPath("$.p[*].q", Maskers.email()).maskPath("$.list[1]").maskPath("$.*.token")
                    .maskPath("$..name", Maskers.keepFirst(1)).maskPath("$[0:4:2].id").maskPath("$..[1].c")
                    .maskPath("$.customer['email','card']", Maskers.email()).maskKeys("secret"),
            new MaskerSpec("allow-list").allowKeys("id", "a", "name", "clé").maskKey("email", Maskers.email())
                    .allowListMask(Maskers.keepFirst(1)).allowPaths("$.p[*]", "$.list..*", "$[1]"),
            new MaskerSpec("tricky maskers").maskKey("password", TRICKY).maskKey("a", NULL)
                    .maskKey("b", Maskers.keepLast(3)).maskKey("card", TRICKY).maskKey("secret", Maskers.redact()),
            new MaskerSpec("small limits").maskKey("password", Maskers.keepFirst(2)).maskKey("secret", Maskers.redact())
                    .maskKey("email", Maskers.keepLast(4)).maskKey("p", TRICKY).maskKeys("token")
                    .limits(DEPTH + 1, 10, 8, 12),
            new MaskerSpec("case-sensitive").maskKeys("PassWord", "secret").maskPath("$.Customer..['E\\u006dail']")
                    .maskPath("$['list'][0]", Maskers.keepLast(1)).caseSensitive());

    static final List<JsonMasker> MASKERS = SPECS.stream().map(MaskerSpec::build).toList();
    static final List<JacksonReferenceMasker> REFERENCES = SPECS.stream().map(MaskerSpec::reference).toList();

    @Test
    void wellFormedStrings_scannerAndReference_giveTheSameOutput() {
        qt().withExamples(EXAMPLES).forAll(JsonGenerators.documents(DEPTH).describedAs(JsonMaskerDifferentialTest::visible))
                .checkAssert(JsonMaskerDifferentialTest::agreeOnString);
    }

    @Test
    void malformedStrings_scannerAndReference_rejectTheSameInputs() {
        qt().withExamples(EXAMPLES).forAll(JsonGenerators.malformed(DEPTH).describedAs(JsonMaskerDifferentialTest::visible))
                .checkAssert(JsonMaskerDifferentialTest::agreeOnString);
    }

    @Test
    void bytes_scannerAndReference_agree() {
        qt().withExamples(EXAMPLES).forAll(JsonGenerators.bytes(DEPTH).describedAs(b -> visible(latin1(b))))
                .checkAssert(JsonMaskerDifferentialTest::agreeOnBytes);
    }

    @Test
    void streamsReadInSmallChunks_giveWhatTheByteArrayGives() {
        qt().withExamples(EXAMPLES).forAll(JsonGenerators.bytes(DEPTH).describedAs(b -> visible(latin1(b))), integers().between(1, 9))
                .checkAssert((json, chunk) -> {
                    for (JsonMasker masker : MASKERS) {
                        assertThat(exactOutcome(() -> stream(masker, json, chunk))).as(() -> String.format("%s on %s", masker, visible(latin1(json))))
                                .isEqualTo(exactOutcome(() -> masker.mask(json)));
                    }
                });
    }

    /** A String: rejected by the policy when it holds an unpaired surrogate, else as the reference says. */
    static void agreeOnString(String json) {
        for (int i = 0; i < MASKERS.size(); i++) {
            JsonMasker masker = MASKERS.get(i);
            JacksonReferenceMasker reference = REFERENCES.get(i);
            String expected = hasUnpairedSurrogate(json) ? "rejected" : outcome(() -> reference.mask(json));
            assertThat(outcome(() -> masker.mask(json))).as(() -> String.format("%s on %s", masker, visible(json))).isEqualTo(expected);
        }
    }

    /**
     * Bytes: UTF-8 as the reference reads it; UTF-16 and UTF-32 (told by the first bytes) decoded
     * strictly by the JDK, then masked by the reference as text, and rejected when they do not decode.
     */
    static void agreeOnBytes(byte[] json) {
        for (int i = 0; i < MASKERS.size(); i++) {
            int m = i;
            String expected = expectedOnBytes(m, json);
            assertThat(outcome(() -> MASKERS.get(m).mask(json))).as(() -> String.format("%s on %s", SPECS.get(m), visible(latin1(json))))
                    .isEqualTo(expected);
        }
    }

    /**
     * What masker {@code m} must give for {@code json} as bytes: the reference's outcome on UTF-8 as
     * it reads it; on UTF-16 and UTF-32 (told by the first bytes), the reference's on the strictly
     * decoded text, as UTF-8 (the masker re-encodes such input), or "rejected" when it does not decode.
     */
    static String expectedOnBytes(int m, byte[] json) {
        InputEncoding encoding = InputEncoding.detect(json, Math.min(json.length, 4));
        return encoding == InputEncoding.UTF_8 ? outcome(() -> REFERENCES.get(m).mask(json))
                : outcome(() -> REFERENCES.get(m).mask(decode(json, encoding)).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(byte[] json, InputEncoding encoding) {
        Charset charset = Charset.forName(encoding.name().replace('_', '-'));
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(json)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedJsonException("not " + charset, -1, -1);
        }
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
        return visible(out instanceof byte[] bytes ? latin1(bytes) : "ok: " + out);
    }

    /** The output as text, or the rejection's message (reason, line and column). */
    static String exactOutcome(Callable<Object> mask) {
        Object out;
        try {
            out = mask.call();
        } catch (MalformedJsonException e) {
            return "rejected: " + e.getMessage();
        } catch (Exception e) {
            throw new AssertionError("neither masked nor rejected as malformed", e);
        }
        return visible(out instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : out.toString());
    }

    static byte[] stream(JsonMasker masker, byte[] json, int chunk) {
        InputStream in = new ChunkedInputStream(json, chunk);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            masker.mask(in, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The text with every char outside printable ASCII written as an escape, for messages. */
    static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else {
                String hex = Integer.toHexString(c);
                out.append('<').append("0000", hex.length(), 4).append(hex).append('>');
            }
        }
        return out.toString();
    }

    static String latin1(byte[] bytes) {
        return "bytes: " + new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Hands out at most {@code chunk} bytes per read, as a socket may; says nothing of what it has. */
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

        @Override
        public synchronized int available() {
            return 0;
        }
    }
}
