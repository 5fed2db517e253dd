package org.privacykit.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;

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
    void writeField(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
        plainField(bean, gen, prov);
    }

    @Override
    void writeElement(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
        plainElement(bean, gen, prov);
    }

    @Override
    PrivacyPropertyWriter renamed(PropertyName name) {
        return new ScopedPropertyWriter(this, name);
    }
}
