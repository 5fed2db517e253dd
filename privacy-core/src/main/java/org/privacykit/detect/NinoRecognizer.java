package org.privacykit.detect;

import org.privacykit.annotation.PersonalDataType;

/**
 * UK National Insurance numbers: two prefix letters, six digits and a suffix letter A to D,
 * compact ({@code QQ123456C}) or grouped by spaces or dashes in the ways people write them
 * ({@code QQ 12 34 56 C}, {@code QQ 123456 C}, {@code PR 123612C}, {@code QQ-12-34-56-C}), and in
 * small letters ({@code pr123612c}). The prefix rules are checked; no checksum exists.
 */
final class NinoRecognizer {
    /** Prefix letters HMRC allocates, six digits and a suffix A-D: product codes rarely match all of it. */
    private static final int CONFIDENCE = 850;
    /** "NINO" or "national insurance" just before. */
    private static final int NAMED = 950;
    /**
     * In small letters that are all hex digits ({@code ab123456c}), the value is also a 9-character
     * hex id or hash; grouped in small letters, its prefix is a two-letter word before an id
     * ({@code at 162767a}): only its name makes either a NINO.
     */
    private static final int LOOKALIKE = 450;
    private static final int DIGITS = 6;

    private final ScanText text;
    private final Candidates candidates;

    NinoRecognizer(ScanText text, Candidates candidates) {
        this.text = text;
        this.candidates = candidates;
    }

    /** HMRC never allocates D, F, I, Q, U or V first, nor D, F, I, O, Q, U or V second, nor these pairs. */
    private static boolean prefix(char a, char b) {
        if ("DFIQUV".indexOf(a) >= 0 || "DFIOQUV".indexOf(b) >= 0) {
            return false;
        }
        return switch (a << 8 | b) {
            case 'B' << 8 | 'G', 'G' << 8 | 'B', 'K' << 8 | 'N', 'N' << 8 | 'K', 'N' << 8 | 'T', 'T' << 8 | 'N',
                    'Z' << 8 | 'Z' -> false;
            default -> true;
        };
    }

    /**
     * Looks for a number starting at {@code i}, a word start.
     *
     * @param wordEnd the end of the word at {@code i}: the prefix alone, or the prefix and some digits
     */
    void at(int i, int wordEnd) {
        int length = wordEnd - i;
        if (length < 2 || length > 9 || i + 9 > text.length) {
            return;
        }
        char a = text.at(i);
        char b = text.at(i + 1);
        boolean upper = ScanText.isUpper(a);
        if (upper ? !ScanText.isUpper(b) : !(ScanText.isLower(a) && ScanText.isLower(b))) {
            return;
        }
        char third = text.at(i + 2);
        if (!ScanText.isDigit(third) && third != ' ' && third != '-') {
            return; // a word such as INFO or DEBUG: the prefix is followed by a digit or a separator
        }
        if (!prefix(Character.toUpperCase(a), Character.toUpperCase(b))) {
            return;
        }
        // a separator may stand after the prefix, between digit pairs or halves, and before the
        // suffix; whichever is used, it is the same character throughout
        char separator = 0;
        int p = i + 2;
        int digits = 0;
        while (digits < DIGITS) {
            if (p < text.length && (text.at(p) == ' ' || text.at(p) == '-') && (digits % 2 == 0 || digits == 3)) {
                if (separator != 0 && text.at(p) != separator) {
                    return;
                }
                separator = text.at(p);
                p++;
            }
            if (!text.digitAt(p)) {
                return;
            }
            p++;
            digits++;
        }
        if ((p < text.length && text.at(p) == separator && separator != 0) || (p < text.length && separator == 0
                && (text.at(p) == ' ' || text.at(p) == '-'))) {
            p++;
        }
        if (p >= text.length) {
            return;
        }
        char suffix = text.at(p);
        char lowest = upper ? 'A' : 'a';
        if (suffix < lowest || suffix > lowest + 3 || !text.endsWord(p + 1)) {
            return;
        }
        int confidence;
        if (ContextWords.NINO.before(text, i)) {
            confidence = NAMED;
        } else if (!upper && ((a <= 'f' && b <= 'f') || separator != 0 || p > i + 8)) {
            confidence = LOOKALIKE; // the suffix a-d is a hex digit too
        } else {
            confidence = CONFIDENCE;
        }
        candidates.add(i, p + 1, PersonalDataType.NATIONAL_ID, confidence);
    }
}
