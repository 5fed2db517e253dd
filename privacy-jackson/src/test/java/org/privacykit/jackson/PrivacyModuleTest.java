package org.privacykit.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ServiceLoader;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import org.privacykit.jackson.testsuite.Fixtures;
import org.privacykit.jackson.testsuite.TestFieldCipher;

/** What only Jackson 2's module API shows; the behaviour both lines share is in {@code JacksonSuiteTest}. */
class PrivacyModuleTest {

    @Test
    void findAndRegisterModules_registersTheMaskingModuleUnderItsModeId() throws Exception {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

        assertThat(mapper.getRegisteredModuleIds()).contains("org.privacykit.jackson.PrivacyModule/masking");
        assertThat(mapper.readTree(mapper.writeValueAsString(Fixtures.ada())).get("email").asText())
                .isEqualTo("a***@example.com");
    }

    @Test
    void serviceLoader_providesOnlyTheMaskingModule() {
        assertThat(ServiceLoader.load(Module.class).stream().map(ServiceLoader.Provider::get)
                .filter(m -> m instanceof PrivacyModule))
                .singleElement().hasToString("PrivacyModule[masking]");
    }

    @Test
    void registerTwice_sameMode_isIgnoredAsADuplicate() throws Exception {
        ObjectMapper mapper = JsonMapper.builder().addModule(PrivacyModule.masking()).addModule(PrivacyModule.masking()).build();

        assertThat(mapper.readTree(mapper.writeValueAsString(Fixtures.ada())).get("fullName").asText()).isEqualTo("A. L.");
    }

    @Test
    void secondMode_isRefusedWhenRegistered_namingBoth() {
        assertThatThrownBy(() -> JsonMapper.builder().findAndAddModules()
                .addModule(PrivacyModule.encrypting(TestFieldCipher.generate())).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("masking")
                .hasMessageContaining("one PrivacyModule mode");
    }

    @Test
    void factories_refuseNull_andNameTheirMode() {
        assertThatThrownBy(() -> PrivacyModule.encrypting(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> PrivacyModule.pseudonymizing(null)).isInstanceOf(NullPointerException.class);
        assertThat(PrivacyModule.encrypting(TestFieldCipher.generate()).getModuleName()).isEqualTo("privacy-kit-encrypting");
        assertThat(PrivacyModule.encrypting(TestFieldCipher.generate())).hasToString("PrivacyModule[encrypting]");
        assertThat(PrivacyModule.masking().version().getArtifactId()).isEqualTo("privacy-jackson");
    }

    @Test
    void reveal_isImmutableAndPrintsPurposesAndActor() {
        Reveal support = Reveal.forPurposes("Support", "support");
        Reveal byAlice = support.by("alice");

        assertThat(support.actor()).isNull();
        assertThat(byAlice.purposes()).containsExactly("support");
        assertThat(byAlice).hasToString("Reveal[purposes=[support], actor=alice]");
        assertThatThrownBy(Reveal::forPurposes).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reveal.forPurposes(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reveal.forPurposes("support").by(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
