package org.privacykit.logback;

import java.nio.charset.StandardCharsets;

/**
 * Writes one event as one line of compact JSON, for {@link PrivacyJsonEncoder}: objects, arrays,
 * names, strings, numbers written as given, booleans and nulls, with commas and colons placed by
 * the writer. Strings are escaped as RFC 8259 requires (quote, backslash, and every control
 * character); the encoder hands it well-formed text (no unpaired surrogate), so the line's UTF-8
 * is exact. It needs no JSON library, so privacy-logback brings none.
 */
final class JsonLine {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** Nesting the encoder's lines reach (event, then mdc / kv / markers / exception). */
    private static final int MAX_DEPTH = 8;

    private final StringBuilder out = new StringBuilder(256);
    /** Per open container: whether a member or element was written in it. */
    private final boolean[] written = new boolean[MAX_DEPTH];
    private int depth;
    /** A name was just written: the next value follows it without a comma. */
    private boolean afterName;

    void writeStartObject() {
        open('{');
    }

    void writeEndObject() {
        close('}');
    }

    void writeStartArray() {
        open('[');
    }

    void writeEndArray() {
        close(']');
    }

    void writeFieldName(String name) {
        separate();
        quote(name, out);
        out.append(':');
        afterName = true;
    }

    void writeString(String value) {
        value();
        quote(value, out);
    }

    void writeStringField(String name, String value) {
        writeFieldName(name);
        writeString(value);
    }

    void writeObjectFieldStart(String name) {
        writeFieldName(name);
        writeStartObject();
    }

    void writeArrayFieldStart(String name) {
        writeFieldName(name);
        writeStartArray();
    }

    void writeNullField(String name) {
        writeFieldName(name);
        writeNull();
    }

    void writeNull() {
        value();
        out.append("null");
    }

    void writeBoolean(boolean value) {
        value();
        out.append(value);
    }

    /** A number, written as its text (which the caller has checked is a JSON number). */
    void writeNumber(String text) {
        value();
        out.append(text);
    }

    /** The line, UTF-8, ending with a line feed. */
    byte[] toLine() {
        return out.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    private void open(char bracket) {
        value();
        out.append(bracket);
        written[depth++] = false;
    }

    private void close(char bracket) {
        depth--;
        out.append(bracket);
    }

    private void value() {
        if (afterName) {
            afterName = false;
        } else {
            separate();
        }
    }

    private void separate() {
        if (depth > 0) {
            if (written[depth - 1]) {
                out.append(',');
            }
            written[depth - 1] = true;
        }
    }

    /** Appends the text as a JSON string: quoted, with quotes, backslashes and control characters escaped. */
    static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
