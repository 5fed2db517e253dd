package org.privacykit.json;

import java.util.Arrays;

/**
 * The encoding of JSON given as bytes, told from its first bytes as RFC 4627 describes and Jackson
 * does: a byte-order mark, or else the zero bytes that ASCII text has in UTF-16 and UTF-32.
 * UTF-8 input is scanned as it is; the others are transcoded to UTF-8 first
 * ({@link TranscodingInputStream}). Also writes the UTF-8 of a {@code String} that holds an unpaired
 * surrogate.
 */
enum InputEncoding {
    UTF_8("UTF-8", 1, false),
    UTF_16BE("UTF-16", 2, true),
    UTF_16LE("UTF-16", 2, false),
    UTF_32BE("UTF-32", 4, true),
    UTF_32LE("UTF-32", 4, false);

    /** The bytes to read before deciding (fewer when the input is shorter). */
    static final int DETECTION_BYTES = 4;

    /** The name used in messages. */
    final String label;
    /** Bytes per code unit. */
    final int unit;
    final boolean bigEndian;

    InputEncoding(String label, int unit, boolean bigEndian) {
        this.label = label;
        this.unit = unit;
        this.bigEndian = bigEndian;
    }

    /** The encoding of input starting with {@code b[0, count)}; {@code count} is 4, or less when that is all there is. */
    static InputEncoding detect(byte[] b, int count) {
        if (count < 2) {
            return UTF_8;
        }
        int b0 = b[0] & 0xFF;
        int b1 = b[1] & 0xFF;
        if (count >= 4) {
            int b2 = b[2] & 0xFF;
            int b3 = b[3] & 0xFF;
            if (b0 == 0 && b1 == 0 && ((b2 == 0xFE && b3 == 0xFF) || (b2 == 0 && b3 != 0))) {
                return UTF_32BE;
            }
            if (b2 == 0 && b3 == 0 && ((b0 == 0xFF && b1 == 0xFE) || (b0 != 0 && b1 == 0))) {
                return UTF_32LE;
            }
        }
        if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0 && b1 != 0)) {
            return UTF_16BE;
        }
        if ((b0 == 0xFF && b1 == 0xFE) || (b0 != 0 && b1 == 0)) {
            return UTF_16LE;
        }
        return UTF_8;
    }

    /**
     * The length of a UTF-8 byte-order mark at the start of {@code b[0, count)}, 3 or 0. It is
     * skipped by the scanner (columns do not count it) and kept in the output.
     */
    static int bomLength(byte[] b, int count) {
        return count >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
    }

    /**
     * The UTF-8 bytes of a {@code String}, except that an unpaired surrogate, which UTF-8 cannot
     * hold (the JDK's encoder writes {@code ?} for it), is written as the three bytes a surrogate
     * code point would have: the scanner rejects those at that place, as it rejects them in byte
     * input. {@link JsonMasker} encodes with the JDK first and comes here only when the '?' the
     * scanner counted in strings outnumber those of the text.
     */
    static byte[] withSurrogates(String text) {
        byte[] out = new byte[text.length() * 3];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            int c = text.charAt(i);
            if (Character.isHighSurrogate((char) c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint((char) c, text.charAt(++i));
                out[n++] = (byte) (0xF0 | cp >> 18);
                out[n++] = (byte) (0x80 | (cp >> 12 & 0x3F));
                out[n++] = (byte) (0x80 | (cp >> 6 & 0x3F));
                out[n++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                n = put(out, n, c);
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Writes a char of the Basic Multilingual Plane (a surrogate included, as its three bytes) as UTF-8. */
    static int put(byte[] out, int n, int c) {
        if (c < 0x80) {
            out[n++] = (byte) c;
        } else if (c < 0x800) {
            out[n++] = (byte) (0xC0 | c >> 6);
            out[n++] = (byte) (0x80 | (c & 0x3F));
        } else {
            out[n++] = (byte) (0xE0 | c >> 12);
            out[n++] = (byte) (0x80 | (c >> 6 & 0x3F));
            out[n++] = (byte) (0x80 | (c & 0x3F));
        }
        return n;
    }
}
