package org.privacykit.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacykit.annotation.PersonalDataType.*;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.metadata.Classification;
import org.privacykit.metadata.PrivacyMetadata;

class ChannelTest {

    record Row(@PersonalData(value = OTHER, sensitivity = Sensitivity.PUBLIC) String publicValue,
               @PersonalData(POSTCODE) String internal,
               @PersonalData(value = EMAIL, purposes = "support") String confidential,
               @PersonalData(value = HEALTH, purposes = "care") String restricted,
               @Sensitive String secret) {
    }

    private static Classification of(String name) {
        return PrivacyMetadata.of(Row.class).property(name).classification();
    }

    @Test
    void api_followsTheSensitivityTable() {
        assertThat(Channel.API.disclosure(of("publicValue"), Set.of())).isEqualTo(Disclosure.CLEAR);
        assertThat(Channel.API.disclosure(of("internal"), Set.of())).isEqualTo(Disclosure.CLEAR);
        assertThat(Channel.API.disclosure(of("confidential"), Set.of())).isEqualTo(Disclosure.MASK);
        assertThat(Channel.API.disclosure(of("restricted"), Set.of())).isEqualTo(Disclosure.REDACT);
        assertThat(Channel.API.disclosure(of("secret"), Set.of("support"))).isEqualTo(Disclosure.REDACT);
    }

    @Test
    void api_declaredPurposeReveals_caseInsensitively() {
        assertThat(Channel.API.disclosure(of("confidential"), Set.of("Support"))).isEqualTo(Disclosure.REVEAL);
        assertThat(Channel.API.disclosure(of("restricted"), Set.of("care"))).isEqualTo(Disclosure.REVEAL);
        assertThat(Channel.API.disclosure(of("restricted"), Set.of("support"))).isEqualTo(Disclosure.REDACT);
    }

    @Test
    void log_neverReveals() {
        assertThat(Channel.LOG.disclosure(of("publicValue"), Set.of())).isEqualTo(Disclosure.CLEAR);
        assertThat(Channel.LOG.disclosure(of("internal"), Set.of())).isEqualTo(Disclosure.MASK);
        assertThat(Channel.LOG.disclosure(of("confidential"), Set.of("support"))).isEqualTo(Disclosure.MASK);
        assertThat(Channel.LOG.disclosure(of("restricted"), Set.of("care"))).isEqualTo(Disclosure.REDACT);
        assertThat(Disclosure.REVEAL.isClear()).isTrue();
        assertThat(Disclosure.MASK.isClear()).isFalse();
    }
}
