package org.privacykit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.privacykit.spring.data.Customer;
import org.privacykit.spring.data.CustomerRepository;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.javapoet.ClassName;

/** Native images: the application's personal-data classes get the reflection privacy-kit uses. */
class PrivacyKitAotProcessorTest {

    @Test
    void personalDataClassesOfTheApplicationPackages_getReflectionHints() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        AutoConfigurationPackages.register(beans, Customer.class.getPackageName());

        BeanFactoryInitializationAotContribution contribution = new PrivacyKitAotProcessor().processAheadOfTime(beans);
        DefaultGenerationContext generation = new DefaultGenerationContext(
                new ClassNameGenerator(ClassName.get("com.example", "App")), new InMemoryGeneratedFiles());
        assertThat(contribution).isNotNull();
        contribution.applyTo(generation, null);

        assertThat(RuntimeHintsPredicates.reflection().onType(Customer.class)
                .withMemberCategories(MemberCategory.DECLARED_FIELDS, MemberCategory.INVOKE_DECLARED_METHODS))
                .accepts(generation.getRuntimeHints());
        assertThat(RuntimeHintsPredicates.reflection().onType(CustomerRepository.class))
                .rejects(generation.getRuntimeHints());
    }

    @Test
    void withoutApplicationPackages_contributesNothing() {
        assertThat(new PrivacyKitAotProcessor().processAheadOfTime(new DefaultListableBeanFactory())).isNull();
    }
}
