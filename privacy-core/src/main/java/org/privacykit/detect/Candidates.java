package org.privacykit.detect;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.privacykit.annotation.PersonalDataType;

/**
 * The values the recognizers of one scan propose, and their resolution into findings: overlapping
 * candidates are decided by confidence, then length, then the order they were proposed in, and
 * those under the detector's threshold are never kept.
 *
 * <p>Confidences are in thousandths, so that recognizers compare and add them exactly.
 *
 * <p>Resolution marks the characters each kept candidate claims in a bitmap and tests a candidate
 * against the words of the bitmap its own characters fall in, never beyond: its cost is linear in
 * the candidates' lengths wherever the other candidates lie. The bitmap is read through
 * {@link #claimed(int)} only, so that {@code PiiDetectorLinearTimeTest} can count those reads as it
 * counts the reads of the text; only that test subclasses this class.
 */
class Candidates {
    /** No recognizer is certain: a context word never lifts a value past this. */
    static final int MAX_CONFIDENCE = 990;
    /** Resolution ranks lengths up to this; longer candidates rank as this long. */
    private static final int MAX_RANKED_LENGTH = 1023;

    private final int minConfidence;
    private int[] start = new int[16];
    private int[] end = new int[16];
    private int[] confidence = new int[16];
    private PersonalDataType[] type = new PersonalDataType[16];
    private int size;
    /** The characters claimed by the candidates kept so far, one bit each, from {@link #claimsFrom}. */
    private long[] claims = new long[0];
    private int claimsFrom;

    Candidates(int minConfidence) {
        this.minConfidence = minConfidence;
    }

    /**
     * Proposes a value.
     *
     * @param from its first index
     * @param to the index after it
     * @param kind what it is
     * @param thousandths how sure the recognizer is, in thousandths (capped at {@link #MAX_CONFIDENCE})
     */
    void add(int from, int to, PersonalDataType kind, int thousandths) {
        int c = Math.min(thousandths, MAX_CONFIDENCE);
        if (c < minConfidence || to <= from) {
            return;
        }
        if (size == start.length) {
            int grown = size * 2;
            start = Arrays.copyOf(start, grown);
            end = Arrays.copyOf(end, grown);
            confidence = Arrays.copyOf(confidence, grown);
            type = Arrays.copyOf(type, grown);
        }
        start[size] = from;
        end[size] = to;
        confidence[size] = c;
        type[size] = kind;
        size++;
    }

    /** The findings: the candidates that win their overlaps, ordered by position. */
    List<PiiFinding> resolve() {
        if (size == 0) {
            return List.of();
        }
        // rank: higher confidence, then longer, then proposed first; the index rides in the low bits
        long[] ranked = new long[size];
        int from = Integer.MAX_VALUE;
        int to = 0;
        for (int i = 0; i < size; i++) {
            long length = Math.min(end[i] - start[i], MAX_RANKED_LENGTH);
            ranked[i] = ((long) (1000 - confidence[i]) << 53) | ((MAX_RANKED_LENGTH - length) << 43) | i;
            from = Math.min(from, start[i]);
            to = Math.max(to, end[i]);
        }
        Arrays.sort(ranked);
        claimsFrom = from;
        claims = new long[((to - from) >>> 6) + 1];
        long[] byStart = new long[size];
        int count = 0;
        for (long key : ranked) {
            int i = (int) (key & ((1L << 43) - 1));
            if (unclaimed(start[i], end[i])) {
                claim(start[i], end[i]);
                byStart[count++] = ((long) start[i] << 32) | i;
            }
        }
        Arrays.sort(byStart, 0, count);
        PiiFinding[] findings = new PiiFinding[count];
        for (int k = 0; k < count; k++) {
            int i = (int) byStart[k];
            findings[k] = new PiiFinding(type[i], start[i], end[i], confidence[i] / 1000.0);
        }
        return Collections.unmodifiableList(Arrays.asList(findings));
    }

    /** Whether no character of {@code [from, to)} is claimed: reads the words those characters fall in. */
    private boolean unclaimed(int from, int to) {
        int first = (from - claimsFrom) >>> 6;
        int last = (to - 1 - claimsFrom) >>> 6;
        for (int w = first; w <= last; w++) {
            if ((claimed(w) & bits(w, first, last, from, to)) != 0) {
                return false;
            }
        }
        return true;
    }

    private void claim(int from, int to) {
        int first = (from - claimsFrom) >>> 6;
        int last = (to - 1 - claimsFrom) >>> 6;
        for (int w = first; w <= last; w++) {
            claims[w] |= bits(w, first, last, from, to);
        }
    }

    /** The bits of word {@code w} (of {@code first} to {@code last}) that stand for characters of {@code [from, to)}. */
    private long bits(int w, int first, int last, int from, int to) {
        long bits = -1L;
        if (w == first) {
            bits &= -1L << ((from - claimsFrom) & 63);
        }
        if (w == last) {
            bits &= -1L >>> (63 - ((to - 1 - claimsFrom) & 63));
        }
        return bits;
    }

    /**
     * Returns one word of the claims bitmap: the only way resolution reads it.
     *
     * @param w the word's index
     * @return its bits
     */
    long claimed(int w) {
        return claims[w];
    }
}
