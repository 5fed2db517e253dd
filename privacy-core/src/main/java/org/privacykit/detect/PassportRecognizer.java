package org.privacykit.detect;

import org.privacykit.annotation.PersonalDataType;

/**
 * Passport numbers: no common format or checksum exists, so 6 to 9 capitals and digits count only
 * right after the word "passport".
 */
final class PassportRecognizer {
    /** The word and a plausible form, with nothing to check. */
    private static final int CONFIDENCE = 750;
    private static final int SHORTEST = 6;
    private static final int LONGEST = 9;

    private final ScanText text;
    private final Candidates candidates;

    PassportRecognizer(ScanText text, Candidates candidates) {
        this.text = text;
        this.candidates = candidates;
    }

    /**
     * Looks for a passport number starting at {@code i}, a word start.
     *
     * @param wordEnd the end of the word at {@code i}: the number is the whole word
     */
    void at(int i, int wordEnd) {
        if (wordEnd - i < SHORTEST || wordEnd - i > LONGEST) {
            return;
        }
        int p = i;
        int digits = 0;
        while (p < text.length && p - i <= LONGEST && (ScanText.isUpper(text.at(p)) || ScanText.isDigit(text.at(p)))) {
            if (ScanText.isDigit(text.at(p))) {
                digits++;
            }
            p++;
        }
        int length = p - i;
        if (length >= SHORTEST && length <= LONGEST && digits > 0 && text.endsWord(p)
                && ContextWords.PASSPORT.before(text, i)) {
            candidates.add(i, p, PersonalDataType.PASSPORT, CONFIDENCE);
        }
    }
}
