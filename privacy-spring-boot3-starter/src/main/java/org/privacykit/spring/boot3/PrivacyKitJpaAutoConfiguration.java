package org.privacykit.spring.boot3;

import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.jpa.EncryptedEntities;
import org.privacykit.spring.PrivacyKitEncryptionAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Hands the {@link FieldEncryptor} bean to privacy-jpa when the application has it: the Hibernate
 * property {@code privacykit.jpa.field_encryptor} ({@code EncryptedEntities.FIELD_ENCRYPTOR}),
 * through a {@link HibernatePropertiesCustomizer}, which Spring Boot's JPA auto-configuration
 * applies. Off with {@code privacykit.jpa.enabled=false}.
 *
 * <p>privacy-jpa targets Hibernate ORM 7; Spring Boot 3.5's own JPA auto-configuration is built for
 * Hibernate 6.6. See the module README for what that means.
 */
@AutoConfiguration(after = PrivacyKitEncryptionAutoConfiguration.class,
        beforeName = "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration")
@ConditionalOnClass(name = "org.privacykit.jpa.EncryptedEntities")
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
