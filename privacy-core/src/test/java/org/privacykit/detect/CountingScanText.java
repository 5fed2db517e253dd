package org.privacykit.detect;

/** A scan's text that counts how often the recognizers read a character. */
final class CountingScanText extends ScanText {
    private long reads;

    CountingScanText(String text) {
        super(text);
    }

    @Override
    char at(int i) {
        reads++;
        return super.at(i);
    }

    long reads() {
        return reads;
    }

    /**
     * Reads of every character by one full scan (every pass, every type, no threshold), with the
     * words of the claims bitmap that resolution reads, per character of the text.
     */
    static double readsPerChar(String text) {
        CountingScanText counting = new CountingScanText(text);
        CountingCandidates candidates = new CountingCandidates();
        new TextScanner(counting, PiiDetector.supportedTypes(), candidates).scanAll();
        return (double) (counting.reads + candidates.reads()) / text.length();
    }

    /** Candidates that count the words of the claims bitmap their resolution reads. */
    static final class CountingCandidates extends Candidates {
        private long reads;

        CountingCandidates() {
            super(0);
        }

        @Override
        long claimed(int w) {
            reads++;
            return super.claimed(w);
        }

        long reads() {
            return reads;
        }
    }
}
