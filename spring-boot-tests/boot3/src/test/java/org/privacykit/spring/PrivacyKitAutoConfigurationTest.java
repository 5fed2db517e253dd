package org.privacykit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.privacykit.audit.AuditSink;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.jackson.PrivacyModule;
import org.privacykit.spring.app.Customer;
import org.privacykit.spring.boot3.PrivacyKitJacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class PrivacyKitAutoConfigurationTest {

    private static final Customer ADA = new Customer("c-1001", "Ada Lovelace", "ada@example.com",
            "4111111111111111", "asthma", "pro");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PrivacyKitAutoConfiguration.class,
                    PrivacyKitJacksonAutoConfiguration.class, JacksonAutoConfiguration.class))
            .withPropertyValues("privacykit.inventory.packages=org.privacykit.spring.app");

    @Test
    void defaults_maskTheApplicationsObjectMapper_andAuditToSlf4j() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(PrivacyModule.class).hasSingleBean(AuditSink.class);
            assertThat(context.getBean(AuditSink.class)).isSameAs(AuditSink.slf4j());
            String json = context.getBean(ObjectMapper.class).writeValueAsString(ADA);
            assertThat(json).contains("c-1001").doesNotContain("Ada Lovelace", "asthma", "4111111111111111");
        });
    }

    @Test
    void maskingMapper_readsRequestBodiesInClear() {
        runner.run(context -> {
            Customer read = context.getBean(ObjectMapper.class).readValue("{\"id\":\"c-1\",\"fullName\":\"Ada Lovelace\","
                    + "\"email\":\"ada@example.com\",\"cardNumber\":\"4111111111111111\",\"diagnosis\":\"asthma\","
                    + "\"plan\":\"pro\"}", Customer.class);
            assertThat(read).isEqualTo(new Customer("c-1", "Ada Lovelace", "ada@example.com", "4111111111111111",
                    "asthma", "pro"));
        });
    }

    @Test
    void jacksonDisabled_leavesTheObjectMapperAlone() {
        runner.withPropertyValues("privacykit.jackson.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(PrivacyModule.class);
            assertThat(context.getBean(ObjectMapper.class).writeValueAsString(ADA)).contains("Ada Lovelace");
        });
    }

    @Test
    void applicationAuditSink_replacesTheDefault() {
        InMemoryAuditSink mine = new InMemoryAuditSink();
        runner.withBean(AuditSink.class, () -> mine).run(context -> {
            assertThat(context).hasSingleBean(AuditSink.class);
            assertThat(context.getBean(AuditSink.class)).isSameAs(mine);
        });
    }

    @Test
    void inventory_logsCountsOnlyOnStartup(CapturedOutput output) {
        runner.run(context -> {
            context.getBean(InventoryStartupLog.class).onApplicationEvent(null);
            assertThat(output.getOut()).contains("privacy-kit inventory of [org.privacykit.spring.app]: "
                    + "4 protected fields in 1 classes");
            assertThat(output.getOut()).doesNotContain("fullName", "Ada");
        });
    }

    @Test
    void inventoryOfAnInvalidDeclaration_isLoggedNotThrown(CapturedOutput output) {
        runner.withPropertyValues("privacykit.inventory.packages=org.privacykit.spring.invalid").run(context -> {
            context.getBean(InventoryStartupLog.class).onApplicationEvent(null);
            assertThat(output.getOut()).contains("privacy-kit inventory of [org.privacykit.spring.invalid] could not be built")
                    .contains("BadRetention");
        });
    }

    @Test
    void inventoryDisabled_scansNothing_andHasNoEndpoint() {
        runner.withPropertyValues("privacykit.inventory.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(InventorySummaryScan.class)
                .doesNotHaveBean(InventoryStartupLog.class)
                .doesNotHaveBean(PrivacyKitEndpoint.class));
    }

    @Test
    void inventoryLogOff_keepsTheEndpoint() {
        runner.withPropertyValues("privacykit.inventory.log-on-startup=false").run(context -> {
            assertThat(context).doesNotHaveBean(InventoryStartupLog.class).hasSingleBean(PrivacyKitEndpoint.class);
            assertThat(context.getBean(PrivacyKitEndpoint.class).summary())
                    .containsEntry("classes", 1).containsEntry("fields", 4).containsEntry("restricted", 1);
        });
    }

    @Test
    void encryptionRequired_withoutKeyRing_failsNamingTheProperties() {
        runner.withConfiguration(AutoConfigurations.of(PrivacyKitEncryptionAutoConfiguration.class))
                .withPropertyValues("privacykit.encryption.required=true")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .isInstanceOf(PrivacyKitConfigurationException.class)
                            .hasMessageContaining("privacykit.encryption.required=true")
                            .hasMessageContaining("privacykit.key-ring.file is not set");
                });
    }

    @Test
    void encryptionRequired_withLazyInitialization_stillFailsAtStartup() {
        runner.withConfiguration(AutoConfigurations.of(PrivacyKitEncryptionAutoConfiguration.class))
                .withInitializer(context -> context.addBeanFactoryPostProcessor(
                        new org.springframework.boot.LazyInitializationBeanFactoryPostProcessor()))
                .withPropertyValues("privacykit.encryption.required=true")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .isInstanceOf(PrivacyKitConfigurationException.class));
    }

    @Test
    void encryptionRequired_butDisabled_failsSayingSo() {
        runner.withConfiguration(AutoConfigurations.of(PrivacyKitEncryptionAutoConfiguration.class))
                .withPropertyValues("privacykit.encryption.required=true", "privacykit.encryption.enabled=false")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("privacykit.encryption.enabled=false"));
    }

    @Test
    void withoutActuator_noEndpoint_butTheStartupLine() {
        runner.withClassLoader(new org.springframework.boot.test.context.FilteredClassLoader(
                        org.springframework.boot.actuate.endpoint.annotation.Endpoint.class))
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(PrivacyKitEndpoint.class).hasSingleBean(InventoryStartupLog.class));
    }

    @Test
    void withoutPrivacyCrypto_masksAndStarts_withNoEncryptor() {
        // privacy-crypto (and BouncyCastle) is optional: an application that only masks does not carry it
        runner.withConfiguration(AutoConfigurations.of(PrivacyKitEncryptionAutoConfiguration.class))
                .withClassLoader(new org.springframework.boot.test.context.FilteredClassLoader(
                        "org.privacykit.crypto.", "org.bouncycastle."))
                .withPropertyValues("privacykit.key-ring.file=/absent/keys.pkkr")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean("privacyKitFieldEncryptor")
                            .doesNotHaveBean("privacyKitKeyRing");
                    assertThat(context.getBean(ObjectMapper.class).writeValueAsString(ADA)).doesNotContain("Ada Lovelace");
                });
    }
}
