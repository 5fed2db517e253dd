package org.privacykit.jackson;

/**
 * Decodes the content of a JSON string held as UTF-8 bytes, once the scanner has validated it:
 * escapes (including {@code \}{@code u} surrogate pairs) and UTF-8 sequences become chars. Only the
 * strings that are needed are decoded: keys on a cache miss, values for a masker that reads them.
 */
final class JsonText {
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
                    case 'b':
                        out[n++] = '\b';
                        break;
                    case 'f':
                        out[n++] = '\f';
                        break;
                    case 'n':
                        out[n++] = '\n';
                        break;
                    case 'r':
                        out[n++] = '\r';
                        break;
                    case 't':
                        out[n++] = '\t';
                        break;
                    case 'u':
                        out[n++] = (char) hex4(b, i);
                        i += 4;
                        break;
                    default: // '"', '\\', '/'
                        out[n++] = (char) e;
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

    /** How many chars (UTF-16 units) the validated JSON string content {@code b[from, to)} decodes to. */
    static long charLength(byte[] b, int from, int to) {
        long n = 0;
        int i = from;
        while (i < to) {
            int c = b[i] & 0xFF;
            if (c == '\\') {
                i += b[i + 1] == 'u' ? 6 : 2;
                n++;
            } else {
                i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
                n += c >= 0xF0 ? 2 : 1;
            }
        }
        return n;
    }

    /** How many UTF-8 bytes the validated JSON string content {@code b[from, to)} decodes to (escaped surrogate pairs as one 4-byte sequence). */
    static long utf8Length(byte[] b, int from, int to) {
        long n = 0;
        int i = from;
        while (i < to) {
            int c = b[i] & 0xFF;
            if (c == '\\') {
                if (b[i + 1] == 'u') {
                    int u = hex4(b, i + 2);
                    if (Character.isHighSurrogate((char) u) && i + 12 <= to && b[i + 6] == '\\' && b[i + 7] == 'u'
                            && Character.isLowSurrogate((char) hex4(b, i + 8))) {
                        n += 4;
                        i += 12;
                    } else {
                        n += u < 0x80 ? 1 : u < 0x800 ? 2 : 3;
                        i += 6;
                    }
                } else {
                    n++;
                    i += 2;
                }
            } else {
                n++;
                i++;
            }
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
}
