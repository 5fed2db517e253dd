package org.privacykit.spring;

import java.util.List;

import org.privacykit.audit.AuditSink;
import org.privacykit.spi.FieldCipher;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The core of privacy-kit's auto-configuration, the same on both Spring Boot lines: the
 * {@code privacykit.*} properties, the {@link AuditSink} (SLF4J unless the application declares its
 * own), the check that {@code privacykit.encryption.required} is met, and the inventory summary (a
 * startup log line and the {@code privacykit} actuator endpoint). Each starter adds the masking
 * Jackson module of its Jackson line.
 */
@AutoConfiguration
@EnableConfigurationProperties(PrivacyKitProperties.class)
public class PrivacyKitAutoConfiguration {

    /** Created by Spring Boot from the auto-configuration imports. */
    public PrivacyKitAutoConfiguration() {
    }

    /**
     * The audit sink for reveals, decryption failures and key events: {@code AuditSink.slf4j()}
     * unless the application declares an {@link AuditSink} bean.
     *
     * @return the SLF4J sink
     */
    @Bean
    @ConditionalOnMissingBean
    public AuditSink privacyKitAuditSink() {
        return AuditSink.slf4j();
    }

    /**
     * Fails startup when {@code privacykit.encryption.required=true} and the context has no
     * {@link FieldCipher} (no key ring configured and none declared).
     *
     * @param properties the settings
     * @param ciphers the application's or the auto-configured cipher, if any
     * @return the check, run when the bean is initialized (eagerly, even with lazy initialization)
     */
    @Bean
    @Lazy(false)
    @ConditionalOnProperty(name = "privacykit.encryption.required", havingValue = "true")
    EncryptionRequirement privacyKitEncryptionRequirement(PrivacyKitProperties properties,
                                                          ObjectProvider<FieldCipher> ciphers) {
        return new EncryptionRequirement(properties.getEncryption(), ciphers);
    }

    /** The inventory summary, scanned once, lazily. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "privacykit.inventory.enabled", matchIfMissing = true)
    static class InventoryConfiguration {

        @Bean
        InventorySummaryScan privacyKitInventory(PrivacyKitProperties properties, BeanFactory beanFactory) {
            List<String> packages = properties.getInventory().getPackages();
            if (packages.isEmpty() && AutoConfigurationPackages.has(beanFactory)) {
                packages = AutoConfigurationPackages.get(beanFactory);
            }
            ClassLoader loader = beanFactory instanceof ConfigurableBeanFactory configurable
                    ? configurable.getBeanClassLoader() : null;
            return new InventorySummaryScan(packages,
                    loader != null ? loader : PrivacyKitAutoConfiguration.class.getClassLoader());
        }

        @Bean
        @ConditionalOnProperty(name = "privacykit.inventory.log-on-startup", matchIfMissing = true)
        InventoryStartupLog privacyKitInventoryStartupLog(InventorySummaryScan inventory) {
            return new InventoryStartupLog(inventory);
        }

        /** The {@code privacykit} actuator endpoint, when the application has Spring Boot Actuator. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(Endpoint.class)
        static class EndpointConfiguration {

            @Bean
            @ConditionalOnMissingBean
            PrivacyKitEndpoint privacyKitEndpoint(InventorySummaryScan inventory) {
                return new PrivacyKitEndpoint(inventory);
            }
        }
    }
}
