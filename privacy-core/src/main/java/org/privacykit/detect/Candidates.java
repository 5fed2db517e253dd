package org.privacykit.detect;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

import org.privacykit.annotation.PersonalDataType;

/**
 * The values the recognizers of one scan propose, and their resolution into findings: overlapping
 * candidates are decided by confidence, then length, then the order they were proposed in, and
 * those under the detector's threshold are never kept.
 *
 * <p>Confidences are in thousandths, so that recognizers compare and add them exactly.
 */
final class Candidates {
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
        if (c < minConfidence) {
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
    List<PiiFinding> resolve(int textLength) {
        if (size == 0) {
            return List.of();
        }
        // rank: higher confidence, then longer, then proposed first; the index rides in the low bits
        long[] ranked = new long[size];
        for (int i = 0; i < size; i++) {
            long length = Math.min(end[i] - start[i], MAX_RANKED_LENGTH);
            ranked[i] = ((long) (1000 - confidence[i]) << 53) | ((MAX_RANKED_LENGTH - length) << 43) | i;
        }
        Arrays.sort(ranked);
        BitSet taken = new BitSet(textLength);
        long[] byStart = new long[size];
        int count = 0;
        for (long key : ranked) {
            int i = (int) (key & ((1L << 43) - 1));
            int next = taken.nextSetBit(start[i]);
            if (next < 0 || next >= end[i]) {
                taken.set(start[i], end[i]);
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
}
