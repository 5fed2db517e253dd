package org.privacykit.spring.boot3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacykit.crypto.KeyEncryptionKey;
import org.privacykit.crypto.KeyRing;
import org.privacykit.spring.PrivacyKitAutoConfiguration;
import org.privacykit.spring.PrivacyKitEncryptionAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@code keyRing} health indicator on Spring Boot 3.5's health API. */
class KeyRingHealthIndicatorTest {
    private static final String PASSPHRASE = "correct horse battery staple 42";

    @TempDir
    Path dir;
    Path ringFile;

    @BeforeEach
    void createRing() throws Exception {
        ringFile = dir.resolve("keys.pkkr");
        KeyRing.create(ringFile, KeyEncryptionKey.passphrase(PASSPHRASE.toCharArray()));
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PrivacyKitAutoConfiguration.class,
                        PrivacyKitEncryptionAutoConfiguration.class, PrivacyKitHealthAutoConfiguration.class))
                .withPropertyValues("privacykit.inventory.enabled=false", "privacykit.key-ring.file=" + ringFile,
                        "privacykit.key-ring.passphrase-variable=TEST_KEYRING_PASSPHRASE",
                        "TEST_KEYRING_PASSPHRASE=" + PASSPHRASE);
    }

    @Test
    void health_isUp_withThePrimaryKeysAge_andNoRotationDueWithinThePeriod() {
        runner().run(context -> {
            Health health = context.getBean("keyRingHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("rotationDue", false).containsEntry("rotationPeriod", "PT2160H")
                    .containsEntry("keys", 1).containsKeys("primaryKey", "primaryKeyCreated", "primaryKeyAge", "version");
        });
    }

    @Test
    void health_reportsARotationDue_whenThePrimaryKeyIsOlderThanThePeriod_butStaysUp() {
        runner().withPropertyValues("privacykit.key-ring.rotation-period=1ms").run(context -> {
            Thread.sleep(5);
            Health health = context.getBean("keyRingHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("rotationDue", true);
        });
    }

    @Test
    void health_isDown_whenTheFileNoLongerLoads_namingNoSecret() {
        runner().run(context -> {
            Files.write(ringFile, new byte[] {1, 2, 3, 4});
            Health health = context.getBean("keyRingHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(String.valueOf(health.getDetails().get("error"))).startsWith("the key-ring file does not load: ")
                    .doesNotContain(PASSPHRASE);
        });
    }

    @Test
    void rotationPeriod_mustBePositive() {
        runner().withPropertyValues("privacykit.key-ring.rotation-period=0s")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void switchedOff_byManagementProperty() {
        runner().withPropertyValues("management.health.keyring.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("keyRingHealthIndicator"));
    }
}
