package org.privacykit.spring;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.privacykit.inventory.DataInventory;
import org.privacykit.inventory.InventoryEntry;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;

/**
 * Native images (Spring AOT): privacy-kit reads each class's privacy annotations, fields and
 * accessors by reflection when it first masks, encrypts or inventories an instance. At build time
 * this processor finds, in the application's packages (those of {@code @SpringBootApplication}),
 * every class that declares or holds personal data, and registers reflection on its declared
 * fields, constructors and methods, so masking and encryption behave in the image as on the JVM.
 */
final class PrivacyKitAotProcessor implements BeanFactoryInitializationAotProcessor {

    @Override
    public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
        if (!AutoConfigurationPackages.has(beanFactory)) {
            return null;
        }
        List<String> packages = AutoConfigurationPackages.get(beanFactory);
        ClassLoader loader = beanFactory.getBeanClassLoader();
        DataInventory inventory = DataInventory.scanPackages(packages,
                loader != null ? loader : PrivacyKitAotProcessor.class.getClassLoader());
        Set<Class<?>> types = new LinkedHashSet<>(inventory.classes());
        for (InventoryEntry entry : inventory.entries()) {
            types.add(entry.rootClass());
            types.add(entry.declaringClass());
        }
        if (types.isEmpty()) {
            return null;
        }
        return (generation, code) -> {
            ReflectionHints reflection = generation.getRuntimeHints().reflection();
            for (Class<?> type : types) {
                reflection.registerType(type, MemberCategory.DECLARED_FIELDS, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
                        MemberCategory.INVOKE_DECLARED_METHODS);
            }
        };
    }
}
