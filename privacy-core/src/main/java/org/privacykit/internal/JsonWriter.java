package org.privacykit.internal;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * Writes JSON by hand (core has no JSON library): RFC 8259 strings with every control character,
 * quote, backslash, U+2028, U+2029 and unpaired surrogate escaped, so any value round-trips through a
 * conforming parser; finite numbers as numbers, everything else as strings. Pretty-printed with two
 * spaces.
 *
 * <p>Shared by the inventory and the subject-rights exports; in a package the module does not export.
 */
public final class JsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder(256);
    private int depth;
    private boolean first = true;

    public JsonWriter beginObject() {
        value().append('{');
        depth++;
        first = true;
        return this;
    }

    public JsonWriter endObject() {
        depth--;
        if (!first) {
            newline();
        }
        out.append('}');
        first = false;
        return this;
    }

    public JsonWriter beginArray() {
        value().append('[');
        depth++;
        first = true;
        return this;
    }

    public JsonWriter endArray() {
        depth--;
        if (!first) {
            newline();
        }
        out.append(']');
        first = false;
        return this;
    }

    public JsonWriter name(String name) {
        if (!first) {
            out.append(',');
        }
        newline();
        string(name);
        out.append(": ");
        first = true;
        pendingName = true;
        return this;
    }

    private boolean pendingName;

    private StringBuilder value() {
        if (pendingName) {
            pendingName = false;
        } else if (depth > 0) {
            if (!first) {
                out.append(',');
            }
            newline();
        }
        first = false;
        return out;
    }

    private void newline() {
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    public JsonWriter nullValue() {
        value().append("null");
        return this;
    }

    public JsonWriter value(@Nullable String s) {
        if (s == null) {
            return nullValue();
        }
        value();
        string(s);
        return this;
    }

    /** Any value: numbers and booleans as JSON literals, arrays and collections as arrays, the rest as strings. */
    public JsonWriter any(Object v) {
        if (v == null) {
            return nullValue();
        }
        if (v instanceof Boolean) {
            value().append(v.toString());
            return this;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            value().append(v.toString());
            return this;
        }
        if (v instanceof BigDecimal) {
            value().append(((BigDecimal) v).toPlainString());
            return this;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                value().append(v.toString());
                return this;
            }
            return value(v.toString());
        }
        if (v instanceof byte[]) {
            return value(Base64.getEncoder().encodeToString((byte[]) v));
        }
        if (v instanceof char[]) {
            return value(new String((char[]) v));
        }
        if (v.getClass().isArray()) {
            beginArray();
            for (int i = 0; i < Array.getLength(v); i++) {
                any(Array.get(v, i));
            }
            return endArray();
        }
        if (v instanceof Collection) {
            beginArray();
            for (Object element : (Collection<?>) v) {
                any(element);
            }
            return endArray();
        }
        return value(v.toString());
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                default:
                    if (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029' || unpaired(s, i)) {
                        unicodeEscape(c);
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    private static boolean unpaired(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    private void unicodeEscape(char c) {
        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
