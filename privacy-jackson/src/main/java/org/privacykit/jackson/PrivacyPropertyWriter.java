package org.privacykit.jackson;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.impl.PropertySerializerMap;
import com.fasterxml.jackson.databind.ser.std.StringSerializer;
import com.fasterxml.jackson.databind.util.NameTransformer;

import org.privacykit.metadata.RedactedException;
import org.privacykit.spi.engine.PropertyPlan;
import org.privacykit.spi.engine.SubjectScope;

/**
 * A property writer that privacy-kit put in place of Jackson's, once per property of a class, for one
 * {@link PropertyPlan} of the engine. When the plan is scoped, it makes the owner the innermost subject
 * scope while its value is written, so nested objects without a {@code @SubjectId} know whose data they
 * hold. A protected property's failure leaves as a {@link JsonMappingException} that names the field and
 * the cause's type, with a {@link RedactedException} as cause: a getter's or a serializer's message may
 * quote the value.
 */
abstract class PrivacyPropertyWriter extends BeanPropertyWriter {
    private static final long serialVersionUID = 1L;

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
    public final void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
        if (!plan.scoped()) {
            guarded(bean, gen, prov, true);
            return;
        }
        Object previous = prov.getAttribute(SubjectScope.KEY);
        prov.setAttribute(SubjectScope.KEY, SubjectScope.ofBean((SubjectScope) previous, plan.owner(), bean));
        try {
            guarded(bean, gen, prov, true);
        } finally {
            prov.setAttribute(SubjectScope.KEY, previous);
        }
    }

    @Override
    public final void serializeAsElement(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
        if (!plan.scoped()) {
            guarded(bean, gen, prov, false);
            return;
        }
        Object previous = prov.getAttribute(SubjectScope.KEY);
        prov.setAttribute(SubjectScope.KEY, SubjectScope.ofBean((SubjectScope) previous, plan.owner(), bean));
        try {
            guarded(bean, gen, prov, false);
        } finally {
            prov.setAttribute(SubjectScope.KEY, previous);
        }
    }

    private void guarded(Object bean, JsonGenerator gen, SerializerProvider prov, boolean field) throws Exception {
        try {
            if (field) {
                writeField(bean, gen, prov);
            } else {
                writeElement(bean, gen, prov);
            }
        } catch (IOException e) {
            throw e; // Jackson's and privacy-kit's own: they name what failed, never a value
        } catch (InvocationTargetException e) {
            if (!redactsFailures()) {
                throw e;
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw JsonMappingException.from(gen, plan.qualifiedName(getName()) + ": getter threw "
                    + RedactedException.typeOf(cause), RedactedException.of(cause));
        } catch (Exception e) {
            if (!redactsFailures()) {
                throw e;
            }
            throw JsonMappingException.from(gen, plan.qualifiedName(getName()) + ": cannot be written ("
                    + RedactedException.typeOf(e) + ")", RedactedException.of(e));
        }
    }

    /** Whether a failure's message is kept from leaving: for every protected property. */
    boolean redactsFailures() {
        return true;
    }

    /** Writes the property as a field of the object being written. */
    abstract void writeField(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception;

    /** Writes the property as an element, for classes written as arrays ({@code @JsonFormat(shape = ARRAY)}). */
    abstract void writeElement(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception;

    /**
     * Jackson's rules around a protected value written as a field: a null is written as Jackson
     * writes it, a value its {@code @JsonInclude} leaves out is not written, and otherwise the field
     * name is written and the value returned for the caller to write protected.
     *
     * @return the value to write after the field name, or {@code null} when nothing is left to write
     */
    final Object protectedFieldValue(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
        Object value = get(bean);
        if (value == null) {
            plainField(bean, gen, prov);
            return null;
        }
        if (suppressed(value)) {
            return null;
        }
        gen.writeFieldName(_name);
        return value;
    }

    /**
     * The same as {@link #protectedFieldValue} for a property written as an array element, where
     * nothing is left out.
     */
    final Object protectedElementValue(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
        Object value = get(bean);
        if (value == null) {
            plainElement(bean, gen, prov);
        }
        return value;
    }

    /** Jackson's own writing of the property, with its null handling and inclusion rules. */
    final void plainField(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
        super.serializeAsField(bean, gen, prov);
    }

    /** Jackson's own writing of the property as an array element. */
    final void plainElement(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
        super.serializeAsElement(bean, gen, prov);
    }

    /** The data subject of the property's value in this bean. */
    final String subject(Object bean, SerializerProvider prov) {
        return SubjectScope.subjectOf(plan.property(), plan.owner(), bean, prov.getAttribute(SubjectScope.KEY));
    }

    /**
     * Writes a value as JSON text with the property's own serializer (and type information, for
     * polymorphic properties), as the mapper would write it: the plaintext of an encrypted value.
     */
    final String valueJson(Object value, SerializerProvider prov, JsonFactory json) throws IOException {
        if (value instanceof String s && _typeSerializer == null && _serializer instanceof StringSerializer) {
            // what StringSerializer writes, without a generator: the quoted, escaped string
            StringBuilder out = new StringBuilder(s.length() + 8).append('"');
            JsonStringEncoder.getInstance().quoteAsString(s, out);
            return out.append('"').toString();
        }
        JsonSerializer<Object> serializer = _serializer;
        if (serializer == null) {
            Class<?> type = value.getClass();
            PropertySerializerMap map = _dynamicSerializers;
            serializer = map.serializerFor(type);
            if (serializer == null) {
                serializer = _findAndAddDynamic(map, type, prov);
            }
        }
        return json(value, serializer, _typeSerializer, prov, json);
    }

    /** Writes one element of a container as JSON text, with the serializer of its runtime class. */
    static String elementJson(Object element, SerializerProvider prov, JsonFactory json) throws IOException {
        return json(element, prov.findValueSerializer(element.getClass()), null, prov, json);
    }

    private static String json(Object value, JsonSerializer<Object> serializer, TypeSerializer typeSerializer,
                               SerializerProvider prov, JsonFactory json) throws IOException {
        StringWriter out = new StringWriter(64);
        try (JsonGenerator g = json.createGenerator(out)) {
            if (typeSerializer == null) {
                serializer.serialize(value, g, prov);
            } else {
                serializer.serializeWithType(value, g, prov, typeSerializer);
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
