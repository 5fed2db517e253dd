package org.privacykit.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.impl.UnwrappingBeanPropertyWriter;
import com.fasterxml.jackson.databind.util.NameTransformer;

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

    /** An unprotected nested object may be unwrapped; it keeps the owner as its subject scope. */
    @Override
    public BeanPropertyWriter unwrappingWriter(NameTransformer unwrapper) {
        return new Unwrapping(this, unwrapper, owner);
    }

    /** Jackson's unwrapping writer, with the owner as the subject scope. */
    static final class Unwrapping extends UnwrappingBeanPropertyWriter {
        private static final long serialVersionUID = 1L;

        private final transient ClassMetadata owner;

        Unwrapping(BeanPropertyWriter base, NameTransformer unwrapper, ClassMetadata owner) {
            super(base, unwrapper);
            this.owner = owner;
        }

        private Unwrapping(Unwrapping base, NameTransformer transformer, SerializedString name) {
            super(base, transformer, name);
            this.owner = base.owner;
        }

        @Override
        protected UnwrappingBeanPropertyWriter _new(NameTransformer transformer, SerializedString newName) {
            return new Unwrapping(this, transformer, newName);
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
            Object previous = prov.getAttribute(SubjectScope.KEY);
            prov.setAttribute(SubjectScope.KEY, SubjectScope.ofBean((SubjectScope) previous, owner, bean));
            try {
                super.serializeAsField(bean, gen, prov);
            } finally {
                prov.setAttribute(SubjectScope.KEY, previous);
            }
        }
    }
}
