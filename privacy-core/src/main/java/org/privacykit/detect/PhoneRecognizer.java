package org.privacykit.detect;

import org.privacykit.annotation.PersonalDataType;

/**
 * Phone numbers among the digit groups of a number: international ({@code +44 20 7946 0958},
 * {@code 0044 ...}), North American ({@code (202) 555-0143}, {@code 1-800-555-0199}) and national
 * with a trunk 0 ({@code 020 7946 0958}, {@code 06 12 34 56 78}).
 */
final class PhoneRecognizer {
    /** A {@code +} and 8 to 15 digits: E.164's own form. */
    private static final int INTERNATIONAL = 900;
    /** {@code 00} instead of the {@code +}, in groups: {@code 0044 20 7946 0958}. */
    private static final int INTERNATIONAL_ZEROS = 750;
    /**
     * {@code 00} and one plain run of digits: zero-padded ids look the same, so under the default
     * threshold unless "phone" or the like stands before.
     */
    private static final int INTERNATIONAL_ZEROS_PLAIN = 400;
    /** "phone", "call" or the like before a plain number with {@code 00}. */
    private static final int ZEROS_PLAIN_CONTEXT_BONUS = 150;
    /** "phone", "call" or the like before an international number. */
    private static final int INTERNATIONAL_CONTEXT_BONUS = 80;
    /** NANP area and exchange rules hold, with dashes, dots or the area code in parentheses. */
    private static final int NANP_PUNCTUATED = 750;
    /** NANP rules hold, groups joined by spaces: a form other numbers share. */
    private static final int NANP_SPACED = 620;
    /** Groups after a trunk 0: {@code 020 7946 0958}. */
    private static final int NATIONAL_GROUPED = 700;
    /**
     * One plain run of 10 or 11 digits with a trunk 0: an order or account number as often as a
     * phone number, so below the default threshold unless "phone" or the like stands before.
     */
    private static final int NATIONAL_PLAIN = 400;
    /** "phone", "call" or the like before a national or North American number. */
    private static final int CONTEXT_BONUS = 150;
    /** E.164: at most 15 digits after the {@code +}, and at least 8 in practice. */
    private static final int FEWEST_INTERNATIONAL = 8;
    private static final int MOST_INTERNATIONAL = 15;
    /** National numbers with their trunk 0: 9 to 12 digits. */
    private static final int FEWEST_NATIONAL = 9;
    private static final int MOST_NATIONAL = 12;

    private final ScanText text;
    private final NumberTokens token;
    private final Candidates candidates;

    PhoneRecognizer(ScanText text, NumberTokens token, Candidates candidates) {
        this.text = text;
        this.token = token;
        this.candidates = candidates;
    }

    /** Looks for a phone number whose first digits are group {@code k}. */
    void window(int k, boolean done) {
        boolean first = token.first(k);
        if (first && token.plus()) {
            international(k, done, 0, INTERNATIONAL);
            return;
        }
        int s = token.start(k);
        if (!token.startsAfterSpace(k) && text.at(s - 1) != '(') {
            return;
        }
        char d0 = text.at(s);
        if (d0 == '0' && token.length(k) >= 2 && text.at(s + 1) == '0') {
            if (first && !token.paren()) {
                international(k, done, 2, INTERNATIONAL_ZEROS);
            }
            return;
        }
        nanp(k, done);
        if (d0 == '0') {
            national(k, done);
        }
    }

