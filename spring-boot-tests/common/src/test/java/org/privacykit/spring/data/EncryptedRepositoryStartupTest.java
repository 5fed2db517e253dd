package org.privacykit.spring.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.privacykit.crypto.KeyRing;
import org.privacykit.spring.PrivacyKitConfigurationException;
import org.privacykit.spring.data.bad.ContainingRepository;
import org.privacykit.spring.data.bad.IgnoreCaseRepository;
import org.privacykit.spring.data.bad.NegatedIndexRepository;
import org.privacykit.spring.data.bad.OrIndexRepository;
import org.privacykit.spring.data.bad.OrderedRepository;
import org.privacykit.spring.data.bad.RandomizedRepository;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * A repository method that no query on encrypted attributes can answer stops the application at
 * start-up, naming the method and the attribute, instead of returning nothing at run time.
 */
class EncryptedRepositoryStartupTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @AutoConfigurationPackage(basePackageClasses = Customer.class)
    static class App {
        @Bean
        KeyRing keyRing() {
            return KeyRing.generate();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableJpaRepositories(basePackageClasses = RandomizedRepository.class, includeFilters =
            @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = RandomizedRepository.class))
    static class WithRandomizedRepository {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableJpaRepositories(basePackageClasses = ContainingRepository.class, includeFilters =
            @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = ContainingRepository.class))
    static class WithContainingRepository {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableJpaRepositories(basePackageClasses = IgnoreCaseRepository.class, includeFilters =
            @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = IgnoreCaseRepository.class))
    static class WithIgnoreCaseRepository {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableJpaRepositories(basePackageClasses = OrderedRepository.class, includeFilters =
            @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = OrderedRepository.class))
    static class WithOrderedRepository {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableJpaRepositories(basePackageClasses = NegatedIndexRepository.class, includeFilters =
            @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = NegatedIndexRepository.class))
    static class WithNegatedIndexRepository {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableJpaRepositories(basePackageClasses = OrIndexRepository.class, includeFilters =
            @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = OrIndexRepository.class))
    static class WithOrIndexRepository {
    }

    static Stream<Arguments> methods() {
        return Stream.of(
                Arguments.of(WithRandomizedRepository.class, "RandomizedRepository.findByDiagnosis cannot work on Customer.diagnosis: "
                        + "it is randomized and has no @BlindIndexFor attribute"),
                Arguments.of(WithContainingRepository.class, "ContainingRepository.findByEmailContaining cannot work on Customer.email: "
                        + "CONTAINING cannot be evaluated on ciphertext"),
                Arguments.of(WithIgnoreCaseRepository.class, "IgnoreCaseRepository.findByEmailIgnoreCase cannot work on Customer.email: "
                        + "IgnoreCase cannot apply to ciphertext"),
                Arguments.of(WithOrderedRepository.class, "OrderedRepository.findByStatusOrderByEmailAsc cannot work on Customer.email: "
                        + "results cannot be ordered by an encrypted attribute"),
                Arguments.of(WithNegatedIndexRepository.class, "NegatedIndexRepository.findByCardNumberNot cannot work on "
                        + "Customer.cardNumber: NEGATING_SIMPLE_PROPERTY cannot be evaluated through a blind index"),
                Arguments.of(WithOrIndexRepository.class, "OrIndexRepository.findByCardNumberOrName cannot work on "
                        + "Customer.cardNumber: a blind-indexed attribute cannot be part of an Or query"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("methods")
    void impossibleQuery_failsTheStartup_namingMethodAndAttribute(Class<?> repository, String message) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(App.class, repository)
                .web(WebApplicationType.NONE)
                .properties("spring.datasource.url=jdbc:h2:mem:startup-" + repository.getSimpleName() + ";DB_CLOSE_DELAY=-1",
                        "spring.jpa.hibernate.ddl-auto=create-drop", "privacykit.inventory.enabled=false")
                .run().close())
                .hasRootCauseInstanceOf(PrivacyKitConfigurationException.class)
                .rootCause().hasMessageContaining("repository method " + message)
                .satisfies(e -> assertThat(((PrivacyKitConfigurationException) e).action()).isNotBlank());
    }
}
