package org.privacykit.jackson;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.spi.engine.Protector;
import org.privacykit.spi.engine.ReadPlan;

/**
 * Wraps the deserializer of each class that has {@code @Encrypted} properties, or a
 * {@code @SubjectId} and nested types that may have them, once, when Jackson builds it.
 */
final class DecryptingDeserializerModifier extends BeanDeserializerModifier {
    private static final long serialVersionUID = 1L;

    private final transient Protector protector;
    private final transient JsonFactory json;

    DecryptingDeserializerModifier(Protector protector, JsonFactory json) {
        this.protector = protector;
        this.json = json;
    }

    @Override
    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                  JsonDeserializer<?> deserializer) {
        Class<?> type = description.getBeanClass();
        if (!(deserializer instanceof BeanDeserializerBase) || !PrivacyMetadata.isNavigable(type)) {
            return deserializer;
        }
        ClassMetadata metadata = PrivacyMetadata.of(type);
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
        return built == null ? deserializer : new DecryptingDeserializer(deserializer, built, json);
    }
}