    /** {@code +44 20 7946 0958} or {@code 0044 20 7946 0958}: 8 to 15 digits after the prefix. */
    private void international(int k, boolean done, int skip, int confidence) {
        if (token.length(k) <= skip || text.at(token.start(k) + skip) == '0') {
            return;
        }
        int count = -skip;
        int best = -1;
        for (int m = k; m < token.groups() && m <= k + MOST_INTERNATIONAL + 1; m++) {
            count += token.length(m);
            if (count > MOST_INTERNATIONAL) {
                break;
            }
            if (count >= FEWEST_INTERNATIONAL && token.endsCleanly(m, done)) {
                best = m;
            }
        }
        if (best >= 0) {
            int start = skip == 0 ? token.start(k) - 1 : token.start(k);
            boolean named = ContextWords.PHONE.before(text, start);
            if (skip > 0 && best == k) {
                confidence = INTERNATIONAL_ZEROS_PLAIN + (named ? ZEROS_PLAIN_CONTEXT_BONUS : 0);
            } else if (named) {
                confidence += INTERNATIONAL_CONTEXT_BONUS;
            }
            candidates.add(start, token.end(best), PersonalDataType.PHONE, confidence);
        }
    }

    /** North American numbers: {@code (202) 555-0143}, {@code 202-555-0143}, {@code 1-800-555-0199}. */
    private void nanp(int k, boolean done) {
        int a = k;
        boolean countryCode = token.length(k) == 1 && text.at(token.start(k)) == '1';
        if (countryCode) {
            a = k + 1;
        }
        if (a + 2 >= token.groups() || token.length(a) != 3 || token.length(a + 1) != 3 || token.length(a + 2) != 4) {
            return;
        }
        int area = token.start(a);
        if (text.at(area) < '2' || text.at(area + 1) == '9' || text.at(token.start(a + 1)) < '2') {
            return; // area codes start with 2-9 and have no 9 second; exchanges start with 2-9
        }
        boolean parenthesised = area > 0 && text.at(area - 1) == '(';
        char s2 = token.separator(a + 2);
        boolean shape;
        if (parenthesised) {
            int gap = token.gap(a + 1);
            int close = token.end(a);
            shape = text.at(close) == ')' && (gap == 1 || (gap == 2 && text.at(close + 1) == ' '))
                    && (s2 == '-' || s2 == ' ');
        } else {
            char s1 = token.separator(a + 1);
            shape = (s1 == '-' || s1 == '.' || s1 == ' ') && s2 == s1;
        }
        if (!shape || !token.endsCleanly(a + 2, done)
                || (a + 3 < token.groups() && token.separator(a + 3) == s2 && s2 != ' ')) {
            return;
        }
        int start = parenthesised && !countryCode ? area - 1 : token.start(k);
        int confidence = parenthesised || s2 == '-' || s2 == '.' ? NANP_PUNCTUATED : NANP_SPACED;
        if (ContextWords.PHONE.before(text, start)) {
            confidence += CONTEXT_BONUS;
        }
        candidates.add(start, token.end(a + 2), PersonalDataType.PHONE, confidence);
    }

    /** National numbers with a trunk prefix: {@code 020 7946 0958}, {@code 07700 900123}, {@code 06 12 34 56 78}. */
    private void national(int k, boolean done) {
        if (token.length(k) < 2) {
            return;
        }
        int count = 0;
        int best = -1;
        for (int m = k; m < token.groups() && m <= k + MOST_NATIONAL; m++) {
            if (m > k && token.length(m) < 2) {
                break;
            }
            count += token.length(m);
            if (count > MOST_NATIONAL) {
                break;
            }
            if (count >= FEWEST_NATIONAL && token.endsCleanly(m, done)) {
                best = m;
            }
        }
        if (best < 0) {
            return;
        }
        boolean plain = best == k;
        int digits = token.digits(k, best);
        if (plain && (digits < 10 || digits > 11)) {
            return;
        }
        if (best == k + 2 && token.length(k) == 3 && token.length(k + 1) == 2 && token.length(k + 2) == 4) {
            return; // 3-2-4 is the shape of a US social security number, not of a phone number
        }
        int s = token.start(k);
        int start = s > 0 && text.at(s - 1) == '(' ? s - 1 : s;
        int confidence = plain ? NATIONAL_PLAIN : NATIONAL_GROUPED;
        if (ContextWords.PHONE.before(text, start)) {
            confidence += CONTEXT_BONUS;
        }
        candidates.add(start, token.end(best), PersonalDataType.PHONE, confidence);
    }
}
