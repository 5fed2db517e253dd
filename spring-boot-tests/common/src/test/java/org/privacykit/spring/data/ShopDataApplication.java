package org.privacykit.spring.data;

import org.privacykit.crypto.KeyRing;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * A Spring Boot application with one repository over {@link Customer}, configured only through
 * Spring Boot's auto-configuration and privacy-kit's: an in-memory key ring bean, from which the
 * starter makes the {@code FieldEncryptor} and hands it to Hibernate.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackageClasses = Customer.class)
@EnableJpaRepositories(basePackageClasses = Customer.class, includeFilters =
        @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = CustomerRepository.class))
public class ShopDataApplication {

    @Bean
    KeyRing keyRing() {
        return KeyRing.generate();
    }
}
