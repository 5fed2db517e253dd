package org.privacykit.spi.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The path of a field being written, for audit events: the root object's class, then the JSON names
 * and indexes down to the field, as in {@code Customer.orders[0].shippingAddress.street}. A Jackson
 * adapter builds it from its output context, innermost first. Map keys show as {@code {}}: a key may
 * itself be personal data, and audit events hold none.
 */
public final class FieldPath {
    private final Deque<String> parts = new ArrayDeque<>();

    /**
     * Starts a path at the field being written.
     *
     * @param field the field's JSON name
     */
    public FieldPath(String field) {
        parts.push("." + field);
    }

    /**
     * Adds an enclosing array element, outward.
     *
     * @param index the element's index
     * @return this path
     */
    public FieldPath element(int index) {
        parts.push("[" + Math.max(index, 0) + "]");
        return this;
    }

    /**
     * Adds an enclosing object, outward: a map value shows as {@code {}}, a bean's field by its name.
     *
     * @param value the object being written there
     * @param name its field name in the object that holds it
     * @return this path
     */
    public FieldPath member(Object value, String name) {
        parts.push(value instanceof Map ? "{}" : "." + name);
        return this;
    }

    /**
     * Returns the path text.
     *
     * @param root the root object being written, or {@code null} when the root is not an object
     * @return the path
     */
    public String from(@Nullable Object root) {
        StringBuilder out = new StringBuilder(root == null || root instanceof Map ? "" : root.getClass().getSimpleName());
        for (String part : parts) {
            out.append(part);
        }
        return out.charAt(0) == '.' ? out.substring(1) : out.toString();
    }
}
