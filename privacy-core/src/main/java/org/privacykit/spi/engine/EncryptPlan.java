package org.privacykit.spi.engine;

import org.jspecify.annotations.Nullable;

import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditEvent;
import org.privacykit.audit.AuditSink;
import org.privacykit.internal.Utf16;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.spi.FieldCipher;
import org.privacykit.spi.FieldContext;
import org.privacykit.spi.FieldCryptoException;
import org.privacykit.spi.SubjectErasedException;

/**
 * An {@code @Encrypted} property of the encrypting mapper: written as the ciphertext of its value,
 * bound to its field context and subject, and read back from it. A {@code String} property is encrypted
 * as the string itself, as {@code FieldEncryptor} and privacy-jpa do, so a ciphertext (and a
 * deterministic search term) is the same whichever of them wrote it; any other type as its JSON. A
 * {@code @SubjectId} that is encrypted is bound to its field only (it cannot be bound to itself).
 */
public final class EncryptPlan implements PropertyPlan {
    private final PropertyMetadata property;
    private final ClassMetadata owner;
    private final boolean scoped;
    private final FieldCipher cipher;
    private final AuditSink audit;
    private final FieldContext context;

    EncryptPlan(PropertyMetadata property, ClassMetadata owner, boolean scoped, FieldCipher cipher, AuditSink audit) {
        this.property = property;
        this.owner = owner;
        this.scoped = scoped;
        this.cipher = cipher;
        this.audit = audit;
        this.context = FieldContext.of(property, null);
    }

    @Override
    public PropertyMetadata property() {
        return property;
    }

    @Override
    public ClassMetadata owner() {
        return owner;
    }

    @Override
    public boolean scoped() {
        return scoped;
    }

    /**
     * Tells whether the plaintext of a value is its text rather than its JSON: a {@code String} of a
     * {@code String} property.
     *
     * @param value a non-null value
     * @return {@code true} when the value is encrypted as the string itself
     */
    public boolean encryptsText(Object value) {
        return value instanceof String && isTextProperty();
    }

    /**
     * Tells whether the property is a {@code String}, whose ciphertext decrypts to the string itself
     * rather than to JSON.
     *
     * @return {@code true} for a {@code String} property
     */
    public boolean isTextProperty() {
        return property.rawType() == String.class;
    }

    /**
     * Tells whether the ciphertext is bound to the data subject (every property but a subject id).
     *
     * @return {@code true} when a subject is looked up for this property
     */
    public boolean bindsSubject() {
        return !property.isSubjectId();
    }

    /**
     * Encrypts a plaintext.
     *
     * @param plaintext the value's text or JSON
     * @param subject the data subject, or {@code null}; ignored for a subject id
     * @return the ciphertext
     * @throws ProtectionException when the value holds an unpaired surrogate (UTF-8 cannot hold it, so it
     *         would not decrypt to itself) or the cipher fails; the message names the field and the reason
     */
    public String encrypt(String plaintext, @Nullable String subject) throws ProtectionException {
        if (Utf16.unpairedSurrogate(plaintext) >= 0) {
            throw new ProtectionException(property.qualifiedName()
                    + ": cannot encrypt a value that holds an unpaired surrogate (invalid UTF-16)");
        }
        try {
            return cipher.encrypt(context.withSubject(bindsSubject() ? subject : null), plaintext);
        } catch (FieldCryptoException e) {
            // the cipher's message names the field and the reason, never the value
            throw new ProtectionException(property.qualifiedName() + ": cannot encrypt (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Decrypts a ciphertext. A value of a forgotten subject reads as {@code null}, and the read is
     * audited as {@code ERASED_READ}.
     *
     * @param ciphertext the ciphertext
     * @param subject the data subject, or {@code null}; ignored for a subject id
     * @return the plaintext, or {@code null} for a forgotten subject's value
     * @throws ProtectionException when the ciphertext is tampered, truncated, moved, foreign or under
     *         an unknown key; the message names the field and the reason, never the value or the key
     */
    public @Nullable String decrypt(String ciphertext, @Nullable String subject) throws ProtectionException {
        String bound = bindsSubject() ? subject : null;
        try {
            return cipher.decrypt(FieldContext.of(property, bound), ciphertext);
        } catch (SubjectErasedException e) {
            audit.record(AuditEvent.builder(AuditAction.ERASED_READ)
                    .field(property.qualifiedName()).subject(bound).detail("read as null").build());
            return null;
        } catch (FieldCryptoException e) {
            throw new ProtectionException(property.qualifiedName() + ": cannot decrypt (" + e.getMessage() + ")", e);
        }
    }
}
