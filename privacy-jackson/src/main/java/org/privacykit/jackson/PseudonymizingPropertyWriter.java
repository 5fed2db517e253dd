package org.privacykit.jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;

import org.privacykit.spi.engine.ProtectionException;
import org.privacykit.spi.engine.PseudonymPlan;

/**
 * Writes a property of the pseudonymizing mapper as its {@link PseudonymPlan} decides: a personal
 * value or subject id as keyed pseudonyms element by element, a secret redacted, personal map keys as
 * pseudonyms of their own domain.
 */
final class PseudonymizingPropertyWriter extends PrivacyPropertyWriter {
    private static final long serialVersionUID = 1L;

    private final transient PseudonymPlan pseudonyms;
    private final transient JsonFactory json;

    PseudonymizingPropertyWriter(BeanPropertyWriter base, PseudonymPlan plan, JsonFactory json) {
        super(base, plan);
        this.pseudonyms = plan;
        this.json = json;
    }

    private PseudonymizingPropertyWriter(PseudonymizingPropertyWriter base, PropertyName name) {
        super(base, name);
        this.pseudonyms = base.pseudonyms;
        this.json = base.json;
    }

    @Override
    PrivacyPropertyWriter renamed(PropertyName name) {
        return new PseudonymizingPropertyWriter(this, name);
    }

    @Override
    void writeField(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
        Object value = protectedFieldValue(bean, gen, prov);
        if (value != null) {
            write(value, gen, prov);
        }
    }

    @Override
    void writeElement(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
        Object value = protectedElementValue(bean, gen, prov);
        if (value != null) {
            write(value, gen, prov);
        }
    }

    private void write(Object value, JsonGenerator gen, SerializerProvider prov) throws Exception {
        try {
            pseudonyms.write(value, new GeneratorOutput(gen, prov, json));
        } catch (ProtectionException e) {
            throw JsonMappingException.from(gen, e.getMessage(), e.getCause());
        }
    }
}
