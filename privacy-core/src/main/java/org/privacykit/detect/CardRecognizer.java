package org.privacykit.detect;

import org.privacykit.annotation.PersonalDataType;

/**
 * Payment card numbers among the digit groups of a number: 13 to 19 digits, plain or grouped by
 * spaces or dashes, that pass Luhn and start in an issuer's range with a length it issues
 * ({@link CardIssuers}). Numbers of the schemes that start with 1 (UATP, GPN) are reported plain
 * only after a word such as "card", since ids and timestamps start with 1 too.
 */
final class CardRecognizer {
    /** Grouped as cards are printed, Luhn-valid, in an issuer's range: hardly anything else looks like that. */
    private static final int GROUPED = 950;
    /** One plain run of digits: Luhn passes one number in ten, so some long ids look like this. */
    private static final int PLAIN = 850;
    /** "card", "visa" or the like just before. */
    private static final int CONTEXT_BONUS = 50;
    /** A 1-prefixed scheme (UATP, GPN) written in groups: cards are printed so, ids seldom are. */
    private static final int GROUPED_ID_LIKE = 750;
    /**
     * A plain 1-prefixed number (UATP's 15 digits): as often a user id or an epoch-based id, so under
     * the default threshold unless a card word stands before.
     */
    private static final int PLAIN_ID_LIKE = 450;
    /** "card", "uatp" or the like before a 1-prefixed number. */
    private static final int ID_LIKE_CONTEXT_BONUS = 150;
    private static final int FEWEST_DIGITS = 13;
    private static final int MOST_DIGITS = 19;
    /** A group after the first holds 2 to 6 digits (4-4-4-4, 4-6-5, 4-4-4-4-3). */
    private static final int SHORTEST_GROUP = 2;
    private static final int LONGEST_GROUP = 6;
    /** A grouped card starts with a group of four. */
    private static final int FIRST_GROUP = 4;

    private final ScanText text;
    private final NumberTokens token;
    private final Candidates candidates;

    CardRecognizer(ScanText text, NumberTokens token, Candidates candidates) {
        this.text = text;
        this.token = token;
        this.candidates = candidates;
    }

    /** Looks for a card number whose first digits are group {@code k}. */
    void window(int k, boolean done) {
        if ((token.first(k) && (token.plus() || token.paren())) || !token.startsAfterSpace(k)) {
            return;
        }
        if (k > 0 && token.length(k - 1) == FIRST_GROUP && token.length(k) == FIRST_GROUP
                && (token.separator(k) == ' ' || token.separator(k) == '-')) {
            return; // the tail of a longer run of groups of four, such as an IBAN's digits, is no card
        }
        int count = 0;
        char uniform = 0;
        for (int m = k; m < token.groups() && m <= k + MOST_DIGITS; m++) {
            int length = token.length(m);
            if (m > k) {
                char s = token.separator(m);
                if ((s != ' ' && s != '-') || (uniform != 0 && s != uniform) || length < SHORTEST_GROUP
                        || length > LONGEST_GROUP || token.length(k) != FIRST_GROUP) {
                    return;
                }
                uniform = s;
            }
            count += length;
            if (count > MOST_DIGITS) {
                return;
            }
            if (count >= FEWEST_DIGITS && token.endsCleanly(m, done)
                    && (m == token.groups() - 1 || uniform == 0 || token.separator(m + 1) != uniform)) {
                CardIssuers.Fit fit = CardIssuers.fit(firstSix(token.start(k)), count);
                if (fit != CardIssuers.Fit.NONE && Checksums.luhnValid(text, token.start(k), token.end(m))) {
                    add(token.start(k), token.end(m), m > k, fit == CardIssuers.Fit.CARD_OR_ID);
                }
            }
        }
    }

    private void add(int start, int end, boolean grouped, boolean idLike) {
        boolean named = ContextWords.CARD.before(text, start);
        int confidence;
        if (idLike) {
            confidence = (grouped ? GROUPED_ID_LIKE : PLAIN_ID_LIKE) + (named ? ID_LIKE_CONTEXT_BONUS : 0);
        } else {
            confidence = (grouped ? GROUPED : PLAIN) + (named ? CONTEXT_BONUS : 0);
        }
        candidates.add(start, end, PersonalDataType.PAYMENT_CARD, confidence);
    }

    /** The first six digits from {@code from}, skipping the separators between groups. */
    private int firstSix(int from) {
        int value = 0;
        for (int p = from, read = 0; read < 6; p++) {
            char c = text.at(p);
            if (ScanText.isDigit(c)) {
                value = value * 10 + (c - '0');
                read++;
            }
        }
        return value;
    }
}
