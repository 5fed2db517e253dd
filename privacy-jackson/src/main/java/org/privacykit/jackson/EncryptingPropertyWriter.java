package org.privacykit.jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;

import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.spi.FieldCipher;
import org.privacykit.spi.FieldContext;
import org.privacykit.spi.FieldCryptoException;

/**
 * Writes an {@code @Encrypted} property of the encrypting mapper: the value's JSON, encrypted and
 * bound to its field context and subject, as a JSON string. A {@code @SubjectId} that is encrypted
 * is bound to its field only (it cannot be bound to itself).
 */
final class EncryptingPropertyWriter extends PrivacyPropertyWriter {
    private static final long serialVersionUID = 1L;

    private final transient FieldCipher cipher;
    private final transient FieldContext context;
    private final transient JsonFactory json;

    EncryptingPropertyWriter(BeanPropertyWriter base, PropertyMetadata property, ClassMetadata owner, boolean scoped,
                             FieldCipher cipher, JsonFactory json) {
        super(base, property, owner, scoped);
        this.cipher = cipher;
        this.context = FieldContext.of(property, null);
        this.json = json;
    }

    private EncryptingPropertyWriter(EncryptingPropertyWriter base, PropertyName name) {
        super(base, name);
        this.cipher = base.cipher;
        this.context = base.context;
        this.json = base.json;
    }

    @Override
    PrivacyPropertyWriter renamed(PropertyName name) {
        return new EncryptingPropertyWriter(this, name);
    }

    @Override
    void writeField(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
        Object value = protectedFieldValue(bean, gen, prov);
        if (value != null) {
            gen.writeString(encrypt(bean, value, gen, prov));
        }
    }

    @Override
    void writeElement(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
        Object value = protectedElementValue(bean, gen, prov);
        if (value != null) {
            gen.writeString(encrypt(bean, value, gen, prov));
        }
    }

    private String encrypt(Object bean, Object value, JsonGenerator gen, SerializerProvider prov) throws Exception {
        // a String property is encrypted as the string itself, as FieldEncryptor and privacy-jpa do, so a
        // ciphertext (and a deterministic search term) is the same whichever of them wrote it
        String plaintext = value instanceof String && property.rawType() == String.class
                ? (String) value : valueJson(value, prov, json);
        if (Utf8JsonScanner.hasUnpairedSurrogate(plaintext)) {
            // UTF-8 cannot hold it: the value would not decrypt to itself
            throw JsonMappingException.from(gen, property.qualifiedName()
                    + ": cannot encrypt a value that holds an unpaired surrogate (invalid UTF-16)");
        }
        String subject = property.isSubjectId() ? null : subject(bean, prov);
        try {
            return cipher.encrypt(context.withSubject(subject), plaintext);
        } catch (FieldCryptoException e) {
            // the cipher's message names the field and the reason, never the value
            throw JsonMappingException.from(gen, property.qualifiedName() + ": cannot encrypt (" + e.getMessage() + ")", e);
        }
    }
}
