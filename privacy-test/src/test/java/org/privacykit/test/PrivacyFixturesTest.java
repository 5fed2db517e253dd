package org.privacykit.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class PrivacyFixturesTest {

    @Test
    void secret_isSha256OfAFixedPrefixAndTheLabel() {
        // computed with Python: hashlib.sha256(b"privacykit test secret, never for production: default")
        assertThat(HexFormat.of().formatHex(PrivacyFixtures.secret("default")))
                .isEqualTo("82d231d254370a41f275e010017154023d4b77257c82f46b7d5cfc4438a9b832");
        assertThat(PrivacyFixtures.secret("orders")).hasSize(32).isNotEqualTo(PrivacyFixtures.secret("default"));
    }

    @Test
    void anonymizer_givesReproducibleFixtures() {
        assertThat(PrivacyFixtures.anonymizer().anonymize(Fixtures.ada()))
                .isEqualTo(PrivacyFixtures.anonymizer().anonymize(Fixtures.ada()))
                .isNotEqualTo(PrivacyFixtures.anonymizer("other").anonymize(Fixtures.ada()));
        assertThat(PrivacyFixtures.anonymizer().fake(org.privacykit.annotation.PersonalDataType.NAME, "Ada Lovelace"))
                .isEqualTo(PrivacyFixtures.anonymizer().anonymize(Fixtures.ada()).fullName());
        assertThat(PrivacyFixtures.pseudonymizer("default").pseudonymize("d", "v"))
                .isEqualTo(PrivacyFixtures.pseudonymizer("default").pseudonymize("d", "v"));
        assertThat(PrivacyFixtures.anonymizerBuilder("default").keepSubjectIds(true).build()
                .anonymize(Fixtures.ada()).id()).isEqualTo("c-1001");
    }
}
