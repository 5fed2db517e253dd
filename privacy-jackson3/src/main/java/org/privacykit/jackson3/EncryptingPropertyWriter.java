package org.privacykit.jackson3;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.PropertyName;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.BeanPropertyWriter;

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

    EncryptingPropertyWriter(BeanPropertyWriter base, EncryptPlan plan) {
        super(base, plan);
        this.encrypt = plan;
    }

    private EncryptingPropertyWriter(EncryptingPropertyWriter base, PropertyName name) {
        super(base, name);
        this.encrypt = base.encrypt;
    }

    @Override
    PrivacyPropertyWriter renamed(PropertyName name) {
        return new EncryptingPropertyWriter(this, name);
    }

    @Override
    void writeProperty(Object bean, JsonGenerator gen, SerializationContext ctxt) throws Exception {
        Object value = protectedPropertyValue(bean, gen, ctxt);
        if (value != null) {
            gen.writeString(encrypt(bean, value, gen, ctxt));
        }
    }

    @Override
    void writeElement(Object bean, JsonGenerator gen, SerializationContext ctxt) throws Exception {
        Object value = protectedElementValue(bean, gen, ctxt);
        if (value != null) {
            gen.writeString(encrypt(bean, value, gen, ctxt));
        }
    }

    private String encrypt(Object bean, Object value, JsonGenerator gen, SerializationContext ctxt) throws Exception {
        String plaintext = encrypt.encryptsText(value) ? (String) value : valueJson(value, ctxt);
        try {
            return encrypt.encrypt(plaintext, encrypt.bindsSubject() ? subject(bean, ctxt) : null);
        } catch (ProtectionException e) {
            throw DatabindException.from(gen, e.getMessage(), e.getCause());
        }
    }
}
