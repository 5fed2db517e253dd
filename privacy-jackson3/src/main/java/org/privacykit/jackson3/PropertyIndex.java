package org.privacykit.jackson3;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.AnnotatedMethod;
import tools.jackson.databind.introspect.BeanPropertyDefinition;

import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.spi.engine.PropertyNames;

/**
 * Maps Jackson's properties of one class to privacy-kit's (see {@link PropertyNames}): by the
 * underlying member name, never by the JSON name. Used once per class, when serializers and
 * deserializers are built.
 */
final class PropertyIndex {
    private final ClassMetadata metadata;
    private final Map<String, String> internalByJsonName = new HashMap<>();

    PropertyIndex(ClassMetadata metadata, BeanDescription description) {
        this.metadata = metadata;
        for (BeanPropertyDefinition definition : description.findProperties()) {
            internalByJsonName.put(definition.getName(), definition.getInternalName());
        }
    }

    /**
     * Finds the privacy metadata of a Jackson property.
     *
     * @param jsonName the property's JSON name
     * @param member its accessor, or {@code null}
     * @return the metadata, or {@code null} when privacy-kit does not know the property
     */
    @Nullable PropertyMetadata find(String jsonName, @Nullable AnnotatedMember member) {
        return PropertyNames.find(metadata, internalByJsonName.get(jsonName), member == null ? null : member.getName(),
                member instanceof AnnotatedMethod method && method.getParameterCount() == 0);
    }

    /** Whether a value of a type may hold protected data of its own (see {@link PropertyNames#mayHoldProtectedData}). */
    static boolean mayHoldProtectedData(JavaType type) {
        JavaType t = type;
        while (t != null && (t.isContainerType() || t.isReferenceType())) {
            t = t.getContentType();
        }
        return PropertyNames.mayHoldProtectedData(t == null ? null : t.getRawClass());
    }
}
