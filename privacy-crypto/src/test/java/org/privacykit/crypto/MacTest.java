package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class MacTest {

    @Test
    void wycheproof_hmacSha256() throws Exception {
        String file = "hmac_sha256_test.json";
        List<Wycheproof.Case> cases = Wycheproof.load(file);
        Wycheproof.Tally tally = new Wycheproof.Tally(file);
        for (Wycheproof.Case c : cases) {
            int tagBytes = c.group().get("tagSize").asInt() / 8;
            byte[] msg = c.hex("msg");
            byte[] tag = c.hex("tag");
            Mac mac = Mac.hmacSha256(c.hex("key"));
            if (c.valid()) {
                assertThat(Arrays.copyOf(mac.computeMac(msg), tagBytes)).as(c.toString()).isEqualTo(tag);
                mac.verifyMac(tag, msg);
                tally.count("valid: tag computed and verified");
            } else {
                assertThatThrownBy(() -> mac.verifyMac(tag, msg)).as(c.toString()).isInstanceOf(GeneralSecurityException.class);
                tally.count("invalid: rejected");
            }
        }
        tally.report();
        assertThat(tally.total()).isEqualTo(cases.size());
    }

    @Test
    void verifyMac_tooShortTag_throws() throws Exception {
        Mac mac = Mac.hmacSha256(new byte[32]);
        byte[] tag = mac.computeMac(new byte[3]);
        assertThatThrownBy(() -> mac.verifyMac(Arrays.copyOf(tag, 9), new byte[3])).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> Mac.hmacSha256(new byte[8])).isInstanceOf(GeneralSecurityException.class);
    }
}
