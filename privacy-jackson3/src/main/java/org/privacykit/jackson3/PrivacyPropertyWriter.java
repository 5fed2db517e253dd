package org.privacykit.jackson3;

import java.io.StringWriter;
import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.PropertyName;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.impl.PropertySerializerMap;
import tools.jackson.databind.ser.jdk.StringSerializer;
import tools.jackson.databind.util.NameTransformer;

import org.privacykit.metadata.RedactedException;
import org.privacykit.spi.engine.PropertyPlan;
import org.privacykit.spi.engine.SubjectScope;

/**
 * A property writer that privacy-kit put in place of Jackson's, once per property of a class, for one
 * {@link PropertyPlan} of the engine. When the plan is scoped, it makes the owner the innermost subject
 * scope while its value is written, so nested objects without a {@code @SubjectId} know whose data they
 * hold. A protected property's failure leaves as a {@link DatabindException} that names the field and
 * the cause's type, with a {@link RedactedException} as cause: a getter's or a serializer's message may
 * quote the value.
 */
abstract class PrivacyPropertyWriter extends BeanPropertyWriter {
    private static final long serialVersionUID = 1L;
    /** Writes the JSON text of values (plaintexts of encrypted values, pseudonymized beans), compact. */
    private static final JsonFactory JSON = new JsonFactory();

    final transient PropertyPlan plan;

    PrivacyPropertyWriter(BeanPropertyWriter base, PropertyPlan plan) {
        super(base);
        this.plan = plan;
    }

    PrivacyPropertyWriter(PrivacyPropertyWriter base, PropertyName name) {
        super(base, name);
        this.plan = base.plan;
    }

    @Override
    public final void serializeAsProperty(Object bean, JsonGenerator gen, SerializationContext ctxt) throws Exception {
        if (!plan.scoped()) {
            guarded(bean, gen, ctxt, true);
            return;
        }
        Object previous = ctxt.getAttribute(SubjectScope.KEY);
        ctxt.setAttribute(SubjectScope.KEY, SubjectScope.ofBean((SubjectScope) previous, plan.owner(), bean));
        try {
            guarded(bean, gen, ctxt, true);
        } finally {
            ctxt.setAttribute(SubjectScope.KEY, previous);
        }
    }

    @Override
    public final void serializeAsElement(Object bean, JsonGenerator gen, SerializationContext ctxt) throws Exception {
        if (!plan.scoped()) {
            guarded(bean, gen, ctxt, false);
            return;
        }
        Object previous = ctxt.getAttribute(SubjectScope.KEY);
        ctxt.setAttribute(SubjectScope.KEY, SubjectScope.ofBean((SubjectScope) previous, plan.owner(), bean));
        try {
            guarded(bean, gen, ctxt, false);
        } finally {
            ctxt.setAttribute(SubjectScope.KEY, previous);
        }
    }

    private void guarded(Object bean, JsonGenerator gen, SerializationContext ctxt, boolean property) throws Exception {
        try {
            if (property) {
                writeProperty(bean, gen, ctxt);
            } else {
                writeElement(bean, gen, ctxt);
            }
        } catch (JacksonException e) {
            throw e; // Jackson's and privacy-kit's own: they name what failed, never a value
        } catch (Exception e) {
            if (!redactsFailures()) {
                throw e;
            }
            // Jackson 3 reads properties through method handles: a getter's exception arrives as it was thrown
            throw DatabindException.from(gen, plan.qualifiedName(getName()) + ": cannot be read or written ("
                    + RedactedException.typeOf(e) + ")", RedactedException.of(e));
        }
    }

    /** Whether a failure's message is kept from leaving: for every protected property. */
    boolean redactsFailures() {
        return true;
    }

    /** Writes the property as a property of the object being written. */
    abstract void writeProperty(Object bean, JsonGenerator gen, SerializationContext ctxt) throws Exception;

    /** Writes the property as an element, for classes written as arrays ({@code @JsonFormat(shape = ARRAY)}). */
    abstract void writeElement(Object bean, JsonGenerator gen, SerializationContext ctxt) throws Exception;

    /**
     * Jackson's rules around a protected value written as a property: a null is written as Jackson
     * writes it, a value its {@code @JsonInclude} leaves out is not written, and otherwise the property
     * name is written and the value returned for the caller to write protected.
     *
     * @return the value to write after the name, or {@code null} when nothing is left to write
     */
    final @Nullable Object protectedPropertyValue(Object bean, JsonGenerator gen, SerializationContext ctxt) throws Exception {
        Object value = get(bean);
        if (value == null) {
            plainProperty(bean, gen, ctxt);
            return null;
        }
        if (suppressed(value)) {
            return null;
        }
        gen.writeName(_name);
        return value;
    }

