package org.privacykit.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ServiceLoader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import org.privacykit.mask.Maskers;

class PrivacyModuleTest {

    @Test
    void findAndRegisterModules_withJsonMapperBuilder_findsTheMaskingModule() throws Exception {
        ObjectMapper mapper = JsonMapper.builder().findAndAddModules().build();

        JsonNode json = mapper.readTree(mapper.writeValueAsString(Fixtures.ada()));

        assertThat(mapper.getRegisteredModuleIds()).contains("org.privacykit.jackson.PrivacyModule/masking");
        assertThat(json.get("fullName").asText()).isEqualTo("A. L.");
        assertThat(json.get("diagnosis").asText()).isEqualTo(Maskers.REDACTED);
        assertThat(json.get("birthDate").asText()).isEqualTo("1985"); // java.time module found too, masked to year
    }

    @Test
    void findAndRegisterModules_onAMapper_findsTheMaskingModule() throws Exception {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

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
    void discoveredMaskingModule_plusEncrypting_isRefused() {
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
    }
}
