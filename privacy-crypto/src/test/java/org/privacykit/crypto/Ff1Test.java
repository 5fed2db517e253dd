package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.List;

import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.bouncycastle.crypto.params.FPEParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

class Ff1Test {

    @Test
    void wycheproof_radix10() throws Exception {
        run("aes_ff1_radix10_test.json");
    }

    @Test
    void wycheproof_radix36() throws Exception {
        run("aes_ff1_radix36_test.json");
    }

    @Test
    void wycheproof_radix62() throws Exception {
        run("aes_ff1_radix62_test.json");
    }

    /**
     * Valid cases must encrypt and decrypt as expected, except those flagged SmallMessageSize:
     * valid under the original FF1 (radix^n >= 100) but below rev 1's 1,000,000, so they must be
     * rejected. Invalid cases (bad key, bad symbol, too short) must be rejected.
     */
    private static void run(String file) throws Exception {
        List<Wycheproof.Case> cases = Wycheproof.load(file);
        Wycheproof.Tally tally = new Wycheproof.Tally(file);
        for (Wycheproof.Case c : cases) {
            int radix = c.group().get("radix").asInt();
            byte[] key = c.hex("key");
            byte[] tweak = c.hex("tweak");
            int[] msg = c.ints("msg");
            int[] ct = c.ints("ct");
            Ff1 ff1;
            try {
                ff1 = new Ff1(key);
            } catch (InvalidKeyException e) {
                assertThat(c.valid()).as(c.toString()).isFalse();
                tally.count("invalid: rejected (key)");
                continue;
            }
            if (c.hasFlag("SmallMessageSize")) {
                assertThatThrownBy(() -> ff1.encrypt(radix, msg, tweak)).as(c.toString())
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1,000,000");
                assertThatThrownBy(() -> ff1.decrypt(radix, ct, tweak)).as(c.toString())
                        .isInstanceOf(IllegalArgumentException.class);
                tally.count(c.result() + " SmallMessageSize: rejected by the rev 1 domain rule");
            } else if (c.valid()) {
                String path = Math.pow(radix, msg.length - msg.length / 2) <= (double) (1L << 32) ? "fast path" : "BouncyCastle path";
                assertThat(ff1.encrypt(radix, msg, tweak)).as(c.toString()).isEqualTo(ct);
                assertThat(ff1.decrypt(radix, ct, tweak)).as(c.toString()).isEqualTo(msg);
                tally.count("valid: encrypted and decrypted as expected (" + path + ")");
            } else {
                assertThatThrownBy(() -> ff1.encrypt(radix, msg, tweak)).as(c.toString())
                        .isInstanceOf(IllegalArgumentException.class);
                tally.count("invalid: rejected (" + c.test().path("flags").get(0).asText() + ")");
            }
        }
        tally.report();
        assertThat(tally.total()).isEqualTo(cases.size());
    }

    @Test
    void fastPath_matchesBouncyCastle_forAnyDigits() throws Exception {
        byte[] key = new byte[32];
        key[0] = 42;
        Ff1 ff1 = new Ff1(key);
        qt().withExamples(500).forAll(strings().numeric(), integers().between(6, 18), strings().ascii().ofLengthBetween(0, 20))
                .checkAssert((seed, length, tweakText) -> {
                    try {
                        int[] x = new int[length];
                        String digits = (seed.replace("-", "") + "0123456789".repeat(2));
                        for (int i = 0; i < length; i++) {
                            x[i] = digits.charAt(i % digits.length()) - '0';
                        }
                        byte[] tweak = tweakText.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        FPEFF1Engine bc = new FPEFF1Engine(AESEngine.newInstance());
                        bc.init(true, new FPEParameters(new KeyParameter(key), 10, tweak));
                        byte[] in = new byte[length];
                        for (int i = 0; i < length; i++) {
                            in[i] = (byte) x[i];
                        }
                        byte[] out = new byte[length];
                        bc.processBlock(in, 0, length, out, 0);
                        int[] expected = new int[length];
                        for (int i = 0; i < length; i++) {
                            expected[i] = out[i];
                        }
                        assertThat(ff1.encrypt(10, x, tweak)).isEqualTo(expected);
                        assertThat(ff1.decrypt(10, expected, tweak)).isEqualTo(x);
                    } catch (GeneralSecurityException e) {
                        throw new AssertionError(e);
                    }
                });
    }

    @Test
    void encrypt_keepsLengthAndAlphabet() throws Exception {
        FormatPreservingCipher fpe = FormatPreservingCipher.ff1(new byte[16], Alphabet.LOWERCASE_ALPHANUMERIC);
        String token = fpe.encrypt("customer42", new byte[] {1});
        assertThat(token).hasSize(10).matches("[0-9a-z]{10}").isNotEqualTo("customer42");
        assertThat(fpe.decrypt(token, new byte[] {1})).isEqualTo("customer42");
        assertThat(fpe.encrypt("customer42", new byte[] {2})).isNotEqualTo(token);
    }

    @Test
    void encrypt_wideCustomAlphabet_roundTrips() throws Exception {
        StringBuilder chars = new StringBuilder();
        for (char c = 0x4E00; c < 0x4E00 + 300; c++) {
            chars.append(c);
        }
        FormatPreservingCipher fpe = FormatPreservingCipher.ff1(new byte[32], Alphabet.of(chars.toString()));
        String value = chars.substring(5, 12) + chars.substring(250, 290);
        String token = fpe.encrypt(value, null);
        assertThat(token).hasSize(value.length());
        assertThat(fpe.decrypt(token, null)).isEqualTo(value);
    }

    @Test
    void encrypt_characterOutsideAlphabet_throwsWithPositionNotValue() throws Exception {
        FormatPreservingCipher fpe = FormatPreservingCipher.ff1(new byte[16], Alphabet.DIGITS);
        assertThatThrownBy(() -> fpe.encrypt("12345x789", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 5").hasMessageNotContaining("12345");
    }

    @Test
    void encrypt_belowDomain_throwsClearly() throws Exception {
        FormatPreservingCipher fpe = FormatPreservingCipher.ff1(new byte[16], Alphabet.DIGITS);
        assertThatThrownBy(() -> fpe.encrypt("12345", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 6 symbols");
        assertThat(Alphabet.DIGITS.minLength()).isEqualTo(6);
        assertThat(Alphabet.ALPHANUMERIC.minLength()).isEqualTo(4);
    }

    @Test
    void alphabet_repeatedCharacter_throws() {
        assertThatThrownBy(() -> Alphabet.of("abca")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Alphabet.of("a")).isInstanceOf(IllegalArgumentException.class);
    }
}
