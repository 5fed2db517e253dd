package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.util.List;

import org.junit.jupiter.api.Test;

class AesGcmSivTest {

    @Test
    void wycheproof_aesGcmSiv() throws Exception {
        String file = "aes_gcm_siv_test.json";
        List<Wycheproof.Case> cases = Wycheproof.load(file);
        Wycheproof.Tally tally = new Wycheproof.Tally(file);
        for (Wycheproof.Case c : cases) {
            byte[] iv = c.hex("iv");
            byte[] aad = c.hex("aad");
            byte[] msg = c.hex("msg");
            byte[] expected = JdkAeadTest.concat(iv, c.hex("ct"), c.hex("tag"));
            AesGcmSiv aead = new AesGcmSiv(c.hex("key"));
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

    @Test
    void roundTrip_withRandomNonce() throws Exception {
        Aead aead = Aead.aesGcmSiv(new byte[32]);
        byte[] c = aead.encrypt(new byte[] {1, 2, 3}, new byte[] {9});
        assertThat(aead.decrypt(c, new byte[] {9})).containsExactly(1, 2, 3);
        c[c.length - 1] ^= 1;
        assertThatThrownBy(() -> aead.decrypt(c, new byte[] {9})).isInstanceOf(GeneralSecurityException.class);
    }
}
