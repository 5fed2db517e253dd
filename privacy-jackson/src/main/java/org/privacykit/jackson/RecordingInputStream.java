package org.privacykit.jackson;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Keeps the bytes the parser has read and the masker has not yet written, so a stream can be
 * copied through with only its masked values replaced. The masker writes the held bytes out as the
 * parser moves on, so the window stays near {@link #WINDOW} plus one read-ahead buffer.
 */
final class RecordingInputStream extends InputStream {
    /** How many held bytes trigger a flush at the next token. */
    static final int WINDOW = 64 * 1024;

    private final InputStream in;
    private byte[] held = new byte[16 * 1024];
    private int length;
    /** The absolute offset of {@code held[0]}. */
    private long base;

    RecordingInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            ensure(1);
            held[length++] = (byte) b;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        int n = in.read(buffer, offset, count);
        if (n > 0) {
            ensure(n);
            System.arraycopy(buffer, offset, held, length, n);
            length += n;
        }
        return n;
    }

    private void ensure(int more) {
        if (length + more > held.length) {
            held = Arrays.copyOf(held, Math.max(held.length * 2, length + more));
        }
    }

    /** How many bytes are held. */
    int held() {
        return length;
    }

    /** Writes the held bytes in {@code [from, to)} (absolute offsets) and drops everything before {@code to}. */
    void emit(long from, long to, OutputStream out) throws IOException {
        if (from < base || to < from || to > base + length) {
            throw new IllegalStateException("span " + from + ".." + to + " is outside the held window");
        }
        out.write(held, (int) (from - base), (int) (to - from));
        int drop = (int) (to - base);
        System.arraycopy(held, drop, held, 0, length - drop);
        length -= drop;
        base = to;
    }

    /** Reads what is left of the input and writes every held byte from {@code from} on. */
    void drainTo(long from, OutputStream out) throws IOException {
        byte[] buffer = new byte[8192];
        while (read(buffer, 0, buffer.length) > 0) {
            emit(from, base + length, out);
            from = base;
        }
        emit(from, base + length, out);
    }
}
