package org.privacykit.detect;

import org.privacykit.annotation.PersonalDataType;

/**
 * Spanish DNI ({@code 12345678Z}) and NIE ({@code X1234567L}) numbers, in capitals or small letters,
 * with or without a dash before the control letter, which is checked.
 */
final class SpanishIdRecognizer {
    /** The control letter matches: one look-alike in 23 passes. */
    private static final int CONFIDENCE = 850;
    /**
     * Eight digits and a small control letter that is a hex digit ({@code 12345678e}): also the form
     * of a 9-character hex id, so it needs its name (DNI, NIF, NIE) just before.
     */
    private static final int HEX_LOOKALIKE = 450;
    /** "DNI", "NIF" or "NIE" just before. */
    private static final int NAMED = 950;

    private final ScanText text;
    private final Candidates candidates;

    SpanishIdRecognizer(ScanText text, Candidates candidates) {
        this.text = text;
        this.candidates = candidates;
    }

    /**
     * Looks for a DNI (at a digit) or an NIE (at X, Y or Z) starting at {@code i}, a word start.
     *
     * @param wordEnd the end of the word at {@code i}: 9 characters, or 8 before {@code -} and the letter
     */
    void at(int i, int wordEnd) {
        int length = wordEnd - i;
        if ((length != 9 && length != 8) || i + 9 > text.length) {
            return;
        }
        char c = text.at(i);
        char letterCase; // 'A' or 'a': the case the control letter must have
        int number;
        if (ScanText.isDigit(c)) {
            number = 0;
            letterCase = 0;
        } else if ((c >= 'X' && c <= 'Z') || (c >= 'x' && c <= 'z')) {
            letterCase = ScanText.isUpper(c) ? 'A' : 'a';
            number = (c | 0x20) - 'x'; // the NIE's letter stands for a leading digit
        } else {
            return;
        }
        for (int p = ScanText.isDigit(c) ? i : i + 1; p < i + 8; p++) {
            char d = text.at(p);
            if (!ScanText.isDigit(d)) {
                return;
            }
            number = number * 10 + (d - '0');
        }
        int p = i + 8;
        if (text.at(p) == '-' && p + 1 < text.length) {
            p++;
        }
        char letter = text.at(p);
        boolean small = ScanText.isLower(letter);
        if ((letterCase != 0 && (letterCase == 'a') != small) || !text.endsWord(p + 1)
                || (small ? (char) (letter - 32) : letter) != Checksums.dniLetter(number)) {
            return;
        }
        int confidence;
        if (ContextWords.SPANISH_ID.before(text, i)) {
            confidence = NAMED;
        } else if (small && letterCase == 0 && letter <= 'f') {
            confidence = HEX_LOOKALIKE;
        } else {
            confidence = CONFIDENCE;
        }
        candidates.add(i, p + 1, PersonalDataType.NATIONAL_ID, confidence);
    }
}
