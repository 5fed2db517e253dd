package org.privacykit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyRing;
import org.privacykit.jpa.EncryptedEntities;
import org.privacykit.spring.boot3.PrivacyKitJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PrivacyKitJpaAutoConfigurationTest {
    private final FieldEncryptor encryptor = FieldEncryptor.of(KeyRing.generate());

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PrivacyKitAutoConfiguration.class,
                    PrivacyKitEncryptionAutoConfiguration.class, PrivacyKitJpaAutoConfiguration.class))
            .withPropertyValues("privacykit.inventory.enabled=false");

    @Test
    void fieldEncryptor_isHandedToHibernate() {
        runner.withBean(FieldEncryptor.class, () -> encryptor).run(context -> {
            Map<String, Object> properties = new HashMap<>();
            context.getBean(HibernatePropertiesCustomizer.class).customize(properties);
            assertThat(properties).containsEntry(EncryptedEntities.FIELD_ENCRYPTOR, encryptor);
        });
    }

    @Test
    void noFieldEncryptor_noCustomizer() {
        runner.run(context -> assertThat(context).doesNotHaveBean(HibernatePropertiesCustomizer.class));
    }

    @Test
    void jpaDisabled_noCustomizer() {
        runner.withBean(FieldEncryptor.class, () -> encryptor).withPropertyValues("privacykit.jpa.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(HibernatePropertiesCustomizer.class));
    }

    @Test
    void withoutPrivacyJpa_noCustomizer() {
        runner.withBean(FieldEncryptor.class, () -> encryptor)
                .withClassLoader(new org.springframework.boot.test.context.FilteredClassLoader(EncryptedEntities.class))
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(HibernatePropertiesCustomizer.class));
    }
}
