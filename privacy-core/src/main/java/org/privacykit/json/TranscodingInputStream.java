package org.privacykit.json;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads UTF-16 or UTF-32 input as UTF-8, a bounded buffer at a time, so the scanner masks it as it
 * masks UTF-8 and the output is UTF-8 with the same layout (a byte-order mark included, as
 * U+FEFF). Input that is not in the encoding is passed on as bytes the scanner rejects at that
 * place: an unpaired surrogate as the three bytes of a surrogate code point, a code point past
 * U+10FFFF or a last unit cut short as a byte that never occurs in UTF-8.
 */
final class TranscodingInputStream extends InputStream {
    private static final int CHUNK = 8 * 1024;
    /** Never a byte of UTF-8: marks input that is not in the declared encoding. */
    private static final int INVALID = 0xFF;
    /** The most bytes one code unit (or a pending surrogate with its unit) becomes. */
    private static final int MAX_BYTES_PER_UNIT = 6;

    private final InputStream in;
    private final int unit;
    private final boolean bigEndian;
    private final byte[] raw = new byte[CHUNK];
    /** Bytes of {@link #raw} not yet decoded (a unit cut by a read). */
    private int rawCount;
    private final byte[] utf8 = new byte[CHUNK / 2 * 3 + MAX_BYTES_PER_UNIT];
    private int utf8Pos;
    private int utf8Count;
    /** A high surrogate waiting for its low half, or -1. */
    private int pendingHigh = -1;
    private boolean eof;

    /**
     * @param encoding UTF-16 or UTF-32, either byte order
     * @param in the input, from its first byte
     */
    TranscodingInputStream(InputEncoding encoding, InputStream in) {
        this.in = in;
        this.unit = encoding.unit;
        this.bigEndian = encoding.bigEndian;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (utf8Pos == utf8Count) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, utf8Count - utf8Pos);
        System.arraycopy(utf8, utf8Pos, b, off, n);
        utf8Pos += n;
        return n;
    }

    /** Decodes more input; false at the end of it. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(raw, rawCount, raw.length - rawCount);
        if (n > 0) {
            rawCount += n;
        }
        utf8Pos = 0;
        utf8Count = 0;
        int whole = rawCount - rawCount % unit;
        for (int i = 0; i < whole; i += unit) {
            codeUnit(unit == 2 ? unit16(i) : unit32(i));
        }
        System.arraycopy(raw, whole, raw, 0, rawCount - whole);
        rawCount -= whole;
        if (n < 0) {
            eof = true;
            flushPending();
            if (rawCount > 0) {
                utf8[utf8Count++] = (byte) INVALID;
                rawCount = 0;
            }
        }
        return true;
    }

    private int unit16(int i) {
        int b0 = raw[i] & 0xFF;
        int b1 = raw[i + 1] & 0xFF;
        return bigEndian ? b0 << 8 | b1 : b1 << 8 | b0;
    }

    private int unit32(int i) {
        int b0 = raw[i] & 0xFF;
        int b1 = raw[i + 1] & 0xFF;
        int b2 = raw[i + 2] & 0xFF;
        int b3 = raw[i + 3] & 0xFF;
        long value = bigEndian ? (long) b0 << 24 | b1 << 16 | b2 << 8 | b3 : (long) b3 << 24 | b2 << 16 | b1 << 8 | b0;
        return value > Character.MAX_CODE_POINT ? -1 : (int) value;
    }

    /** Writes one code unit (a code point for UTF-32; -1 for one out of range) as UTF-8. */
    private void codeUnit(int c) {
        if (pendingHigh >= 0) {
            if (Character.isLowSurrogate((char) c) && c <= 0xFFFF) {
                int cp = Character.toCodePoint((char) pendingHigh, (char) c);
                pendingHigh = -1;
                utf8[utf8Count++] = (byte) (0xF0 | cp >> 18);
                utf8[utf8Count++] = (byte) (0x80 | (cp >> 12 & 0x3F));
                utf8[utf8Count++] = (byte) (0x80 | (cp >> 6 & 0x3F));
                utf8[utf8Count++] = (byte) (0x80 | (cp & 0x3F));
                return;
            }
            flushPending();
        }
        if (c < 0) {
            utf8[utf8Count++] = (byte) INVALID;
        } else if (c > 0xFFFF) {
            utf8[utf8Count++] = (byte) (0xF0 | c >> 18);
            utf8[utf8Count++] = (byte) (0x80 | (c >> 12 & 0x3F));
            utf8[utf8Count++] = (byte) (0x80 | (c >> 6 & 0x3F));
            utf8[utf8Count++] = (byte) (0x80 | (c & 0x3F));
        } else if (unit == 2 && Character.isHighSurrogate((char) c)) {
            pendingHigh = c;
        } else {
            utf8Count = InputEncoding.put(utf8, utf8Count, c); // a lone surrogate too: the scanner rejects it
        }
    }

    private void flushPending() {
        if (pendingHigh >= 0) {
            utf8Count = InputEncoding.put(utf8, utf8Count, pendingHigh);
            pendingHigh = -1;
        }
    }
}
