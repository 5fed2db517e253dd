package org.privacykit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditEvent;
import org.privacykit.audit.AuditSink;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.crypto.KeyEncryptionKey;
import org.privacykit.crypto.KeyRing;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.actuate.audit.InMemoryAuditEventRepository;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Operations on the key ring from the application, on either Spring Boot line: the key-ring endpoint
 * (rotate, reload), and audit events counted in Micrometer and added to Actuator's audit events.
 * The health indicator, whose API each line names differently, is tested per line
 * ({@code KeyRingHealthIndicatorTest}).
 */
class PrivacyKitOperationsTest {
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
                        PrivacyKitEncryptionAutoConfiguration.class, PrivacyKitOperationsAutoConfiguration.class))
                .withPropertyValues("privacykit.inventory.enabled=false", "privacykit.key-ring.file=" + ringFile,
                        "privacykit.key-ring.passphrase-variable=TEST_KEYRING_PASSPHRASE",
                        "TEST_KEYRING_PASSPHRASE=" + PASSPHRASE)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(AuditEventRepository.class, InMemoryAuditEventRepository::new);
    }

    @Test
    @SuppressWarnings("unchecked")
    void endpoint_rotatesDurably_countsAndAuditsTheRotation() {
        runner().run(context -> {
            KeyRingEndpoint endpoint = context.getBean(KeyRingEndpoint.class);
            assertThat((List<Map<String, Object>>) endpoint.keys().get("keys")).hasSize(1)
                    .allSatisfy(key -> assertThat(key).containsOnlyKeys("id", "name", "algorithm", "status", "created", "primary"));

            Map<String, Object> rotated = endpoint.change("rotate");

            KeyRing ring = context.getBean(KeyRing.class);
            assertThat(rotated).containsEntry("primaryKeyId", ring.primaryKeyId()).containsEntry("reencrypted", List.of());
            KeyRing reopened = KeyRing.open(ringFile, KeyEncryptionKey.passphrase(PASSPHRASE.toCharArray()));
            assertThat(reopened.primaryKeyId()).isEqualTo(ring.primaryKeyId());
            assertThat(reopened.keys()).hasSize(2);
            assertThat(context.getBean(MeterRegistry.class).counter("privacykit.audit.events", "action", "key_rotated").count())
                    .isEqualTo(1.0);
            assertThat(context.getBean(AuditEventRepository.class).find(null, null, "PRIVACYKIT_KEY_ROTATED"))
                    .singleElement().satisfies(e -> assertThat(e.getPrincipal()).isEqualTo("privacykit"));
        });
    }

    @Test
    void endpoint_reloadsWhatAnotherInstanceRotated() throws Exception {
        runner().run(context -> {
            KeyRing ring = context.getBean(KeyRing.class);
            KeyRing other = KeyRing.builder().refreshInterval(java.time.Duration.ZERO)
                    .open(ringFile, KeyEncryptionKey.passphrase(PASSPHRASE.toCharArray()));
            int newPrimary = other.rotate();

            assertThat(context.getBean(KeyRingEndpoint.class).change("reload")).containsEntry("changed", true);
            assertThat(ring.primaryKeyId()).isEqualTo(newPrimary);
        });
    }

    @Test
    void endpoint_refusesAnUnknownAction() {
        runner().run(context -> assertThatThrownBy(() -> context.getBean(KeyRingEndpoint.class).change("destroy-all"))
                .isInstanceOf(InvalidEndpointRequestException.class));
    }

    @Test
    void applicationsOwnSink_isObserved_andItsEventsReachMetricsAndActuator() {
        InMemoryAuditSink mine = new InMemoryAuditSink();
        runner().withBean(AuditSink.class, () -> mine).run(context -> {
            context.getBean(AuditSink.class).record(AuditEvent.builder(AuditAction.REVEAL).field("Customer.email")
                    .purpose("support").actor("alice").build());

            assertThat(mine.events(AuditAction.REVEAL)).hasSize(1);
            assertThat(context.getBean(MeterRegistry.class).counter("privacykit.audit.events", "action", "reveal").count())
                    .isEqualTo(1.0);
            assertThat(context.getBean(AuditEventRepository.class).find("alice", null, "PRIVACYKIT_REVEAL"))
                    .singleElement().satisfies(e -> assertThat(e.getData())
                            .containsEntry("field", "Customer.email").containsEntry("purpose", "support"));
        });
    }

    /** A sink class of the application: observed through a subclass, injected by its class. */
    static class CountingSink implements AuditSink {
        private int erasures;

        @Override
        public void record(AuditEvent event) {
            if (event.action() == AuditAction.ERASE) {
                erasures++;
            }
        }

        public int erasures() {
            return erasures;
        }
    }

    @Test
    void sinkDeclaredByItsClass_keepsThatType() {
        runner().withBean(CountingSink.class, CountingSink::new)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean(CountingSink.class).record(AuditEvent.builder(AuditAction.ERASE).subject("42").build());
                    assertThat(context.getBean(MeterRegistry.class).counter("privacykit.audit.events", "action", "erase")
                            .count()).isEqualTo(1.0);
                    assertThat(context.getBean(CountingSink.class).erasures()).isEqualTo(1);
                });
    }
}
