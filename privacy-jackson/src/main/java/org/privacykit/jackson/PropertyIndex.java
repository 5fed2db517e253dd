package org.privacykit.jackson;

import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;

/**
 * Maps Jackson's properties of one class to privacy-kit's, by the underlying member name (field,
 * record component or getter's bean name), never by the JSON name: a {@code @JsonProperty} rename or
 * a naming strategy does not lose a classification. Used once per class, when serializers and
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
    PropertyMetadata find(String jsonName, AnnotatedMember member) {
        String internal = internalByJsonName.get(jsonName);
        PropertyMetadata property = internal == null ? null : metadata.property(internal);
        if (property == null && member != null) {
            property = metadata.property(memberName(member));
        }
        return property;
    }

    private static String memberName(AnnotatedMember member) {
        String name = member.getName();
        if (member instanceof AnnotatedMethod && ((AnnotatedMethod) member).getParameterCount() == 0) {
            if (name.startsWith("get") && name.length() > 3) {
                return decapitalize(name.substring(3));
            }
            if (name.startsWith("is") && name.length() > 2) {
                return decapitalize(name.substring(2));
            }
        }
        return name;
    }

    /** The bean name of a getter's suffix, as java.beans decapitalizes it: {@code URL} stays, {@code Email} becomes {@code email}. */
    private static String decapitalize(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(1)) && Character.isUpperCase(name.charAt(0))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * Tells whether a value of a type may hold protected data of its own, so that the data subject
     * of the object holding it must be known while it is written: application types with protected
     * fields, types that may have such subclasses, and containers of them.
     */
    static boolean mayHoldProtectedData(JavaType type) {
        JavaType t = type;
        while (t.isContainerType() || t.isReferenceType()) {
            t = t.getContentType();
            if (t == null) {
                return true;
            }
        }
        Class<?> raw = t.getRawClass();
        if (raw == Object.class) {
            return true;
        }
        if (!PrivacyMetadata.isNavigable(raw)) {
            return raw.isInterface() && !raw.getName().startsWith("java.");
        }
        if (raw.isInterface() || Modifier.isAbstract(raw.getModifiers())
                || !(Modifier.isFinal(raw.getModifiers()) || raw.isRecord())) {
            return true;
        }
        return PrivacyMetadata.of(raw).hasProtectedData() || hasEncrypted(PrivacyMetadata.of(raw));
    }

    private static boolean hasEncrypted(ClassMetadata metadata) {
        for (PropertyMetadata p : metadata.properties()) {
            if (p.isEncrypted()) {
                return true;
            }
        }
        return false;
    }
}
