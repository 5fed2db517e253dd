package org.privacykit.detect;

import org.privacykit.annotation.PersonalDataType;

/**
 * IBANs, checked by country length and mod 97: compact ({@code DE89370400440532013000}) or grouped
 * by four with spaces or dashes ({@code DE89 3704 0044 0532 0130 00}, {@code DE89-3704-...}), in
 * capitals or in small letters.
 */
final class IbanRecognizer {
    /**
     * The country's length and mod 97, in capitals or small letters: one look-alike in 97 passes, and
     * few have the form at all.
     */
    private static final int CONFIDENCE = 950;
    private static final int GROUP = 4;

    private final ScanText text;
    private final Candidates candidates;
    private final char[] compact = new char[IbanCountries.LONGEST];

    IbanRecognizer(ScanText text, Candidates candidates) {
        this.text = text;
        this.candidates = candidates;
    }

    /**
     * Looks for an IBAN starting at {@code i}, a word start.
     *
     * @param wordEnd the end of the word at {@code i}: at least the country and check digits
     */
    void at(int i, int wordEnd) {
        if (wordEnd - i < 4 || !ScanText.isDigit(text.at(i + 2)) || !ScanText.isDigit(text.at(i + 3))) {
            return;
        }
        char a = text.at(i);
        boolean small = ScanText.isLower(a);
        if (small ? !ScanText.isLower(text.at(i + 1)) : !ScanText.isUpper(text.at(i + 1))) {
            return;
        }
        int length = IbanCountries.length(Character.toUpperCase(a), Character.toUpperCase(text.at(i + 1)));
        if (length == 0) {
            return;
        }
        // grouped means grouped throughout: a separator after every four characters, the same one;
        // a UUID's "ad17-4145-a3d6-9f8ecc7ea925" is not an Andorran IBAN
        char separator = wordEnd - i == GROUP && wordEnd < text.length ? text.at(wordEnd) : 0;
        if (separator != ' ' && separator != '-') {
            separator = 0;
        }
        int count = 0;
        int p = i;
        while (count < length && p < text.length) {
            char c = text.at(p);
            if (separator != 0 && count > 0 && count % GROUP == 0) {
                if (c != separator || p + 1 >= text.length || !code(text.at(p + 1), small)) {
                    break;
                }
                c = text.at(++p);
            }
            if (!code(c, small)) {
                break;
            }
            compact[count++] = small && !ScanText.isDigit(c) ? (char) (c - 32) : c;
            p++;
        }
        if (count == length && text.endsWord(p) && Checksums.ibanRemainder(compact, count) == 1) {
            candidates.add(i, p, PersonalDataType.IBAN, CONFIDENCE);
        }
    }

    /** A digit, or a letter in the IBAN's case. */
    private static boolean code(char c, boolean small) {
        return ScanText.isDigit(c) || (small ? ScanText.isLower(c) : ScanText.isUpper(c));
    }
}
