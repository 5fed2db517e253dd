package org.privacykit.json;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The output of a scan: the spans of the input to replace, in order, each with the bytes that
 * replace it (empty for the rest of a long masked string whose replacement was already written).
 * Everything outside the spans is copied from the input as it is. A document held whole is
 * written once into an array of its exact size; a stream is written window by window, the spans
 * of each window then forgotten.
 */
final class Replacements {
    /** An empty replacement: the span is dropped. */
    static final byte[] DROP = new byte[0];
    private static final int INITIAL = 16;
    /** Replacements up to this long are copied byte by byte. */
    private static final int SHORT_COPY = 16;

    private int count;
    private int[] start;
    private int[] end;
    private byte[][] bytes;
    /** How much longer the output is than the input, over the spans recorded. */
    private int growth;
    /** The array the last window was written through (reused by the next). */
    private byte[] chunk = DROP;

    /** Span arrays longer than this are not kept for the next document. */
    private static final int MAX_KEPT = 4096;

    Replacements() {
        start = new int[INITIAL];
        end = new int[INITIAL];
        bytes = new byte[INITIAL][];
    }

    /**
     * Starts a document of about {@code length} bytes: room for one masked value per 128 bytes
     * before growing; the replacements of the last document are dropped.
     */
    void reset(int length) {
        Arrays.fill(bytes, 0, count, null);
        count = 0;
        growth = 0;
        int room = length >>> 7;
        if (room > start.length || start.length > MAX_KEPT) {
            room = Math.max(INITIAL, room);
            start = new int[room];
            end = new int[room];
            bytes = new byte[room][];
        }
        if (chunk.length > StreamMasking.WINDOW) {
            chunk = DROP;
        }
    }

    /** Replaces {@code [from, to)} of the input with {@code replacement}. */
    void add(int from, int to, byte[] replacement) {
        if (count == start.length) {
            int size = count * 2;
            start = Arrays.copyOf(start, size);
            end = Arrays.copyOf(end, size);
            bytes = Arrays.copyOf(bytes, size);
        }
        start[count] = from;
        end[count] = to;
        bytes[count] = replacement;
        count++;
        growth += replacement.length - (to - from);
    }

    /** Whether no span was recorded. */
    boolean isEmpty() {
        return count == 0;
    }

    /** The whole document {@code in} with every span replaced, in a new array of its exact size. */
    byte[] apply(byte[] in) {
        byte[] out = new byte[in.length + growth];
        int at = copy(in, 0, in.length, out);
        if (at != out.length) {
            throw new IllegalStateException("replacements overlap"); // a scanner bug, never input
        }
        return out;
    }

    /** Writes {@code in[from, to)} with the spans replaced (all of them lie inside), then forgets the spans. */
    void write(byte[] in, int from, int to, OutputStream out) throws IOException {
        if (count == 0) {
            if (to > from) {
                out.write(in, from, to - from);
            }
            return;
        }
        int length = to - from + growth;
        if (chunk.length < length) {
            chunk = new byte[Math.max(length, 2 * chunk.length)];
        }
        int at = copy(in, from, to, chunk);
        Arrays.fill(bytes, 0, count, null);
        count = 0;
        growth = 0;
        if (at > 0) {
            out.write(chunk, 0, at);
        }
    }

    private int copy(byte[] in, int from, int to, byte[] out) {
        int copied = from;
        int at = 0;
        for (int i = 0; i < count; i++) {
            int n = start[i] - copied;
            System.arraycopy(in, copied, out, at, n);
            at += n;
            byte[] r = bytes[i];
            if (r.length <= SHORT_COPY) { // a mask such as "****": a loop beats the copy stub's set-up
                for (int k = 0; k < r.length; k++) {
                    out[at + k] = r[k];
                }
            } else {
                System.arraycopy(r, 0, out, at, r.length);
            }
            at += r.length;
            copied = end[i];
        }
        System.arraycopy(in, copied, out, at, to - copied);
        return at + to - copied;
    }
}
