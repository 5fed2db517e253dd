package org.privacykit.jackson3;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.util.NameTransformer;

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
    private final transient @Nullable ClassMetadata owner;

    /**
     * @param delegate Jackson's unwrapping writer
     * @param owner the owner's metadata when it has a {@code @SubjectId}, else {@code null}
     */
    UnwrappingWriter(BeanPropertyWriter delegate, @Nullable ClassMetadata owner) {
        super(delegate);
        this.delegate = delegate;
        this.owner = owner;
    }

    @Override
    public void serializeAsProperty(Object bean, JsonGenerator gen, SerializationContext ctxt) throws Exception {
        Object current = gen.currentValue();
        if (owner == null) {
            delegate.serializeAsProperty(bean, gen, ctxt);
            gen.assignCurrentValue(current);
            return;
        }
        Object previous = ctxt.getAttribute(SubjectScope.KEY);
        ctxt.setAttribute(SubjectScope.KEY, SubjectScope.ofBean((SubjectScope) previous, owner, bean));
        try {
            delegate.serializeAsProperty(bean, gen, ctxt);
            gen.assignCurrentValue(current);
        } finally {
            ctxt.setAttribute(SubjectScope.KEY, previous);
        }
    }

    @Override
    public void serializeAsElement(Object bean, JsonGenerator gen, SerializationContext ctxt) throws Exception {
        if (owner == null) {
            delegate.serializeAsElement(bean, gen, ctxt);
            return;
        }
        Object previous = ctxt.getAttribute(SubjectScope.KEY);
        ctxt.setAttribute(SubjectScope.KEY, SubjectScope.ofBean((SubjectScope) previous, owner, bean));
        try {
            delegate.serializeAsElement(bean, gen, ctxt);
        } finally {
            ctxt.setAttribute(SubjectScope.KEY, previous);
        }
    }

    @Override
    public void serializeAsOmittedProperty(Object bean, JsonGenerator gen, SerializationContext ctxt) throws Exception {
        delegate.serializeAsOmittedProperty(bean, gen, ctxt);
    }

    @Override
    public boolean isUnwrapping() {
        return delegate.isUnwrapping();
    }

    @Override
    public void assignSerializer(ValueSerializer<Object> serializer) {
        super.assignSerializer(serializer);
        delegate.assignSerializer(serializer);
    }

    @Override
    public void assignNullSerializer(ValueSerializer<Object> serializer) {
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
