package org.privacykit.spi;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.metadata.PropertyMetadata;

/**
 * Where an encrypted value belongs: the name it is bound to ({@code Customer.email}, or the
 * {@code context} of {@code @Encrypted}), the data subject, and how it is encrypted. A
 * {@link FieldCipher} binds the ciphertext to it, so a ciphertext moved to another field or another
 * subject fails to decrypt. Immutable.
 */
public final class FieldContext {
    private final String name;
    private final @Nullable String subjectId;
    private final EncryptionMode mode;
    private final String alphabet;
    private final @Nullable PersonalDataType type;
    private final Sensitivity sensitivity;

    private FieldContext(@Nullable String name, @Nullable String subjectId, EncryptionMode mode, @Nullable String alphabet,
                         @Nullable PersonalDataType type, @Nullable Sensitivity sensitivity) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a field context needs a name");
        }
        this.name = name;
        this.subjectId = subjectId;
        this.mode = Objects.requireNonNull(mode, "mode");
        this.alphabet = alphabet == null ? "" : alphabet;
        this.type = type;
        this.sensitivity = sensitivity == null ? Sensitivity.CONFIDENTIAL : sensitivity;
    }

    /**
     * Returns the context of an {@code @Encrypted} property.
     *
     * @param property the property; it must be {@code @Encrypted}
     * @param subjectId the data subject of the instance, or {@code null} when the class has none
     * @return the context
     * @throws IllegalArgumentException when the property is not {@code @Encrypted}
     */
    public static FieldContext of(PropertyMetadata property, @Nullable String subjectId) {
        if (!property.isEncrypted()) {
            throw new IllegalArgumentException(property.qualifiedName() + " is not @Encrypted");
        }
        PersonalDataType type = property.isProtected() ? property.classification().typeOrNull() : null;
        Sensitivity sensitivity = property.isProtected() ? property.classification().sensitivity() : null;
        return new FieldContext(property.encryption().context(), subjectId, property.encryption().mode(),
                property.encryption().alphabet(), type, sensitivity);
    }

    /**
     * Returns a context for values that are not fields of an annotated class, such as a column the
     * application encrypts by hand.
     *
     * @param name the name to bind to, such as {@code "orders.note"}
     * @param mode how to encrypt
     * @return the context, without subject
     */
    public static FieldContext of(String name, EncryptionMode mode) {
        return new FieldContext(name, null, mode, "", null, null);
    }

    /**
     * Returns a copy bound to a data subject.
     *
     * @param subjectId the subject id, or {@code null} for none
     * @return the new context
     */
    public FieldContext withSubject(@Nullable String subjectId) {
        return new FieldContext(name, subjectId, mode, alphabet, type, sensitivity);
    }

    /**
     * Returns a copy with a type and sensitivity, which choose the format-preserving alphabet and
     * whether a decryption is audited.
     *
     * @param type the personal data type, or {@code null}
     * @param sensitivity the sensitivity
     * @return the new context
     */
    public FieldContext withClassification(@Nullable PersonalDataType type, @Nullable Sensitivity sensitivity) {
        return new FieldContext(name, subjectId, mode, alphabet, type, sensitivity);
    }

    /**
     * Returns a copy with a format-preserving alphabet.
     *
     * @param alphabet the characters a value may hold, in order
     * @return the new context
     */
    public FieldContext withAlphabet(String alphabet) {
        return new FieldContext(name, subjectId, mode, alphabet, type, sensitivity);
    }

    /**
     * Returns the name the ciphertext is bound to.
     *
     * @return the name, such as {@code Customer.email}
     */
    public String name() {
        return name;
    }

    /**
     * Returns the data subject the value belongs to.
     *
     * @return the subject id, or {@code null} when there is none
     */
    public @Nullable String subjectId() {
        return subjectId;
    }

    /**
     * Returns the encryption mode.
     *
     * @return the mode
     */
    public EncryptionMode mode() {
        return mode;
    }

    /**
     * Returns the declared format-preserving alphabet.
     *
     * @return the alphabet, or empty to choose by type
     */
    public String alphabet() {
        return alphabet;
    }

    /**
     * Returns the personal data type of the field.
     *
     * @return the type, or {@code null} when unknown or a secret
     */
    public @Nullable PersonalDataType type() {
        return type;
    }

    /**
     * Returns the sensitivity of the field.
     *
     * @return the sensitivity; CONFIDENTIAL when not classified
     */
    public Sensitivity sensitivity() {
        return sensitivity;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FieldContext other)) {
            return false;
        }
        return name.equals(other.name) && Objects.equals(subjectId, other.subjectId) && mode == other.mode
                && alphabet.equals(other.alphabet) && type == other.type && sensitivity == other.sensitivity;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, subjectId, mode, alphabet, type, sensitivity);
    }

    /** Shows the field and mode; never the subject id, which may itself identify a person. */
    @Override
    public String toString() {
        return "FieldContext[" + name + ", " + mode + (subjectId == null ? "" : ", with subject") + "]";
    }
}
