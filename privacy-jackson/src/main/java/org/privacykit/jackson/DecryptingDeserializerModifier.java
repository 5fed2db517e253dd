package org.privacykit.jackson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.spi.engine.EncryptPlan;
import org.privacykit.spi.engine.Protector;

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
        boolean caseInsensitive = config.isEnabled(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES);
        PropertyIndex index = new PropertyIndex(metadata, description);
        Map<String, EncryptPlan> encrypted = new HashMap<>();
        Map<String, PropertyMetadata> subjectIds = new HashMap<>();
        boolean nestedMayNeedSubject = false;
        for (BeanPropertyDefinition definition : description.findProperties()) {
            PropertyMetadata property = index.find(definition.getName(), definition.getPrimaryMember());
            if (property != null && (property.isEncrypted() || property.isSubjectId())) {
                // the JSON name and every @JsonAlias, as Jackson will accept them
                List<String> names = new ArrayList<>();
                names.add(definition.getName());
                for (PropertyName alias : definition.findAliases()) {
                    names.add(alias.getSimpleName());
                }
                for (String name : names) {
                    String key = caseInsensitive ? name.toLowerCase(Locale.ROOT) : name;
                    if (property.isEncrypted()) {
                        encrypted.put(key, (EncryptPlan) protector.plan(property, metadata, false));
                    }
                    if (property.isSubjectId()) {
                        subjectIds.put(key, property);
                    }
                }
            }
            nestedMayNeedSubject |= PropertyIndex.mayHoldProtectedData(definition.getPrimaryType());
        }
        boolean scopes = !subjectIds.isEmpty() && nestedMayNeedSubject;
        if (encrypted.isEmpty() && !scopes) {
            return deserializer;
        }
        return new DecryptingDeserializer(deserializer,
                new DecryptingDeserializer.Plan(metadata, encrypted, subjectIds, scopes, caseInsensitive, json));
    }
}
