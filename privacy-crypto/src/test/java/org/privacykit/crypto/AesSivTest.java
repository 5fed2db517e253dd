package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arrays;
import static org.quicktheories.generators.SourceDSL.integers;

import java.security.GeneralSecurityException;
import java.util.List;

import com.google.crypto.tink.subtle.AesSiv;

import org.junit.jupiter.api.Test;

class AesSivTest {

    @Test
    void wycheproof_aesSivCmac() throws Exception {
        String file = "aes_siv_cmac_test.json";
        List<Wycheproof.Case> cases = Wycheproof.load(file);
        Wycheproof.Tally tally = new Wycheproof.Tally(file);
        for (Wycheproof.Case c : cases) {
            byte[] aad = c.hex("aad");
            byte[] msg = c.hex("msg");
            byte[] ct = c.hex("ct");
            DeterministicAead siv = DeterministicAead.aesSiv(c.hex("key"));
            if (c.valid()) {
                assertThat(siv.encryptDeterministically(msg, aad)).as(c.toString()).isEqualTo(ct);
                assertThat(siv.decryptDeterministically(ct, aad)).as(c.toString()).isEqualTo(msg);
                tally.count("valid: encrypted and decrypted as expected");
            } else {
                assertThatThrownBy(() -> siv.decryptDeterministically(ct, aad)).as(c.toString())
                        .isInstanceOf(GeneralSecurityException.class);
                tally.count("invalid: rejected");
            }
        }
        tally.report();
        assertThat(tally.total()).isEqualTo(cases.size());
    }

    @Test
    void encrypt_matchesTink_forAnyInput() throws Exception {
        byte[] key = new byte[64];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 7 + 3);
        }
        DeterministicAead ours = DeterministicAead.aesSiv(key);
        AesSiv tink = new AesSiv(key);
        qt().withExamples(300).forAll(arrays().ofClass(integers().between(-128, 127).map(Integer::byteValue), Byte.class)
                        .withLengthBetween(0, 100),
                arrays().ofClass(integers().between(-128, 127).map(Integer::byteValue), Byte.class).withLengthBetween(0, 40))
                .checkAssert((msg, ad) -> {
                    try {
                        byte[] p = unbox(msg);
                        byte[] a = unbox(ad);
                        assertThat(ours.encryptDeterministically(p, a)).isEqualTo(tink.encryptDeterministically(p, a));
                        assertThat(ours.decryptDeterministically(tink.encryptDeterministically(p, a), a)).isEqualTo(p);
                    } catch (GeneralSecurityException e) {
                        throw new AssertionError(e);
                    }
                });
    }

    static byte[] unbox(Byte[] boxed) {
        byte[] out = new byte[boxed.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = boxed[i];
        }
        return out;
    }

    @Test
    void sealWithPrefix_equalsSealWithTheSameAssociatedData() throws Exception {
        org.privacykit.crypto.AesSiv siv = new org.privacykit.crypto.AesSiv(new byte[48]);
        byte[] header = {1, 4, 9, 9, 9, 9};
        byte[] binding = "Customer.email".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int n : new int[] {0, 1, 15, 16, 17, 32, 100}) {
            byte[] m = new byte[n];
            byte[] a = new byte[16 + n];
            byte[] b = new byte[16 + n];
            siv.seal(m, 0, n, a, 0, header, 0, header.length, binding);
            byte[] prefix = siv.prefix(header, 0, header.length, binding);
            siv.sealWithPrefix(prefix, m, 0, n, b, 0);
            assertThat(b).isEqualTo(a);
            assertThat(siv.openWithPrefix(prefix, b, 0, b.length, new byte[n], 0)).isEqualTo(n);
        }
    }

    @Test
    void aesSiv_wrongKeyLength_throws() {
        assertThatThrownBy(() -> DeterministicAead.aesSiv(new byte[16])).isInstanceOf(GeneralSecurityException.class);
    }

    /** Issue 13.11: a thread's buffers keep neither the last plaintext nor a large buffer after a call. */
    @Test
    void threadBuffers_keepNoPlaintext_andNoLargeBuffer_afterEncryptAndDecrypt() throws Exception {
        org.privacykit.crypto.AesSiv siv = new org.privacykit.crypto.AesSiv(new byte[64]);
        byte[] secret = new byte[100_000];
        java.util.Arrays.fill(secret, (byte) 0x5a);
        byte[] c = siv.encryptDeterministically(secret, new byte[] {1});
        assertClean(siv.threadBuffers());
        assertThat(siv.decryptDeterministically(c, new byte[] {1})).isEqualTo(secret);
        assertClean(siv.threadBuffers());
        byte[] small = siv.encryptDeterministically(new byte[] {0x5a, 0x5a, 0x5a}, null);
        assertThat(small).isNotEmpty();
        assertClean(siv.threadBuffers());
    }

    private static void assertClean(byte[][] buffers) {
        for (byte[] b : buffers) {
            assertThat(b.length).isLessThanOrEqualTo(org.privacykit.crypto.AesSiv.KEPT_BUFFER);
            for (byte x : b) {
                assertThat(x).isZero();
            }
        }
    }
}
