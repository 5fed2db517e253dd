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

    /** Reads of every character by one full scan (every pass, every type, no threshold), per character of the text. */
    static double readsPerChar(String text) {
        CountingScanText counting = new CountingScanText(text);
        new TextScanner(counting, PiiDetector.supportedTypes(), 0).scanAll();
        return (double) counting.reads / text.length();
    }
}
