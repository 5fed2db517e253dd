package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The strict base64url codec against the JDK's, which is the oracle for the encoding itself. */
class Base64UrlTest {
    private static final Gen<byte[]> BYTES = lists().of(integers().between(-128, 127)).ofSizeBetween(0, 100)
            .map(list -> {
                byte[] out = new byte[list.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = list.get(i).byteValue();
                }
                return out;
            });

    @Test
    void encode_isTheJdksUnpaddedUrlEncoding_andDecodesBack() {
        qt().withExamples(2_000).forAll(BYTES).checkAssert(bytes -> {
            String text = Base64Url.encode(bytes);
            assertThat(text).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            assertThat(Base64Url.encodedLength(bytes.length)).isEqualTo(text.length());
            assertThat(Base64Url.decode(text)).isEqualTo(bytes);
            assertThat(Base64Url.decode(new StringBuilder(text))).isEqualTo(bytes);
        });
    }

    @Test
    void decode_acceptsExactlyTheCanonicalTexts() {
        // any text over the alphabet plus some strangers: accepted only if it is what encoding its bytes gives
        Gen<String> texts = strings().betweenCodePoints(0x20, 0x17f).ofLengthBetween(0, 24)
                .mix(strings().allPossible().ofLengthBetween(0, 12), 20)
                .mix(BYTES.map(b -> Base64.getUrlEncoder().withoutPadding().encodeToString(b)), 50);
        qt().withExamples(5_000).forAll(texts).checkAssert(text -> {
            byte[] decoded = Base64Url.decode(text);
            if (decoded != null) {
                assertThat(Base64Url.encode(decoded)).isEqualTo(text);
            } else {
                assertThat(canonical(text)).as(text).isFalse();
            }
        });
    }

    @Test
    void decode_refusesPaddingStrangersAndNonZeroTrailingBits() {
        assertThat(Base64Url.decode("")).isEmpty();
        assertThat(Base64Url.decode("QQ")).containsExactly('A');
        assertThat(Base64Url.decode("QR")).isNull(); // trailing bits set
        assertThat(Base64Url.decode("QUI")).containsExactly('A', 'B');
        assertThat(Base64Url.decode("QUJ")).isNull();
        assertThat(Base64Url.decode("QQ==")).isNull();
        assertThat(Base64Url.decode("Q")).isNull();
        assertThat(Base64Url.decode("QU+C")).isNull(); // standard alphabet, not URL
        assertThat(Base64Url.decode("QU?C")).isNull(); // what a character above U+00FF turns into
        assertThat(Base64Url.decode("QU\u0101C")).isNull();
        assertThat(Base64Url.decode("QU\u00c1C")).isNull(); // Latin-1, outside the alphabet
        assertThat(Base64Url.decode("QU\uD83D\uDE00")).isNull();
    }

    private static boolean canonical(String text) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(text);
            return !text.contains("=") && Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
