package org.privacykit.spring.boot;

import java.time.Clock;

import org.privacykit.crypto.KeyRing;
import org.privacykit.spring.KeyRingHealth;
import org.privacykit.spring.PrivacyKitEncryptionAutoConfiguration;
import org.privacykit.spring.PrivacyKitProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code keyRing} health indicator ({@code /actuator/health/keyRing}): up while the key-ring
 * file loads with the KEK, with the primary key's age against
 * {@code privacykit.key-ring.rotation-period} ({@code rotationDue}), see {@link KeyRingHealth}.
 * Spring Boot 4's health API (module {@code spring-boot-health}). Off with
 * {@code management.health.keyring.enabled=false}.
 */
@AutoConfiguration(after = PrivacyKitEncryptionAutoConfiguration.class)
@ConditionalOnClass(name = {"org.springframework.boot.health.contributor.HealthIndicator", "org.privacykit.crypto.KeyRing"})
@ConditionalOnProperty(name = "management.health.keyring.enabled", matchIfMissing = true)
public class PrivacyKitHealthAutoConfiguration {

    /** Created by Spring Boot from the auto-configuration imports. */
    public PrivacyKitHealthAutoConfiguration() {
    }

    /**
     * The health indicator.
     *
     * @param ring the key ring
     * @param properties the settings
     * @return the indicator
     */
    @Bean
    @ConditionalOnBean(KeyRing.class)
    @ConditionalOnMissingBean(name = "keyRingHealthIndicator")
    public HealthIndicator keyRingHealthIndicator(KeyRing ring, PrivacyKitProperties properties) {
        return () -> {
            KeyRingHealth health = KeyRingHealth.of(ring, properties.getKeyRing().getRotationPeriod(), Clock.systemUTC());
            return (health.up() ? Health.up() : Health.down()).withDetails(health.details()).build();
        };
    }
}
