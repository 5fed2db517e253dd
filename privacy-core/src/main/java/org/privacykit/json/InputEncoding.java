package org.privacykit.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The encoding of JSON given as bytes, told from its first bytes as RFC 4627 describes and Jackson
 * does: a byte-order mark, or else the zero bytes that ASCII text has in UTF-16 and UTF-32.
 * UTF-8 input is scanned as it is; the others are transcoded to UTF-8 first
 * ({@link TranscodingInputStream}). Also turns a {@code String} into the UTF-8 the scanner reads.
 */
enum InputEncoding {
    UTF_8("UTF-8", 1, false),
    UTF_16BE("UTF-16", 2, true),
    UTF_16LE("UTF-16", 2, false),
    UTF_32BE("UTF-32", 4, true),
    UTF_32LE("UTF-32", 4, false);

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

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
            if (b0 == 0 && b1 == 0 && (b2 == 0xFE && b3 == 0xFF || b2 == 0 && b3 != 0)) {
                return UTF_32BE;
            }
            if (b2 == 0 && b3 == 0 && (b0 == 0xFF && b1 == 0xFE || b0 != 0 && b1 == 0)) {
                return UTF_32LE;
            }
        }
        if (b0 == 0xFE && b1 == 0xFF || b0 == 0 && b1 != 0) {
            return UTF_16BE;
        }
        if (b0 == 0xFF && b1 == 0xFE || b0 != 0 && b1 == 0) {
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
     * hold (the JDK's encoder would write {@code ?} for it), is written as the three bytes a
     * surrogate code point would have: the scanner rejects those at that place, as it rejects them
     * in byte input, so that a {@code String} never masks differently from its bytes.
     */
    static byte[] utf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // every unpaired surrogate became a '?': compare the count of '?' bytes with that of '?' chars
        int marks = questionMarks(bytes);
        if (marks == 0) {
            return bytes;
        }
        int chars = 0;
        for (int i = text.indexOf('?'); i >= 0; i = text.indexOf('?', i + 1)) {
            chars++;
        }
        return chars == marks ? bytes : withSurrogates(text);
    }

    /** How many '?' bytes there are, eight bytes at a time. */
    private static int questionMarks(byte[] b) {
        int count = 0;
        int i = 0;
        for (; i + 8 <= b.length; i += 8) {
            long w = (long) LONGS.get(b, i) ^ 0x3F3F3F3F3F3F3F3FL; // a '?' byte becomes zero
            long zeros = (w - ONES) & ~w & HIGHS;
            if (zeros != 0) {
                for (int j = i; j < i + 8; j++) {
                    count += b[j] == '?' ? 1 : 0;
                }
            }
        }
        for (; i < b.length; i++) {
            count += b[i] == '?' ? 1 : 0;
        }
        return count;
    }

    private static byte[] withSurrogates(String text) {
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
