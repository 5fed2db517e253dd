package org.privacykit.jackson3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

import org.privacykit.jackson.testsuite.Fixtures;
import org.privacykit.jackson.testsuite.TestFieldCipher;

/** What only Jackson 3's module API shows; the behaviour both lines share is in {@code JacksonSuiteTest}. */
class PrivacyModuleTest {

    @Test
    void serviceLoader_providesOnlyTheMaskingModule() {
        assertThat(ServiceLoader.load(JacksonModule.class).stream().map(ServiceLoader.Provider::get)
                .filter(m -> m instanceof PrivacyModule))
                .singleElement().hasToString("PrivacyModule[masking]");
    }

    @Test
    void registrationIds_differPerMode_soNoModeReplacesAnother() {
        assertThat(PrivacyModule.masking().getRegistrationId()).isEqualTo(PrivacyModule.masking().getRegistrationId())
                .isNotEqualTo(PrivacyModule.encrypting(TestFieldCipher.generate()).getRegistrationId());
    }

    @Test
    void registerTwice_sameMode_isOneModule() {
        JsonMapper mapper = JsonMapper.builder().addModule(PrivacyModule.masking()).addModule(PrivacyModule.masking()).build();

        assertThat(mapper.writeValueAsString(Fixtures.ada())).contains("\"fullName\":\"A. L.\"");
    }

    @Test
    void twoModes_areRefusedAtTheFirstWriteOfAProtectedClass() {
        JsonMapper mapper = JsonMapper.builder().addModule(PrivacyModule.masking())
                .addModule(PrivacyModule.encrypting(TestFieldCipher.generate())).build();

        assertThatThrownBy(() -> mapper.writeValueAsString(Fixtures.ada()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("one PrivacyModule mode");
    }

    @Test
    void factories_refuseNull_andNameTheirMode() {
        assertThatThrownBy(() -> PrivacyModule.encrypting(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> PrivacyModule.pseudonymizing(null)).isInstanceOf(NullPointerException.class);
        assertThat(PrivacyModule.encrypting(TestFieldCipher.generate()).getModuleName()).isEqualTo("privacy-kit-encrypting");
        assertThat(PrivacyModule.encrypting(TestFieldCipher.generate())).hasToString("PrivacyModule[encrypting]");
        assertThat(PrivacyModule.masking().version().getArtifactId()).isEqualTo("privacy-jackson3");
    }

    @Test
    void reveal_isImmutableAndPrintsPurposesAndActor() {
        Reveal byAlice = Reveal.forPurposes("Support", "support").by("alice");

        assertThat(byAlice.purposes()).containsExactly("support");
        assertThat(byAlice).hasToString("Reveal[purposes=[support], actor=alice]");
        assertThatThrownBy(Reveal::forPurposes).isInstanceOf(IllegalArgumentException.class);
    }
}
