package org.privacykit.discovery;

import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * Reads one JSON-lines record (RFC 8259 text, one object per line) and hands each leaf value to a
 * consumer with its path: {@code {"a":{"b":[1,"x"]}}} gives {@code a.b[]} twice. Strings are
 * unescaped, numbers and literals passed as their text, {@code null} skipped. Nesting deeper than
 * {@link #MAX_DEPTH} is refused. Errors name the position and the reason, never the text.
 */
final class JsonLines {
    /** Far deeper than records are; bounds the recursion. */
    static final int MAX_DEPTH = 64;

    private final String text;
    private final BiConsumer<String, String> leaves;
    private int at;

    private JsonLines(String text, BiConsumer<String, String> leaves) {
        this.text = text;
        this.leaves = leaves;
    }

    /** A record that is not one JSON object; the message names a column and the reason only. */
    static final class MalformedRecordException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        MalformedRecordException(String message) {
            super(message);
        }
    }

    static void read(String line, BiConsumer<String, String> leaves) {
        JsonLines reader = new JsonLines(line, leaves);
        reader.space();
        if (reader.peek() != '{') {
            throw reader.error("a record must be a JSON object");
        }
        reader.value("", 0);
        reader.space();
        if (reader.at != line.length()) {
            throw reader.error("text after the object");
        }
    }

    private void value(String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
        space();
        char c = peek();
        switch (c) {
            case '{' -> object(path, depth);
            case '[' -> array(path, depth);
            case '"' -> leaves.accept(path, string());
            case 't' -> literal("true", path);
            case 'f' -> literal("false", path);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    leaves.accept(path, number());
                } else {
                    throw error("unexpected character");
                }
            }
        }
    }

    private void object(String path, int depth) {
        at++;
        space();
        if (peek() == '}') {
            at++;
            return;
        }
        while (true) {
            space();
            if (peek() != '"') {
                throw error("expected a member name");
            }
            String name = string();
            space();
            expect(':');
            value(path.isEmpty() ? name : path + "." + name, depth + 1);
            space();
            char c = next();
            if (c == '}') {
                return;
            }
            if (c != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private void array(String path, int depth) {
        at++;
        space();
        if (peek() == ']') {
            at++;
            return;
        }
        while (true) {
            value(path + "[]", depth + 1);
            space();
            char c = next();
            if (c == ']') {
                return;
            }
            if (c != ',') {
                throw error("expected ',' or ']'");
            }
        }
    }

    private void literal(String word, @Nullable String path) {
        if (!text.startsWith(word, at)) {
            throw error("unexpected character");
        }
        at += word.length();
        if (path != null) {
            leaves.accept(path, word);
        }
    }

    private String number() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        int digits = digits();
        if (digits == 0 || (digits > 1 && text.charAt(start + (text.charAt(start) == '-' ? 1 : 0)) == '0')) {
            throw error("malformed number");
        }
        if (at < text.length() && text.charAt(at) == '.') {
            at++;
            if (digits() == 0) {
                throw error("malformed number");
            }
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            at++;
            if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                at++;
            }
            if (digits() == 0) {
                throw error("malformed number");
            }
        }
        return text.substring(start, at);
    }

    private int digits() {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at - start;
    }

    private String string() {
        at++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= text.length()) {
                throw error("unterminated string");
            }
            char e = text.charAt(at++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw error("malformed \\u escape");
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int d = hexDigit(text.charAt(at++));
                        if (d < 0) {
                            throw error("malformed \\u escape");
                        }
                        code = code << 4 | d;
                    }
                    out.append((char) code);
                }
                default -> throw error("unknown escape");
            }
        }
    }

    /** The value of an ASCII hex digit, or -1: JSON's escapes take no other digits (Character.digit would). */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private void space() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return;
            }
            at++;
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw error("unexpected end of the record");
        }
        return text.charAt(at);
    }

    private char next() {
        char c = peek();
        at++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private MalformedRecordException error(String reason) {
        return new MalformedRecordException("column " + (at + 1) + ": " + reason);
    }
}
