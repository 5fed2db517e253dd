package org.privacykit.spi.engine;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Writes a protected value element by element: the containers ({@code Optional}, collections, object
 * arrays, maps, nested as deep as they go) keep their JSON shape and each element is transformed.
 * This is how {@code @PersonalData} on a {@code List<String>} classifies its elements. The keys of
 * the outermost map are transformed when they are declared personal; other keys are written as they are.
 *
 * @param <X> what the output throws
 */
abstract class ContainerWalk<X extends Exception> {
    final JsonOutput<X> out;
    /** Whether the keys of the outermost map are personal. */
    private final boolean personalKeys;

    ContainerWalk(JsonOutput<X> out, boolean personalKeys) {
        this.out = out;
        this.personalKeys = personalKeys;
    }

    /** Writes one element that is not a container. */
    abstract void element(Object element) throws X, ProtectionException;

    /** Returns the text of a personal map key. */
    abstract String key(@Nullable Object key) throws ProtectionException;

    /** Whether elements are written as they are (only the keys are protected). */
    abstract boolean elementsPlain();

    final void write(@Nullable Object value) throws X, ProtectionException {
        write(value, personalKeys);
    }

    private void write(@Nullable Object value, boolean keys) throws X, ProtectionException {
        if (value instanceof String) {
            written(value); // the common case first: no container checks
        } else if (value == null) {
            out.nullValue();
        } else if (!keys && elementsPlain()) {
            out.plain(value);
        } else if (value instanceof Optional<?> optional) {
            write(optional.orElse(null), keys);
        } else if (value instanceof Collection<?> collection) {
            out.startArray();
            for (Object element : collection) {
                write(element, keys);
            }
            out.endArray();
        } else if (value instanceof Map<?, ?> map) {
            out.startObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.name(keys ? key(entry.getKey()) : String.valueOf(entry.getKey()));
                write(entry.getValue(), false);
            }
            out.endObject();
        } else if (value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
            int length = Array.getLength(value);
            out.startArray();
            for (int i = 0; i < length; i++) {
                write(Array.get(value, i), keys);
            }
            out.endArray();
        } else {
            written(value);
        }
    }

    private void written(Object element) throws X, ProtectionException {
        if (elementsPlain()) {
            out.plain(element);
        } else {
            element(element);
        }
    }
}
