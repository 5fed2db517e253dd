package org.privacykit.jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;

import org.privacykit.spi.engine.EncryptPlan;
import org.privacykit.spi.engine.ProtectionException;

/**
 * Writes an {@code @Encrypted} property of the encrypting mapper: the value (a {@code String} as
 * itself, anything else as its JSON), encrypted by its {@link EncryptPlan} and bound to its field
 * context and subject, as a JSON string.
 */
final class EncryptingPropertyWriter extends PrivacyPropertyWriter {
    private static final long serialVersionUID = 1L;

    private final transient EncryptPlan encrypt;
    private final transient JsonFactory json;

    EncryptingPropertyWriter(BeanPropertyWriter base, EncryptPlan plan, JsonFactory json) {
        super(base, plan);
        this.encrypt = plan;
        this.json = json;
    }

    private EncryptingPropertyWriter(EncryptingPropertyWriter base, PropertyName name) {
        super(base, name);
        this.encrypt = base.encrypt;
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
        String plaintext = encrypt.encryptsText(value) ? (String) value : valueJson(value, prov, json);
        try {
            return encrypt.encrypt(plaintext, encrypt.bindsSubject() ? subject(bean, prov) : null);
        } catch (ProtectionException e) {
            throw JsonMappingException.from(gen, e.getMessage(), e.getCause());
        }
    }
}
