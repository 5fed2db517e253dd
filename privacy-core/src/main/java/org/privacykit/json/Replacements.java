package org.privacykit.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

import org.privacykit.mask.Maskers;

/**
 * The output of a scan: the spans of the input to replace, in order, each with what replaces it:
 * one of the fixed replacements (the full mask, the redaction marker, a masked number or boolean
 * that keeps its type, or nothing for the rest of a long masked string whose replacement was
 * already written), or the mask a masker made. Everything outside the spans is copied from the
 * input as it is. A document held whole is written once into an array of its exact size; a stream
 * is written window by window, the spans of each window then forgotten. Spans are ints only, so
 * recording one stores no reference and forgetting them clears none but the masks made.
 */
final class Replacements {
    /** Nothing: the span is dropped. */
    static final int DROP = 0;
    /** {@code "****"}. */
    static final int FULL = 1;
    /** {@code "[REDACTED]"}. */
    static final int REDACTED = 2;
    /** {@code 0}, a masked number that keeps its type. */
    static final int ZERO = 3;
    /** {@code false}, a masked boolean that keeps its type. */
    static final int FALSE = 4;
    private static final byte[][] FIXED = {
        new byte[0], JsonText.quote(Objects.requireNonNull(JsonMasker.FULL.mask(""))), JsonText.quote(Maskers.REDACTED),
        {'0'}, "false".getBytes(StandardCharsets.US_ASCII),
    };
    private static final int INITIAL = 16;
    /** Span arrays longer than this are not kept for the next document. */
    private static final int MAX_KEPT = 3 * 4096;
    /** Replacements up to this long are copied byte by byte. */
    private static final int SHORT_COPY = 16;

    /** Per span: start, end, and the replacement (a fixed one, or {@code FIXED.length} + the index of a mask made). */
    private int[] spans = new int[3 * INITIAL];
    private int count;
    private byte[][] made = new byte[INITIAL][];
    private int madeCount;
    /** How much longer the output is than the input, over the spans recorded. */
    private int growth;
    /** Whether a mask made since the last reset holds a byte outside ASCII. */
    private boolean nonAsciiMade;
    /** The array the last window was written through (reused by the next). */
    private byte[] chunk = FIXED[DROP];

    /**
     * Starts a document of about {@code length} bytes: room for one masked value per 128 bytes
     * before growing; the replacements of the last document are dropped.
     */
    void reset(int length) {
        Arrays.fill(made, 0, madeCount, null);
        madeCount = 0;
        count = 0;
        growth = 0;
        nonAsciiMade = false;
        int room = 3 * (length >>> 7);
        if (room > spans.length || spans.length > MAX_KEPT) {
            spans = new int[Math.max(3 * INITIAL, room)];
        }
        if (made.length > MAX_KEPT / 3) {
            made = new byte[INITIAL][];
        }
        if (chunk.length > StreamMasking.WINDOW) {
            chunk = FIXED[DROP];
        }
    }

    /** Replaces {@code [from, to)} of the input with a fixed replacement. */
    void add(int from, int to, int fixed) {
        int at = 3 * count;
        if (at == spans.length) {
            spans = Arrays.copyOf(spans, 2 * at);
        }
        spans[at] = from;
        spans[at + 1] = to;
        spans[at + 2] = fixed;
        count++;
        growth += FIXED[fixed].length - (to - from);
    }

    /** Replaces {@code [from, to)} of the input with a mask a masker made. */
    void add(int from, int to, byte[] mask) {
        if (madeCount == made.length) {
            made = Arrays.copyOf(made, 2 * madeCount);
        }
        made[madeCount] = mask;
        nonAsciiMade |= !JsonText.isAscii(mask);
        int at = 3 * count;
        if (at == spans.length) {
            spans = Arrays.copyOf(spans, 2 * at);
        }
        spans[at] = from;
        spans[at + 1] = to;
        spans[at + 2] = FIXED.length + madeCount++;
        count++;
        growth += mask.length - (to - from);
    }

    /** Whether every mask made for the document is ASCII (the fixed replacements are). */
    boolean asciiMasks() {
        return !nonAsciiMade;
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
        Arrays.fill(made, 0, madeCount, null);
        madeCount = 0;
        count = 0;
        growth = 0;
        if (at > 0) {
            out.write(chunk, 0, at);
        }
    }

    private int copy(byte[] in, int from, int to, byte[] out) {
        int copied = from;
        int at = 0;
        int[] s = spans;
        for (int i = 0; i < 3 * count; i += 3) {
            int n = s[i] - copied;
            System.arraycopy(in, copied, out, at, n);
            at += n;
            int which = s[i + 2];
            byte[] r = which < FIXED.length ? FIXED[which] : made[which - FIXED.length];
            if (r.length <= SHORT_COPY) { // a mask such as "****": a loop beats the copy stub's set-up
                for (int k = 0; k < r.length; k++) {
                    out[at + k] = r[k];
                }
            } else {
                System.arraycopy(r, 0, out, at, r.length);
            }
            at += r.length;
            copied = s[i + 1];
        }
        System.arraycopy(in, copied, out, at, to - copied);
        return at + to - copied;
    }
}
