package org.privacykit.jackson;

import java.io.IOException;
import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes a protected value element by element: the containers ({@code Optional}, collections,
 * object arrays, map values, nested as deep as they go) keep their JSON shape and each element is
 * transformed. This is how {@code @PersonalData} on a {@code List<String>} classifies its elements.
 * Map keys are written as they are: the annotation classifies map values.
 */
abstract class ElementWriter {

    /**
     * Writes one element that is not a container.
     *
     * @param element a non-null element
     * @param gen the generator
     * @throws IOException when writing fails
     */
    abstract void writeElement(Object element, JsonGenerator gen) throws IOException;

    /** Writes a value, keeping its container shape. */
    final void write(Object value, JsonGenerator gen) throws IOException {
        if (value instanceof String) {
            writeElement(value, gen); // the common case first: no container checks
        } else if (value == null) {
            gen.writeNull();
        } else if (value instanceof Optional) {
            write(((Optional<?>) value).orElse(null), gen);
        } else if (value instanceof Collection) {
            gen.writeStartArray();
            for (Object element : (Collection<?>) value) {
                write(element, gen);
            }
            gen.writeEndArray();
        } else if (value instanceof Map) {
            gen.writeStartObject();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                gen.writeFieldName(String.valueOf(entry.getKey()));
                write(entry.getValue(), gen);
            }
            gen.writeEndObject();
        } else if (value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
            int length = Array.getLength(value);
            gen.writeStartArray();
            for (int i = 0; i < length; i++) {
                write(Array.get(value, i), gen);
            }
            gen.writeEndArray();
        } else {
            writeElement(value, gen);
        }
    }
}