    /**
     * The same as {@link #protectedPropertyValue} for a property written as an array element, where
     * nothing is left out.
     */
    final @Nullable Object protectedElementValue(Object bean, JsonGenerator gen, SerializationContext ctxt) throws Exception {
        Object value = get(bean);
        if (value == null) {
            plainElement(bean, gen, ctxt);
        }
        return value;
    }

    /** Jackson's own writing of the property, with its null handling and inclusion rules. */
    final void plainProperty(Object bean, JsonGenerator gen, SerializationContext ctxt) throws Exception {
        super.serializeAsProperty(bean, gen, ctxt);
    }

    /** Jackson's own writing of the property as an array element. */
    final void plainElement(Object bean, JsonGenerator gen, SerializationContext ctxt) throws Exception {
        super.serializeAsElement(bean, gen, ctxt);
    }

    /** The data subject of the property's value in this bean. */
    final @Nullable String subject(Object bean, SerializationContext ctxt) {
        return SubjectScope.subjectOf(plan.property(), plan.owner(), bean, ctxt.getAttribute(SubjectScope.KEY));
    }

    /**
     * Writes a value as JSON text with the property's own serializer (and type information, for
     * polymorphic properties), as the mapper would write it: the plaintext of an encrypted value.
     */
    final String valueJson(Object value, SerializationContext ctxt) {
        if (value instanceof String s && _typeSerializer == null && _serializer instanceof StringSerializer) {
            // what StringSerializer writes, without a generator: the quoted, escaped string
            StringBuilder out = new StringBuilder(s.length() + 8).append('"');
            JsonStringEncoder.getInstance().quoteAsString(s, out);
            return out.append('"').toString();
        }
        ValueSerializer<Object> serializer = _serializer;
        if (serializer == null) {
            Class<?> type = value.getClass();
            PropertySerializerMap map = _dynamicSerializers;
            serializer = map.serializerFor(type);
            if (serializer == null) {
                serializer = _findAndAddDynamic(map, type, ctxt);
            }
        }
        return json(value, serializer, _typeSerializer, ctxt);
    }

    /** Writes one element of a container as JSON text, with the serializer of its runtime class. */
    static String elementJson(Object element, SerializationContext ctxt) {
        return json(element, ctxt.findValueSerializer(element.getClass()), null, ctxt);
    }

    private static String json(Object value, ValueSerializer<Object> serializer, @Nullable TypeSerializer typeSerializer,
                               SerializationContext ctxt) {
        StringWriter out = new StringWriter(64);
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            if (typeSerializer == null) {
                serializer.serialize(value, g, ctxt);
            } else {
                serializer.serializeWithType(value, g, ctxt, typeSerializer);
            }
        }
        return out.toString();
    }

    /** Tells whether a non-null value is left out by the property's {@code @JsonInclude}. */
    final boolean suppressed(Object value) {
        if (_suppressableValue == null) {
            return false;
        }
        if (_suppressableValue == MARKER_FOR_EMPTY) {
            return isEmpty(value);
        }
        return _suppressableValue.equals(value);
    }

    private static boolean isEmpty(Object value) {
        return value instanceof CharSequence s ? s.length() == 0
                : value instanceof Collection<?> c ? c.isEmpty()
                : value instanceof Map<?, ?> m ? m.isEmpty()
                : value instanceof Optional<?> o ? o.isEmpty()
                : value.getClass().isArray() && Array.getLength(value) == 0;
    }

    /** Copies this writer under a new name; Jackson renames writers of {@code @JsonUnwrapped} objects. */
    abstract PrivacyPropertyWriter renamed(PropertyName name);

    @Override
    protected BeanPropertyWriter _new(PropertyName newName) {
        return renamed(newName);
    }

    /**
     * A protected property cannot be {@code @JsonUnwrapped} (the modifier refuses it when it builds
     * the writers; this guards later copies): its value would be spread over the
     * enclosing object and could not be masked, encrypted or pseudonymized as one value.
     */
    @Override
    public BeanPropertyWriter unwrappingWriter(NameTransformer unwrapper) {
        throw new IllegalStateException(plan.qualifiedName(getName())
                + ": a protected property cannot be @JsonUnwrapped; classify the fields of the nested type instead");
    }
}
