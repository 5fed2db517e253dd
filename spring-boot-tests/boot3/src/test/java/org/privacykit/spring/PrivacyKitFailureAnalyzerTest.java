package org.privacykit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

@ExtendWith(OutputCaptureExtension.class)
class PrivacyKitFailureAnalyzerTest {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({PrivacyKitAutoConfiguration.class, PrivacyKitEncryptionAutoConfiguration.class})
    static class RequiresEncryption {
    }

    @Test
    void analyze_givesTheMessageAndTheAction() {
        PrivacyKitConfigurationException failure = new PrivacyKitConfigurationException("what", "set this");
        FailureAnalysis analysis = new PrivacyKitFailureAnalyzer().analyze(new RuntimeException(failure));

        assertThat(analysis.getDescription()).isEqualTo("what");
        assertThat(analysis.getAction()).isEqualTo("set this");
    }

    @Test
    void startup_withEncryptionRequiredAndNoKeyRing_printsTheReport(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(RequiresEncryption.class)
                .web(WebApplicationType.NONE)
                .properties("privacykit.encryption.required=true", "privacykit.inventory.enabled=false");

        assertThatThrownBy(app::run).hasRootCauseInstanceOf(PrivacyKitConfigurationException.class);
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("privacykit.encryption.required=true but no key ring is configured")
                .contains("Set privacykit.key-ring.file")
                .contains("privacykit.key-ring.passphrase-variable");
    }
}
