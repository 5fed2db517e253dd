package org.privacykit.metadata;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import org.jspecify.annotations.NullUnmarked;

/**
 * One property of a class (a field, record component or getter) with its resolved privacy
 * declarations. Read once per class. How a value is read (the backing field or getter, made
 * accessible) is not API: privacy-kit's own modules reach it through their SPI, and no caller gets an
 * accessible {@code Field} or a reader of private state from this class.
 */
@NullUnmarked // nullness to annotate: see NOTES.md
public final class PropertyMetadata {
    private final Class<?> owner;
    private final String name;
    private final int index;
    private final Type genericType;
    private final Class<?> rawType;
    private final String containerSuffix;
    private final Class<?> elementClass;
    private final Classification classification;
    private final EncryptionSpec encryption;
    private final String subjectIdRole;
    private final String notPersonalReason;
    private final Field field;
    private final Method getter;
    private final PropertyMetadata mapKey;
    private final boolean isMapKey;

    PropertyMetadata(Class<?> owner, String name, int index, Type genericType, Class<?> rawType,
                     String containerSuffix, Class<?> elementClass, Classification classification,
                     EncryptionSpec encryption, String subjectIdRole, String notPersonalReason,
                     Field field, Method getter, PropertyMetadata mapKey, boolean isMapKey) {
        this.owner = owner;
        this.name = name;
        this.index = index;
        this.genericType = genericType;
        this.rawType = rawType;
        this.containerSuffix = containerSuffix;
        this.elementClass = elementClass;
        this.classification = classification;
        this.encryption = encryption;
        this.subjectIdRole = subjectIdRole;
        this.notPersonalReason = notPersonalReason;
        this.field = field;
        this.getter = getter;
        this.mapKey = mapKey;
        this.isMapKey = isMapKey;
    }

    /**
     * Returns the class this property was read from.
     *
     * @return the owning class
     */
    public Class<?> owner() {
        return owner;
    }

    /**
     * Returns the property name: the field or record component name, or the bean name of a getter.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns {@code SimpleClassName.name}, the form error messages and reports use.
     *
     * @return the qualified name
     */
    public String qualifiedName() {
        return owner.getSimpleName() + "." + name + (isMapKey ? "{key}" : "");
    }

    /** The position of this property in {@link ClassMetadata#properties()} (reached through {@code PropertyAccess}). */
    int index() {
        return index;
    }

    /**
     * Returns the declared generic type.
     *
     * @return the type
     */
    public Type genericType() {
        return genericType;
    }

    /**
     * Returns the declared raw type.
     *
     * @return the class
     */
    public Class<?> rawType() {
        return rawType;
    }

    /**
     * Returns the container shape as a path suffix: {@code ""} for a plain value, {@code "[]"} for a
     * collection or array, {@code "{}"} for map values, nested as in {@code "[][]"}; {@code Optional}
     * adds nothing.
     *
     * @return the suffix
     */
    public String containerSuffix() {
        return containerSuffix;
    }

    /**
     * Tells whether the property holds a collection, array, map or {@code Optional} rather than a
     * single value.
     *
     * @return {@code true} for a container
     */
    public boolean isContainer() {
        return elementClass != rawType;
    }

    /**
     * Returns the class of the values inside the containers, or the raw type for a plain value.
     *
     * @return the element class; {@code Object} when generics do not say
     */
    public Class<?> elementClass() {
        return elementClass;
    }

    /**
     * Returns the metadata of the element class when it is a class of the application (not a JDK
     * type, enum or primitive) that may hold protected fields of its own.
     *
     * @return the element's metadata, or {@code null} when the element is a plain value
     */
    public ClassMetadata elementMetadata() {
        return PrivacyMetadata.isNavigable(elementClass) ? PrivacyMetadata.of(elementClass) : null;
    }

    /**
     * Tells whether the property is protected: personal data or a secret.
     *
     * @return {@code true} when it has a classification
     */
    public boolean isProtected() {
        return classification != null;
    }

    /**
     * Returns the classification of a protected property.
     *
     * @return the classification, or {@code null} when the property is not protected
     */
    public Classification classification() {
        return classification;
    }

    /**
     * Tells whether the property is {@code @Encrypted}.
     *
     * @return {@code true} when encrypted at rest
     */
    public boolean isEncrypted() {
        return encryption != null;
    }

    /**
     * Returns how the property is encrypted.
     *
     * @return the encryption, or {@code null} when not {@code @Encrypted}
     */
    public EncryptionSpec encryption() {
        return encryption;
    }

    /**
     * Tells whether the property is a {@code @SubjectId}.
     *
     * @return {@code true} for a subject id
     */
    public boolean isSubjectId() {
        return subjectIdRole != null;
    }

    /**
     * Returns the subject role of a {@code @SubjectId}.
     *
     * @return the role ({@code ""} for the only subject), or {@code null} when not a subject id
     */
    public String subjectIdRole() {
        return subjectIdRole;
    }

    /**
     * Tells whether the property was reviewed and declared {@code @NotPersonalData}.
     *
     * @return {@code true} when declared not personal
     */
    public boolean isDeclaredNotPersonal() {
        return notPersonalReason != null;
    }

    /**
     * Returns the keys of the property's map, when they are declared personal on the key's type
     * argument ({@code Map<@PersonalData(EMAIL) String, Order> ordersByEmail}). The keys are the
     * outermost map's among the property's containers. They are described as a property of their
     * own: {@link #classification()} is the keys', {@link #rawType()} and {@link #elementClass()}
     * the key class, {@link #containerSuffix()} ends in {@code {key}}, {@link #qualifiedName()} reads
     * {@code Owner.ordersByEmail{key}}; reading its value reads the whole property, as for the
     * property itself.
     *
     * @return the keys' metadata, or {@code null} when the property holds no map or its keys are not declared
     */
    public PropertyMetadata mapKey() {
        return mapKey;
    }

    /**
     * Tells whether this metadata describes the keys of a map property (see {@link #mapKey()}).
     *
     * @return {@code true} for the keys of a map
     */
    public boolean isMapKey() {
        return isMapKey;
    }

    /** The backing field, or {@code null} for a property that has only a getter (reached through {@code PropertyAccess}). */
    Field field() {
        return field;
    }

    /** The annotated getter, or {@code null} (reached through {@code PropertyAccess}). */
    Method getter() {
        return getter;
    }

    /**
     * Tells whether copies can set this property (it has a backing field).
     *
     * @return {@code true} when it has a field
     */
    public boolean isWritable() {
        return field != null;
    }

    /**
     * Reads the property of an instance (reached from other packages through {@code PropertyAccess}).
     *
     * @throws IllegalStateException when the value cannot be read; the message names the property and
     *         the type of what the getter threw, and the cause is a {@link RedactedException}, so no
     *         message of the getter's (which may quote the value) leaves
     */
    Object get(Object bean) {
        try {
            if (field != null) {
                return field.get(bean);
            }
            return getter.invoke(bean);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(qualifiedName() + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
        } catch (InvocationTargetException e) {
            // the getter's own message may quote the value: only its type leaves, and a redacted chain
            throw new IllegalStateException(qualifiedName() + ": getter threw "
                    + RedactedException.typeOf(e.getCause()), RedactedException.of(e.getCause()));
        }
    }

    @Override
    public String toString() {
        return "PropertyMetadata[" + qualifiedName() + (classification == null ? "" : ", " + classification)
                + (encryption == null ? "" : ", " + encryption.mode())
                + (mapKey == null ? "" : ", keys " + mapKey.classification) + "]";
    }
}
