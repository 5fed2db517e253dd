package org.privacykit.jackson3;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyName;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.bean.BeanDeserializerBase;
import tools.jackson.databind.introspect.BeanPropertyDefinition;

import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.spi.engine.Protector;
import org.privacykit.spi.engine.ReadPlan;

/**
 * Wraps the deserializer of each class that has {@code @Encrypted} properties, or a
 * {@code @SubjectId} and nested types that may have them, once, when Jackson builds it.
 */
final class DecryptingDeserializerModifier extends ValueDeserializerModifier {
    private static final long serialVersionUID = 1L;

    private final transient Protector protector;

    DecryptingDeserializerModifier(Protector protector) {
        this.protector = protector;
    }

    @Override
    public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier supplier,
                                                   ValueDeserializer<?> deserializer) {
        Class<?> type = supplier.getBeanClass();
        if (!(deserializer instanceof BeanDeserializerBase) || !PrivacyMetadata.isNavigable(type)) {
            return deserializer;
        }
        ClassMetadata metadata = PrivacyMetadata.of(type);
        BeanDescription description = supplier.get();
        PropertyIndex index = new PropertyIndex(metadata, description);
        ReadPlan.Builder plan = ReadPlan.builder(protector, metadata,
                config.isEnabled(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES));
        for (BeanPropertyDefinition definition : description.findProperties()) {
            // the JSON name and every @JsonAlias, as Jackson will accept them
            List<String> names = new ArrayList<>();
            names.add(definition.getName());
            for (PropertyName alias : definition.findAliases()) {
                names.add(alias.getSimpleName());
            }
            plan.add(index.find(definition.getName(), definition.getPrimaryMember()), names,
                    PropertyIndex.mayHoldProtectedData(definition.getPrimaryType()));
        }
        ReadPlan built = plan.build();
        return built == null ? deserializer : new DecryptingDeserializer(deserializer, built);
    }
}
