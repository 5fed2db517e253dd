package org.privacykit.spring;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManagerFactory;
import org.privacykit.audit.AuditSink;
import org.privacykit.crypto.KeyRing;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Operations with Spring Boot's Actuator: audit events counted in Micrometer
 * ({@code privacykit.audit.events}, tagged by action) and added to Actuator's
 * {@code AuditEventRepository} when the application has one; the {@code privacykitkeys} endpoint
 * that lists, rotates (then re-encrypts privacy-jpa entities) and reloads the key ring. The health
 * indicator is declared by each starter (Actuator's health API differs between Spring Boot lines)
 * on {@link KeyRingHealth}.
 */
@AutoConfiguration(after = PrivacyKitEncryptionAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
public class PrivacyKitOperationsAutoConfiguration {

    /** Created by Spring Boot from the auto-configuration imports. */
    public PrivacyKitOperationsAutoConfiguration() {
    }

    /**
     * Observes every audit sink bean. Static: a bean post-processor is created before other beans.
     *
     * @param meters the meter registry, when Micrometer is configured
     * @param repositories Actuator's audit event repository, when the application declares one
     * @return the post-processor
     */
    @Bean
    @ConditionalOnClass(name = {"io.micrometer.core.instrument.MeterRegistry",
            "org.springframework.boot.actuate.audit.AuditEventRepository"})
    static AuditSinkObservation privacyKitAuditSinkObservation(ObjectProvider<MeterRegistry> meters,
                                                              ObjectProvider<AuditEventRepository> repositories) {
        return new AuditSinkObservation(new AuditEventObserver(meters, repositories));
    }

    /** The key-ring endpoint, when the application has a key ring. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.privacykit.crypto.KeyRing")
    @ConditionalOnBean(KeyRing.class)
    static class KeyRingEndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        KeyRingEndpoint privacyKitKeyRingEndpoint(KeyRing ring, ObjectProvider<EntityReencryption> reencryption) {
            return new KeyRingEndpoint(ring, reencryption);
        }

        /** Re-encryption after a rotation, when privacy-jpa is on the class path. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = "org.privacykit.jpa.EncryptionJob")
        static class ReencryptionConfiguration {

            @Bean
            @ConditionalOnMissingBean
            EntityReencryption privacyKitEntityReencryption(ObjectProvider<EntityManagerFactory> factories, AuditSink audit) {
                return new EntityReencryption(factories, audit);
            }
        }
    }
}
