package org.privacykit.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;

import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PropertyMetadata;

/**
 * Writes an unprotected property as Jackson would, with its owner as the subject scope: for the
 * nested objects of a class with a {@code @SubjectId}.
 */
final class ScopedPropertyWriter extends PrivacyPropertyWriter {
    private static final long serialVersionUID = 1L;

    ScopedPropertyWriter(BeanPropertyWriter base, PropertyMetadata property, ClassMetadata owner) {
        super(base, property, owner, true);
    }

    private ScopedPropertyWriter(ScopedPropertyWriter base, PropertyName name) {
        super(base, name);
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
