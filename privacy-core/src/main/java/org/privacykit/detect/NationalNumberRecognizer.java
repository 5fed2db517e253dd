package org.privacykit.detect;

import org.privacykit.annotation.PersonalDataType;

/**
 * National numbers among the digit groups of a number: US social security numbers
 * ({@code 536-22-1234}, {@code 536 22 1234}, {@code 536.22.1234}), Canadian social insurance numbers ({@code 130 692 544}, Luhn) and, next to
 * their name, nine plain digits (an SSN, a SIN or a Dutch BSN, eleven-test).
 */
final class NationalNumberRecognizer {
    /** 3-2-4 with dashes in the SSA's issued ranges: the SSN's own form. */
    private static final int SSN_DASHED = 850;
    /** 3-2-4 with spaces: also the form of some phone and account numbers. */
    private static final int SSN_SPACED = 600;
    /** 3-2-4 with dots: a form no number, date or version takes, though less usual than dashes. */
    private static final int SSN_DOTTED = 750;
    /** "SSN" or "social security" just before. */
    private static final int SSN_CONTEXT_BONUS = 100;
    /** Nine plain digits after "SSN", in the SSA's issued ranges. */
    private static final int SSN_PLAIN_NAMED = 750;
    /** 3-3-3 passing Luhn without its name: one such number in ten passes, so below the default threshold. */
    private static final int SIN_UNNAMED = 450;
    /** A SIN or BSN checksum with its name just before. */
    private static final int NAMED_CHECKSUM = 800;

    private final ScanText text;
    private final NumberTokens token;
    private final Candidates candidates;

    NationalNumberRecognizer(ScanText text, NumberTokens token, Candidates candidates) {
        this.text = text;
        this.token = token;
        this.candidates = candidates;
    }

    /** Looks for a national number whose first digits are group {@code k}. */
    void window(int k, boolean done) {
        if ((token.first(k) && (token.plus() || token.paren())) || !token.startsAfterSpace(k)) {
            return;
        }
        if (threeGroups(k, 3, 2, 4, done, true)) {
            if (validSsn(token.value(k), token.value(k + 1), token.value(k + 2))) {
                int confidence = switch (token.separator(k + 1)) {
                    case '-' -> SSN_DASHED;
                    case '.' -> SSN_DOTTED;
                    default -> SSN_SPACED;
                };
                if (ContextWords.SSN.before(text, token.start(k))) {
                    confidence += SSN_CONTEXT_BONUS;
                }
                candidates.add(token.start(k), token.end(k + 2), PersonalDataType.NATIONAL_ID, confidence);
            }
        }
        if (threeGroups(k, 3, 3, 3, done, false)) {
            char first = text.at(token.start(k));
            if (first != '0' && first != '8' && Checksums.luhnValid(text, token.start(k), token.end(k + 2))) {
                int confidence = ContextWords.SIN.before(text, token.start(k)) ? NAMED_CHECKSUM : SIN_UNNAMED;
                candidates.add(token.start(k), token.end(k + 2), PersonalDataType.NATIONAL_ID, confidence);
            }
        }
        if (token.length(k) == 9 && token.endsCleanly(k, done)) {
            named(token.start(k), token.end(k));
        }
    }

    /**
     * Groups {@code k} to {@code k + 2} have these lengths, joined by one dash or one space (or one
     * dot, when {@code dots}), and nothing of the same form follows.
     */
    private boolean threeGroups(int k, int a, int b, int c, boolean done, boolean dots) {
        if (k + 2 >= token.groups() || token.length(k) != a || token.length(k + 1) != b || token.length(k + 2) != c) {
            return false;
        }
        char s = token.separator(k + 1);
        return (s == '-' || s == ' ' || (dots && s == '.')) && token.separator(k + 2) == s && token.endsCleanly(k + 2, done)
                && (k + 3 >= token.groups() || token.separator(k + 3) != s);
    }

    /** Nine plain digits: an SSN, BSN or SIN only when the name stands before them. */
    private void named(int s, int e) {
        if (ContextWords.SSN.before(text, s)) {
            if (validSsn(text.value(s, s + 3), text.value(s + 3, s + 5), text.value(s + 5, s + 9))) {
                candidates.add(s, e, PersonalDataType.NATIONAL_ID, SSN_PLAIN_NAMED);
            }
        } else if (ContextWords.BSN.before(text, s)) {
            if (Checksums.bsnValid(text, s, e)) {
                candidates.add(s, e, PersonalDataType.NATIONAL_ID, NAMED_CHECKSUM);
            }
        } else if (ContextWords.SIN.before(text, s) && Checksums.luhnValid(text, s, e)) {
            candidates.add(s, e, PersonalDataType.NATIONAL_ID, NAMED_CHECKSUM);
        }
    }

    /** SSA rules: area 001-899 except 666, group 01-99, serial 0001-9999, and not the numbers used in ads. */
    static boolean validSsn(int area, int group, int serial) {
        if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
            return false;
        }
        return !(area == 78 && group == 5 && serial == 1120) && !(area == 219 && group == 9 && serial == 9999)
                && !(area == 123 && group == 45 && serial == 6789);
    }
}
