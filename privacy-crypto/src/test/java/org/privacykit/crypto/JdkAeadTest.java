package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;

import javax.crypto.AEADBadTagException;

import org.junit.jupiter.api.Test;

class JdkAeadTest {

    @Test
    void wycheproof_aesGcm() throws Exception {
        run("aes_gcm_test.json", true);
    }

    @Test
    void wycheproof_chaCha20Poly1305() throws Exception {
        run("chacha20_poly1305_test.json", false);
    }

    /**
     * Valid cases with a 96-bit nonce must encrypt to the expected bytes and decrypt back; invalid
     * ones must fail to decrypt. This API takes only 96-bit nonces (NIST's recommendation, as Tink
     * does), so a case with another nonce size cannot be expressed: it is fed as nonce-prefixed
     * bytes anyway and must be rejected, and is counted apart.
     */
    private static void run(String file, boolean gcm) throws Exception {
        List<Wycheproof.Case> cases = Wycheproof.load(file);
        Wycheproof.Tally tally = new Wycheproof.Tally(file);
        for (Wycheproof.Case c : cases) {
            byte[] key = c.hex("key");
            byte[] iv = c.hex("iv");
            byte[] aad = c.hex("aad");
            byte[] msg = c.hex("msg");
            byte[] expected = concat(iv, c.hex("ct"), c.hex("tag"));
            JdkAead aead = gcm ? JdkAead.aesGcm(key) : JdkAead.chaCha20Poly1305(key);
            if (iv.length != AeadEngine.NONCE) {
                assertThatThrownBy(() -> aead.decrypt(expected, aad)).as(c.toString()).isInstanceOf(GeneralSecurityException.class);
                tally.count(c.result() + ", nonce not 96 bits: refused (this API takes 96-bit nonces only)");
                continue;
            }
            if (c.valid()) {
                byte[] out = new byte[msg.length + AeadEngine.OVERHEAD];
                System.arraycopy(iv, 0, out, 0, iv.length);
                aead.sealWithNonceAt(msg, 0, msg.length, out, 0, aad, 0, aad.length, null);
                assertThat(out).as(c.toString()).isEqualTo(expected);
                assertThat(aead.decrypt(expected, aad)).as(c.toString()).isEqualTo(msg);
                tally.count("valid: encrypted and decrypted as expected");
            } else {
                assertThatThrownBy(() -> aead.decrypt(expected, aad)).as(c.toString()).isInstanceOf(GeneralSecurityException.class);
                tally.count("invalid: rejected");
            }
        }
        tally.report();
        assertThat(tally.total()).isEqualTo(cases.size());
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    @Test
    void encrypt_twice_givesDifferentNonces() throws Exception {
        Aead aead = Aead.aesGcm(new byte[32]);
        byte[] a = aead.encrypt("x".getBytes(StandardCharsets.UTF_8), null);
        byte[] b = aead.encrypt("x".getBytes(StandardCharsets.UTF_8), null);
        assertThat(Arrays.copyOf(a, 12)).isNotEqualTo(Arrays.copyOf(b, 12));
        assertThat(aead.decrypt(a, null)).isEqualTo("x".getBytes(StandardCharsets.UTF_8));
    }

    /** The JDK's ChaCha20-Poly1305 refuses a second init with the same key and nonce; decryption must not. */
    @Test
    void chaCha20_decryptSameCiphertextTwiceOnOneThread_works() throws Exception {
        Aead aead = Aead.chaCha20Poly1305(new byte[32]);
        byte[] ad = "a".getBytes(StandardCharsets.UTF_8);
        byte[] c = aead.encrypt("once".getBytes(StandardCharsets.UTF_8), ad);
        assertThat(aead.decrypt(c, ad)).isEqualTo(aead.decrypt(c, ad)).asString(StandardCharsets.UTF_8).isEqualTo("once");
    }

    @Test
    void decrypt_wrongAssociatedData_throws() throws Exception {
        Aead aead = Aead.chaCha20Poly1305(new byte[32]);
        byte[] c = aead.encrypt(new byte[5], new byte[] {1});
        assertThatThrownBy(() -> aead.decrypt(c, new byte[] {2})).isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void aesGcm_wrongKeyLength_throws() {
        assertThatThrownBy(() -> Aead.aesGcm(new byte[15])).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> Aead.chaCha20Poly1305(new byte[16])).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void decrypt_tooShort_throws() throws Exception {
        Aead aead = Aead.aesGcm(new byte[16]);
        assertThatThrownBy(() -> aead.decrypt(new byte[27], null)).isInstanceOf(GeneralSecurityException.class);
    }
}
