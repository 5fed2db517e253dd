package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class MacTest {

    /**
     * Each test group has one tag size (256 or 128 bits), which is what a key is made with here: valid
     * tags are computed and verified at that length, invalid ones refused.
     */
    @Test
    void wycheproof_hmacSha256() throws Exception {
        String file = "hmac_sha256_test.json";
        List<Wycheproof.Case> cases = Wycheproof.load(file);
        Wycheproof.Tally tally = new Wycheproof.Tally(file);
        for (Wycheproof.Case c : cases) {
            int tagBytes = c.group().get("tagSize").asInt() / 8;
            byte[] msg = c.hex("msg");
            byte[] tag = c.hex("tag");
            Mac mac = Mac.hmacSha256(c.hex("key"), tagBytes);
            if (c.valid()) {
                assertThat(mac.computeMac(msg)).as(c.toString()).isEqualTo(tag);
                mac.verifyMac(tag, msg);
                tally.count("valid (" + tagBytes * 8 + "-bit tags): computed and verified");
            } else {
                assertThatThrownBy(() -> mac.verifyMac(tag, msg)).as(c.toString()).isInstanceOf(GeneralSecurityException.class);
                tally.count("invalid: rejected");
            }
        }
        tally.report();
        assertThat(tally.total()).isEqualTo(cases.size());
    }

    /** Issue 13.8: the verifier takes the key's tag length only; a truncated tag is a forgery attempt. */
    @Test
    void verifyMac_truncatedTag_isRefused_atEveryLength() throws Exception {
        Mac full = Mac.hmacSha256(new byte[32]);
        byte[] data = new byte[3];
        byte[] tag = full.computeMac(data);
        assertThat(tag).hasSize(32);
        for (int n = 0; n < 32; n++) {
            byte[] cut = Arrays.copyOf(tag, n);
            assertThatThrownBy(() -> full.verifyMac(cut, data)).as(n + " bytes").isInstanceOf(GeneralSecurityException.class);
        }
        Mac sixteen = Mac.hmacSha256(new byte[32], 16);
        assertThat(sixteen.computeMac(data)).isEqualTo(Arrays.copyOf(tag, 16));
        sixteen.verifyMac(Arrays.copyOf(tag, 16), data);
        assertThatThrownBy(() -> sixteen.verifyMac(tag, data)).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> sixteen.verifyMac(Arrays.copyOf(tag, 10), data)).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> Mac.hmacSha256(new byte[32], 10)).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> Mac.hmacSha256(new byte[8])).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void ringMac_refusesTruncatedTags() throws Exception {
        Mac mac = KeyRing.builder().auditSink(org.privacykit.audit.AuditSink.noop()).generate().mac("tokens");
        byte[] data = {1, 2, 3};
        byte[] tag = mac.computeMac(data);
        assertThat(tag).hasSize(5 + 32);
        mac.verifyMac(tag, data);
        for (int n = 5; n < tag.length; n++) {
            byte[] cut = Arrays.copyOf(tag, n);
            assertThatThrownBy(() -> mac.verifyMac(cut, data)).as(n + " bytes").isInstanceOf(GeneralSecurityException.class);
        }
    }
}
