package org.privacykit.jackson3;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.PropertyName;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.BeanPropertyWriter;

import org.privacykit.spi.engine.ScopePlan;

/**
 * Writes an unprotected property as Jackson would, with its owner as the subject scope: for the
 * nested objects of a class with a {@code @SubjectId}.
 */
final class ScopedPropertyWriter extends PrivacyPropertyWriter {
    private static final long serialVersionUID = 1L;

    ScopedPropertyWriter(BeanPropertyWriter base, ScopePlan plan) {
        super(base, plan);
    }

    private ScopedPropertyWriter(ScopedPropertyWriter base, PropertyName name) {
        super(base, name);
    }

    /** The property is not protected: its failures are Jackson's, as without privacy-kit. */
    @Override
    boolean redactsFailures() {
        return false;
    }

    @Override
    void writeProperty(Object bean, JsonGenerator gen, SerializationContext ctxt) throws Exception {
        plainProperty(bean, gen, ctxt);
    }

    @Override
    void writeElement(Object bean, JsonGenerator gen, SerializationContext ctxt) throws Exception {
        plainElement(bean, gen, ctxt);
    }

    @Override
    PrivacyPropertyWriter renamed(PropertyName name) {
        return new ScopedPropertyWriter(this, name);
    }
}
