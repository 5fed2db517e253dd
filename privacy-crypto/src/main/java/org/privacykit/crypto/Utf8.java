package org.privacykit.crypto;

/** Strict UTF-8 encoding of Java strings: an unpaired surrogate is an error, never a replacement character. */
final class Utf8 {
    private Utf8() {
    }

    /** Thrown by {@link #encode} for a string that is not valid UTF-16. */
    static final class InvalidUtf16Exception extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidUtf16Exception(int index) {
            super("invalid UTF-16: unpaired surrogate at index " + index, null, false, false);
        }
    }

    /** Returns the UTF-8 length of a string, or throws for an unpaired surrogate. */
    static int length(String s) throws InvalidUtf16Exception {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new InvalidUtf16Exception(i);
                }
                i++;
                bytes += 2; // 4 bytes for 2 chars
            } else if (Character.isLowSurrogate(c)) {
                throw new InvalidUtf16Exception(i);
            } else {
                bytes += 2;
            }
        }
        return bytes;
    }

    /** Writes the UTF-8 form of a string, checked by {@link #length}, at {@code off}; returns the end offset. */
    static int write(String s, byte[] out, int off) {
        int n = s.length();
        int o = off;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[o++] = (byte) c;
            } else if (c < 0x800) {
                out[o++] = (byte) (0xC0 | (c >> 6));
                out[o++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[o++] = (byte) (0xF0 | (cp >> 18));
                out[o++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[o++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[o++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                out[o++] = (byte) (0xE0 | (c >> 12));
                out[o++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[o++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return o;
    }

    /** Encodes a string strictly. */
    static byte[] encode(String s) throws InvalidUtf16Exception {
        byte[] out = new byte[length(s)];
        write(s, out, 0);
        return out;
    }
}
