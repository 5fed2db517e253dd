package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.util.List;

import org.junit.jupiter.api.Test;

class HkdfTest {

    @Test
    void wycheproof_hkdfSha256() throws Exception {
        String file = "hkdf_sha256_test.json";
        List<Wycheproof.Case> cases = Wycheproof.load(file);
        Wycheproof.Tally tally = new Wycheproof.Tally(file);
        for (Wycheproof.Case c : cases) {
            byte[] ikm = c.hex("ikm");
            byte[] salt = c.hex("salt");
            byte[] info = c.hex("info");
            int size = c.test().get("size").asInt();
            if (c.valid()) {
                assertThat(Hkdf.sha256(ikm, salt, info, size)).as(c.toString()).isEqualTo(c.hex("okm"));
                tally.count("valid: derived as expected");
            } else {
                assertThatThrownBy(() -> Hkdf.sha256(ikm, salt, info, size)).as(c.toString())
                        .isInstanceOf(GeneralSecurityException.class);
                tally.count("invalid: rejected");
            }
        }
        tally.report();
        assertThat(tally.total()).isEqualTo(cases.size());
    }
}
