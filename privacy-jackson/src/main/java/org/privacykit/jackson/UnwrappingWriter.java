package org.privacykit.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.util.NameTransformer;

import org.privacykit.metadata.ClassMetadata;
import org.privacykit.spi.engine.SubjectScope;

/**
 * Wraps Jackson's writer of an {@code @JsonUnwrapped} property. In a class with a {@code @SubjectId}
 * it makes the owner the subject scope, so the unwrapped object's fields know their subject; in
 * every class it puts the owner back as the output context's current value afterwards (Jackson's
 * unwrapping serializer leaves the unwrapped object there), so the audit paths of the owner's later
 * fields name the owner. It delegates, as Jackson's own view-filtering writers do, because the
 * unwrapping writer was built before privacy-kit sees the properties.
 */
final class UnwrappingWriter extends BeanPropertyWriter {
    private static final long serialVersionUID = 1L;

    private final BeanPropertyWriter delegate;
    private final transient ClassMetadata owner;

    /**
     * @param delegate Jackson's unwrapping writer
     * @param owner the owner's metadata when it has a {@code @SubjectId}, else {@code null}
     */
    UnwrappingWriter(BeanPropertyWriter delegate, ClassMetadata owner) {
        super(delegate);
        this.delegate = delegate;
        this.owner = owner;
    }

    @Override
    public void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
        Object current = gen.currentValue();
        if (owner == null) {
            delegate.serializeAsField(bean, gen, prov);
            gen.assignCurrentValue(current);
            return;
        }
        Object previous = prov.getAttribute(SubjectScope.KEY);
        prov.setAttribute(SubjectScope.KEY, SubjectScope.ofBean((SubjectScope) previous, owner, bean));
        try {
            delegate.serializeAsField(bean, gen, prov);
            gen.assignCurrentValue(current);
        } finally {
            prov.setAttribute(SubjectScope.KEY, previous);
        }
    }

    @Override
    public void serializeAsElement(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
        if (owner == null) {
            delegate.serializeAsElement(bean, gen, prov);
            return;
        }
        Object previous = prov.getAttribute(SubjectScope.KEY);
        prov.setAttribute(SubjectScope.KEY, SubjectScope.ofBean((SubjectScope) previous, owner, bean));
        try {
            delegate.serializeAsElement(bean, gen, prov);
        } finally {
            prov.setAttribute(SubjectScope.KEY, previous);
        }
    }

    @Override
    public void serializeAsOmittedField(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
        delegate.serializeAsOmittedField(bean, gen, prov);
    }

    @Override
    public boolean isUnwrapping() {
        return delegate.isUnwrapping();
    }

    @Override
    public void assignSerializer(JsonSerializer<Object> serializer) {
        super.assignSerializer(serializer);
        delegate.assignSerializer(serializer);
    }

    @Override
    public void assignNullSerializer(JsonSerializer<Object> serializer) {
        super.assignNullSerializer(serializer);
        delegate.assignNullSerializer(serializer);
    }

    @Override
    public void assignTypeSerializer(TypeSerializer serializer) {
        super.assignTypeSerializer(serializer);
        delegate.assignTypeSerializer(serializer);
    }

    @Override
    public void fixAccess(SerializationConfig config) {
        super.fixAccess(config);
        delegate.fixAccess(config);
    }

    @Override
    public BeanPropertyWriter rename(NameTransformer transformer) {
        return new UnwrappingWriter(delegate.rename(transformer), owner);
    }

    @Override
    public BeanPropertyWriter unwrappingWriter(NameTransformer unwrapper) {
        return new UnwrappingWriter(delegate.unwrappingWriter(unwrapper), owner);
    }
}
