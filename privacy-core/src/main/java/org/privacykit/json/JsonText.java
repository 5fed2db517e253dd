package org.privacykit.json;

import java.nio.charset.StandardCharsets;

/**
 * JSON strings held as UTF-8 bytes, both ways: decoding the content of a string the scanner has
 * validated (escapes, including {@code \}{@code u} surrogate pairs, and UTF-8 sequences become
 * chars), counting what it decodes to, and writing a masker's output as a quoted JSON string.
 */
final class JsonText {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private JsonText() {
    }

    /** Decodes {@code b[from, to)}, the bytes between the quotes of a validated JSON string. */
    static String decode(byte[] b, int from, int to) {
        char[] out = new char[to - from];
        int n = 0;
        int i = from;
        while (i < to) {
            int c = b[i] & 0xFF;
            if (c == '\\') {
                int e = b[i + 1];
                i += 2;
                switch (e) {
                    case 'b' -> out[n++] = '\b';
                    case 'f' -> out[n++] = '\f';
                    case 'n' -> out[n++] = '\n';
                    case 'r' -> out[n++] = '\r';
                    case 't' -> out[n++] = '\t';
                    case 'u' -> {
                        out[n++] = (char) hex4(b, i);
                        i += 4;
                    }
                    default -> out[n++] = (char) e; // '"', '\\', '/'
                }
            } else if (c < 0x80) {
                out[n++] = (char) c;
                i++;
            } else if (c < 0xE0) {
                out[n++] = (char) (((c & 0x1F) << 6) | (b[i + 1] & 0x3F));
                i += 2;
            } else if (c < 0xF0) {
                out[n++] = (char) (((c & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F));
                i += 3;
            } else {
                int cp = ((c & 0x07) << 18) | ((b[i + 1] & 0x3F) << 12) | ((b[i + 2] & 0x3F) << 6) | (b[i + 3] & 0x3F);
                out[n++] = Character.highSurrogate(cp);
                out[n++] = Character.lowSurrogate(cp);
                i += 4;
            }
        }
        return new String(out, 0, n);
    }

    /**
     * How many chars (UTF-16 units) the validated JSON string content {@code b[from, to)} decodes
     * to. {@code to} may stop short of the closing quote: an escape or UTF-8 sequence that does not
     * end by {@code to} is not counted.
     */
    static long decodedLength(byte[] b, int from, int to) {
        long n = 0;
        int i = from;
        while (i < to) {
            int c = b[i] & 0xFF;
            int length;
            int chars = 1;
            if (c == '\\') {
                length = i + 1 < to && b[i + 1] == 'u' ? 6 : 2;
            } else {
                length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
                chars = c >= 0xF0 ? 2 : 1;
            }
            if (i + length > to) {
                return n;
            }
            i += length;
            n += chars;
        }
        return n;
    }

    /**
     * How many chars (UTF-16 units) the raw text {@code b[from, to)} is, for error columns: one per
     * byte that does not continue a UTF-8 sequence, two for the start of a four-byte sequence (a
     * byte that is not UTF-8 counts as one char, as a decoder replacing it would write).
     */
    static long charsIn(byte[] b, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xFF;
            n += (c & 0xC0) == 0x80 ? 0 : c >= 0xF0 && c < 0xF5 ? 2 : 1;
        }
        return n;
    }

    /** The value of four hex digits at {@code b[at, at + 4)}, or -1 when one is not a hex digit. */
    static int hex4(byte[] b, int at) {
        return (hex(b[at]) << 12) | (hex(b[at + 1]) << 8) | (hex(b[at + 2]) << 4) | hex(b[at + 3]);
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -0x10000; // makes the whole result negative
    }

    /**
     * A masker's output as a quoted JSON string in UTF-8: quotes, backslashes and control characters
     * escaped as RFC 8259 requires, and an unpaired surrogate (which has no UTF-8 form, and which a
     * masker may keep from a value that held an escaped one) written as its {@code \}{@code u}
     * escape, so that the output is the same in every form and never holds a replacement character.
     */
    static byte[] quote(String text) {
        int n = text.length();
        int plain = 0;
        while (plain < n) {
            char c = text.charAt(plain);
            if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
                break;
            }
            plain++;
        }
        if (plain == n) { // printable ASCII (and DEL) without a quote or backslash: the usual mask
            byte[] out = new byte[n + 2];
            out[0] = '"';
            for (int i = 0; i < n; i++) {
                out[i + 1] = (byte) text.charAt(i);
            }
            out[n + 1] = '"';
            return out;
        }
        StringBuilder escaped = new StringBuilder(n + 16).append('"').append(text, 0, plain);
        for (int i = plain; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                case '\b' -> escaped.append("\\b");
                case '\f' -> escaped.append("\\f");
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(escaped, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                        escaped.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicodeEscape(escaped, c);
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.append('"').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Whether every byte of {@code b} is ASCII. */
    static boolean isAscii(byte[] b) {
        for (byte x : b) {
            if (x < 0) {
                return false;
            }
        }
        return true;
    }

    private static void unicodeEscape(StringBuilder out, char c) {
        out.append("\\u").append((char) HEX[(c >> 12) & 0xF]).append((char) HEX[(c >> 8) & 0xF])
                .append((char) HEX[(c >> 4) & 0xF]).append((char) HEX[c & 0xF]);
    }
}
