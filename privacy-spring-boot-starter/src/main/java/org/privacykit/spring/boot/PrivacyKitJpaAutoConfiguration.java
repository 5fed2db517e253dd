package org.privacykit.spring.boot;

import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.jpa.EncryptedEntities;
import org.privacykit.spring.PrivacyKitEncryptionAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Hands the {@link FieldEncryptor} bean to privacy-jpa when the application has it: the Hibernate
 * property {@code privacykit.jpa.field_encryptor} ({@code EncryptedEntities.FIELD_ENCRYPTOR}),
 * through a {@link HibernatePropertiesCustomizer}, which Spring Boot's JPA auto-configuration
 * applies. Off with {@code privacykit.jpa.enabled=false}.
 *
 * <p>Spring Boot 4 moved the customizer to its {@code spring-boot-hibernate} module; it manages
 * Hibernate ORM 7 and Jakarta Persistence 3.2, which privacy-jpa needs.
 */
@AutoConfiguration(after = PrivacyKitEncryptionAutoConfiguration.class,
        beforeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass(name = {"org.privacykit.jpa.EncryptedEntities",
        "org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer"})
@ConditionalOnProperty(name = "privacykit.jpa.enabled", matchIfMissing = true)
public class PrivacyKitJpaAutoConfiguration {

    /** Created by Spring Boot from the auto-configuration imports. */
    public PrivacyKitJpaAutoConfiguration() {
    }

    /**
     * Puts the encryptor into Hibernate's properties.
     *
     * @param encryptor the field encryptor bean
     * @return the customizer
     */
    @Bean
    @ConditionalOnBean(FieldEncryptor.class)
    public HibernatePropertiesCustomizer privacyKitHibernateProperties(FieldEncryptor encryptor) {
        return properties -> properties.put(EncryptedEntities.FIELD_ENCRYPTOR, encryptor);
    }
}
