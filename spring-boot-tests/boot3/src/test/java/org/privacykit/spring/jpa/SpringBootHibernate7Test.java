package org.privacykit.spring.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyRing;
import org.privacykit.spring.PrivacyKitAutoConfiguration;
import org.privacykit.spring.PrivacyKitEncryptionAutoConfiguration;
import org.privacykit.spring.boot3.PrivacyKitJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Spring Boot 3.5's JPA auto-configuration with Hibernate 7.4 and privacy-jpa, wired by the starter. */
class SpringBootHibernate7Test {

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage
    static class EntitiesHere {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(EntitiesHere.class)
            .withConfiguration(AutoConfigurations.of(PrivacyKitAutoConfiguration.class,
                    PrivacyKitEncryptionAutoConfiguration.class, PrivacyKitJpaAutoConfiguration.class,
                    DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
                    TransactionAutoConfiguration.class))
            .withBean(FieldEncryptor.class, () -> FieldEncryptor.of(KeyRing.generate()))
            .withPropertyValues("privacykit.inventory.enabled=false", "spring.jpa.hibernate.ddl-auto=create-drop",
                    "spring.datasource.url=jdbc:h2:mem:hibernate7;DB_CLOSE_DELAY=-1");

    @Test
    void encryptedAttribute_isCiphertextInTheColumn_andPlaintextInTheEntity() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            EntityManagerFactory emf = context.getBean(EntityManagerFactory.class);
            EntityManager em = emf.createEntityManager();
            em.getTransaction().begin();
            em.persist(new Patient("p-1", "asthma"));
            em.getTransaction().commit();
            em.close();

            String column = new JdbcTemplate(context.getBean(javax.sql.DataSource.class))
                    .queryForObject("select diagnosis from patient where id = 'p-1'", String.class);
            assertThat(column).isNotBlank().doesNotContain("asthma");

            EntityManager reader = emf.createEntityManager();
            assertThat(reader.find(Patient.class, "p-1").getDiagnosis()).isEqualTo("asthma");
            reader.close();
        });
    }

    @Test
    void jpaWiringOff_persistenceUnitRefusesToStart() {
        runner.withPropertyValues("privacykit.jpa.enabled=false").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("Patient");
        });
    }
}
