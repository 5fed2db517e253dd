package org.privacykit.spring.data;

import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Spring Data JPA repositories whose entities have privacy-jpa {@code @Encrypted} attributes: a
 * derived query method on such an attribute ({@code findByEmail(String)}) is answered with the
 * argument's search terms (its deterministic ciphertexts, or its blind index and an exact check after
 * loading), and a method that cannot work fails at start-up naming the repository method and the
 * attribute. Off with {@code privacykit.jpa.repositories.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnClass(name = {"org.privacykit.jpa.EncryptedEntities",
        "org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean"})
@ConditionalOnProperty(name = "privacykit.jpa.repositories.enabled", matchIfMissing = true)
public class PrivacyKitDataJpaAutoConfiguration {

    /** Created by Spring Boot from the auto-configuration imports. */
    public PrivacyKitDataJpaAutoConfiguration() {
    }

    /**
     * Adds the encrypted-query interceptor to every JPA repository as it is created. Static: a bean
     * post-processor is created before the other beans, and the entity manager factories are looked
     * up only when a repository is.
     *
     * @param factories the application's entity manager factories
     * @return the post-processor
     */
    @Bean
    static EncryptedRepositories privacyKitEncryptedRepositories(ObjectProvider<EntityManagerFactory> factories) {
        return new EncryptedRepositories(factories);
    }
}
