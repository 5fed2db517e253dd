package org.privacykit.json;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parses an RFC 9535 JSONPath query into a {@link JsonPath}, strictly by the RFC's grammar
 * (member-name shorthands, quoted names with their escapes, integers without leading zeros within
 * I-JSON's range, blank space only where the grammar allows it). It refuses, with a message that
 * names the reason and the index in the query, what a masker that sees each value once, in
 * document order, cannot evaluate: negative indexes and slices with negative bounds or steps (they
 * count from the end of an array, which a stream reaches last) and filter selectors ({@code ?},
 * which need a value before deciding about it); and selectors that can select nothing (a slice
 * with step 0 or an empty range). Nothing is accepted that would silently never match.
 */
final class JsonPathParser {
    /** The largest integer RFC 9535 allows (I-JSON's exact range). */
    private static final long MAX_INT = (1L << 53) - 1;

    private final String text;
    private int at;

    JsonPathParser(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a JSON path must not be null");
        }
        this.text = text;
    }

    JsonPath parse() {
        if (!text.startsWith("$")) {
            throw fail("a JSON path starts with '$'", 0);
        }
        at = 1;
        List<JsonPath.Segment> segments = new ArrayList<>();
        while (at < text.length()) {
            int blank = at;
            skipBlank();
            if (at >= text.length()) {
                throw fail("blank space at the end (not allowed after the last segment)", blank);
            }
            segments.add(segment());
        }
        return new JsonPath(text, segments);
    }

    private JsonPath.Segment segment() {
        char c = text.charAt(at);
        if (c == '[') {
            return new JsonPath.Segment(false, bracketed());
        }
        if (c != '.') {
            throw fail("expected '.', '..' or '[' to start a segment", at);
        }
        at++;
        boolean descendant = at < text.length() && text.charAt(at) == '.';
        if (descendant) {
            at++;
            if (at < text.length() && text.charAt(at) == '[') {
                return new JsonPath.Segment(true, bracketed());
            }
        }
        if (at < text.length() && text.charAt(at) == '*') {
            at++;
            return new JsonPath.Segment(descendant, List.of(new JsonPath.Wildcard()));
        }
        return new JsonPath.Segment(descendant, List.of(new JsonPath.Name(shorthand())));
    }

    /** A member-name shorthand: a letter, '_' or non-ASCII char, then those or digits. */
    private String shorthand() {
        int start = at;
        while (at < text.length()) {
            char c = text.charAt(at);
            boolean first = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= 0x80 && !Character.isSurrogate(c))
                    || (Character.isHighSurrogate(c) && at + 1 < text.length() && Character.isLowSurrogate(text.charAt(at + 1)));
            if (!first && !(at > start && c >= '0' && c <= '9')) {
                break;
            }
            at += Character.isHighSurrogate(c) ? 2 : 1;
        }
        if (at == start && at < text.length() && text.charAt(at) == '.') {
            throw fail("'...' is not a segment", at);
        }
        if (at == start && at >= text.length()) {
            throw fail("a name must follow '.'", at);
        }
        if (at == start || (at < text.length() && ".[ \t\n\r".indexOf(text.charAt(at)) < 0)) {
            throw fail("a name after '.' holds only letters, digits, '_' and non-ASCII characters and does not start with a"
                    + " digit; write other names as ['name']", at);
        }
        return text.substring(start, at);
    }

    private List<JsonPath.Selector> bracketed() {
        int open = at;
        at++; // '['
        List<JsonPath.Selector> selectors = new ArrayList<>();
        while (true) {
            skipBlank();
            selectors.add(selector());
            skipBlank();
            if (at >= text.length()) {
                throw fail("unclosed '['", open);
            }
            char c = text.charAt(at);
            at++;
            if (c == ']') {
                return selectors;
            }
            if (c != ',') {
                throw fail("expected ',' or ']'", at - 1);
            }
        }
    }

    private JsonPath.Selector selector() {
        if (at >= text.length()) {
            throw fail("a selector is missing", at);
        }
        char c = text.charAt(at);
        if (c == '\'' || c == '"') {
            return new JsonPath.Name(quoted(c));
        }
        if (c == '*') {
            at++;
            return new JsonPath.Wildcard();
        }
        if (c == '?') {
            throw fail("filter selectors ([?...]) are not supported: a stream would have to hold a value before deciding"
                    + " about it", at);
        }
        if (c == '-' || c == ':' || (c >= '0' && c <= '9')) {
            return indexOrSlice();
        }
        throw fail("expected a quoted name, '*', an index or a slice", at);
    }

    private JsonPath.Selector indexOrSlice() {
        int start = at;
        @Nullable Long first = optionalInt();
        skipBlank();
        if (at >= text.length() || text.charAt(at) != ':') {
            if (first == null) {
                throw fail("expected an index", start);
            }
            if (first < 0) {
                throw fail("negative index " + first + " counts from the end of the array, which a stream reaches last:"
                        + " not supported", start);
            }
            return new JsonPath.Index(index(first, start));
        }
        at++; // ':'
        skipBlank();
        @Nullable Long end = optionalInt();
        skipBlank();
        @Nullable Long step = null;
        if (at < text.length() && text.charAt(at) == ':') {
            at++;
            skipBlank();
            step = optionalInt();
        }
        long from = first == null ? 0 : first;
        long stepValue = step == null ? 1 : step;
        if (from < 0 || (end != null && end < 0)) {
            throw fail("a slice with a negative bound counts from the end of the array, which a stream reaches last:"
                    + " not supported", start);
        }
        if (stepValue < 0) {
            throw fail("a slice with a negative step walks the array backwards, from an end a stream reaches last:"
                    + " not supported", start);
        }
        if (stepValue == 0) {
            throw fail("a slice with step 0 selects nothing", start);
        }
        if (end != null && end <= from) {
            throw fail("the slice [" + from + ":" + end + "] selects nothing", start);
        }
        int to = end == null ? Integer.MAX_VALUE : (int) Math.min(end, Integer.MAX_VALUE);
        return new JsonPath.Slice(index(from, start), to, (int) Math.min(stepValue, Integer.MAX_VALUE));
    }

    private int index(long value, int where) {
        if (value >= Integer.MAX_VALUE) {
            throw fail("index " + value + " is past the largest array index a masker counts (" + (Integer.MAX_VALUE - 1)
                    + ")", where);
        }
        return (int) value;
    }

    /** An RFC 9535 int at the current index, or null when none starts there. */
    private @Nullable Long optionalInt() {
        int start = at;
        boolean negative = at < text.length() && text.charAt(at) == '-';
        if (negative) {
            at++;
        }
        int digits = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        if (at == digits) {
            if (negative) {
                throw fail("a digit must follow '-'", start);
            }
            return null;
        }
        if (text.charAt(digits) == '0' && (at - digits > 1 || negative)) {
            throw fail(negative ? "-0 is not an integer here" : "leading zeros are not allowed", start);
        }
        if (at - digits > 16) {
            throw fail("the integer is outside the range of -(2^53-1) to 2^53-1", start);
        }
        long value = Long.parseLong(text.substring(digits, at));
        if (value > MAX_INT) {
            throw fail("the integer is outside the range of -(2^53-1) to 2^53-1", start);
        }
        return negative ? -value : value;
    }

    /** A string literal in single or double quotes, with RFC 9535's escapes. */
    private String quoted(char quote) {
        int open = at;
        at++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw fail("unclosed quoted name", open);
            }
            char c = text.charAt(at);
            if (c == quote) {
                at++;
                return out.toString();
            }
            if (c < 0x20) {
                throw fail("a control character in a quoted name must be escaped", at);
            }
            if (c != '\\') {
                if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && at + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(at + 1)))) {
                    throw fail("unpaired surrogate in a quoted name", at);
                }
                out.append(c);
                at++;
                continue;
            }
            if (at + 1 >= text.length()) {
                throw fail("unclosed quoted name", open);
            }
            char e = text.charAt(at + 1);
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case '/' -> out.append('/');
                case '\\' -> out.append('\\');
                case 'u' -> {
                    out.append(unicodeEscape());
                    continue;
                }
                default -> {
                    if (e != quote) {
                        throw fail("invalid escape '\\" + e + "' in a quoted name", at);
                    }
                    out.append(e);
                }
            }
            at += 2;
        }
    }

    /** A {@code \}{@code uXXXX} escape at the current index (a surrogate must be half of an escaped pair). */
    private String unicodeEscape() {
        int start = at;
        int u = hex4(at + 2);
        at += 6;
        if (Character.isLowSurrogate((char) u)) {
            throw fail("unpaired surrogate escape in a quoted name", start);
        }
        if (!Character.isHighSurrogate((char) u)) {
            return String.valueOf((char) u);
        }
        if (at + 1 >= text.length() || text.charAt(at) != '\\' || text.charAt(at + 1) != 'u') {
            throw fail("unpaired surrogate escape in a quoted name", start);
        }
        int low = hex4(at + 2);
        if (!Character.isLowSurrogate((char) low)) {
            throw fail("unpaired surrogate escape in a quoted name", start);
        }
        at += 6;
        return new String(new char[] {(char) u, (char) low});
    }

    private int hex4(int from) {
        if (from + 4 > text.length()) {
            throw fail("four hex digits must follow \\u", from - 2);
        }
        int value = 0;
        for (int i = from; i < from + 4; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0 || text.charAt(i) > 'f') {
                throw fail("four hex digits must follow \\u", from - 2);
            }
            value = value << 4 | digit;
        }
        return value;
    }

    private void skipBlank() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private IllegalArgumentException fail(String reason, int index) {
        return new IllegalArgumentException("JSON path '" + text + "': " + reason + " (at index " + index + ")");
    }
}
