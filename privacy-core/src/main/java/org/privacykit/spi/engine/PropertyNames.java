package org.privacykit.spi.engine;

import java.lang.reflect.Modifier;

import org.jspecify.annotations.Nullable;

import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;

/**
 * Maps a mapper's properties to privacy-kit's, by the underlying member name (field, record component
 * or getter's bean name), never by the JSON name: a rename or a naming strategy does not lose a
 * classification. Used once per class, when serializers and deserializers are built.
 */
public final class PropertyNames {
    private PropertyNames() {
    }

    /**
     * Finds the privacy metadata of a mapper's property.
     *
     * @param metadata the owner's metadata
     * @param internalName the property's internal (member-derived) name, or {@code null}
     * @param memberName the accessor's name (a field, or a method such as {@code getEmail}), or {@code null}
     * @param noArgMethod whether the accessor is a method without parameters (a getter)
     * @return the metadata, or {@code null} when privacy-kit does not know the property
     */
    public static @Nullable PropertyMetadata find(ClassMetadata metadata, @Nullable String internalName,
                                                  @Nullable String memberName,
                                        boolean noArgMethod) {
        PropertyMetadata property = internalName == null ? null : metadata.property(internalName);
        if (property == null && memberName != null) {
            property = metadata.property(noArgMethod ? beanName(memberName) : memberName);
        }
        return property;
    }

    private static String beanName(String method) {
        if (method.startsWith("get") && method.length() > 3) {
            return decapitalize(method.substring(3));
        }
        if (method.startsWith("is") && method.length() > 2) {
            return decapitalize(method.substring(2));
        }
        return method;
    }

    /** The bean name of a getter's suffix, as java.beans decapitalizes it: {@code URL} stays, {@code Email} becomes {@code email}. */
    private static String decapitalize(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(1)) && Character.isUpperCase(name.charAt(0))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * Tells whether a value whose innermost content (inside any containers) is of a class may hold
     * protected data of its own, so that the data subject of the object holding it must be known while
     * it is written or read: application types with protected fields, types that may have such
     * subclasses, and unknown content.
     *
     * @param content the innermost content class, or {@code null} when the mapper does not know it
     * @return {@code true} when it may
     */
    public static boolean mayHoldProtectedData(@Nullable Class<?> content) {
        if (content == null || content == Object.class) {
            return true;
        }
        if (!PrivacyMetadata.isNavigable(content)) {
            return content.isInterface() && !content.getName().startsWith("java.");
        }
        if (content.isInterface() || Modifier.isAbstract(content.getModifiers())
                || !(Modifier.isFinal(content.getModifiers()) || content.isRecord())) {
            return true;
        }
        ClassMetadata metadata = PrivacyMetadata.of(content);
        return metadata.hasProtectedData()
                || metadata.properties().stream().anyMatch(p -> p.isEncrypted() || p.mapKey() != null);
    }
}
