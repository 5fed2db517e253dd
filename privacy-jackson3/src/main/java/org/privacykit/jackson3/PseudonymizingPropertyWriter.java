package org.privacykit.jackson3;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.PropertyName;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.BeanPropertyWriter;

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

    PseudonymizingPropertyWriter(BeanPropertyWriter base, PseudonymPlan plan) {
        super(base, plan);
        this.pseudonyms = plan;
    }

    private PseudonymizingPropertyWriter(PseudonymizingPropertyWriter base, PropertyName name) {
        super(base, name);
        this.pseudonyms = base.pseudonyms;
    }

    @Override
    PrivacyPropertyWriter renamed(PropertyName name) {
        return new PseudonymizingPropertyWriter(this, name);
    }

    @Override
    void writeProperty(Object bean, JsonGenerator gen, SerializationContext ctxt) throws Exception {
        Object value = protectedPropertyValue(bean, gen, ctxt);
        if (value != null) {
            write(value, gen, ctxt);
        }
    }

    @Override
    void writeElement(Object bean, JsonGenerator gen, SerializationContext ctxt) throws Exception {
        Object value = protectedElementValue(bean, gen, ctxt);
        if (value != null) {
            write(value, gen, ctxt);
        }
    }

    private void write(Object value, JsonGenerator gen, SerializationContext ctxt) throws Exception {
        try {
            pseudonyms.write(value, new GeneratorOutput(gen, ctxt));
        } catch (ProtectionException e) {
            throw DatabindException.from(gen, e.getMessage(), e.getCause());
        }
    }
}
