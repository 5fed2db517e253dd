package org.privacykit.detect;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Reads numeric tokens (digit groups joined by at most two separator characters:
 * {@code 4111 1111 1111 1111}, {@code +1 (202) 555-0143}, {@code 192.168.1.42}) and hands each group
 * to the recognizers of numbers as the possible start of a value: cards, phone numbers, national
 * numbers and IPv4 addresses. They share this one buffer of groups.
 *
 * <p>A token is read once. A long one streams through: when {@link #CAPACITY} groups are held, the
 * oldest are evaluated and dropped while the last {@link #LOOKAHEAD} are kept, so memory stays
 * constant and each group is evaluated once.
 */
final class NumberTokens {
    /** Groups kept while a long token streams through. */
    private static final int CAPACITY = 256;
    /** The most groups a window looks ahead: a 19-digit card in groups of one (with room to spare). */
    private static final int LOOKAHEAD = 24;
    /**
     * The fewest digits of any number value but an IPv4 address or an international phone number:
     * a national phone number, an SSN, SIN or BSN has 9. Shorter tokens (dates, times, counts) are
     * not evaluated at all.
     */
    private static final int FEWEST_DIGITS = 9;
    /** The fewest digits of an international phone number after its {@code +}. */
    private static final int FEWEST_DIGITS_AFTER_PLUS = 8;
    /** The groups of an IPv4 address. */
    private static final int IPV4_GROUPS = 4;

    private final ScanText text;
    // a recognizer is null when its type is not looked for
    private final @Nullable Ipv4Recognizer ipv4;
    private final @Nullable CardRecognizer cards;
    private final @Nullable NationalNumberRecognizer nationalNumbers;
    private final @Nullable PhoneRecognizer phones;

    // groups start small and grow to CAPACITY: most texts are short, and a scan is often per log line
    private int[] groupStart = new int[16];
    private int[] groupEnd = new int[16];
    /** Where the separator before each group starts (the previous group's end); the group's start for the first. */
    private int[] separatorStart = new int[16];
    private int groups;
    /** Groups of this token already dropped while streaming. */
    private int dropped;
    private int digits;
    private boolean plus;
    private boolean paren;
    /** The index up to which tokens (or rejected starts) have consumed the text. */
    private int covered;

    NumberTokens(ScanText text, Candidates candidates, boolean ipv4, boolean cards, boolean nationalNumbers,
            boolean phones) {
        this.text = text;
        this.ipv4 = ipv4 ? new Ipv4Recognizer(text, this, candidates) : null;
        this.cards = cards ? new CardRecognizer(text, this, candidates) : null;
        this.nationalNumbers = nationalNumbers ? new NationalNumberRecognizer(text, this, candidates) : null;
        this.phones = phones ? new PhoneRecognizer(text, this, candidates) : null;
    }

    /** Whether {@code i} lies inside a token already read. */
    boolean covers(int i) {
        return i < covered;
    }

    /**
     * Reads the token that may start at {@code i} (a digit, or a {@code +} or {@code (} before one)
     * and evaluates its windows.
     */
    void readAt(int i) {
        if (!text.numberMayStart(i)) {
            // digits glued to a word by a '+' belong to it (x+1234); after a '(' they may start a value: f(10.0.0.1)
            covered = text.at(i) == '(' ? i + 1 : text.digitsEnd(i + 1);
            return;
        }
        covered = read(i);
    }

    private int read(int start) {
        int pos = start;
        char first = text.at(pos);
        plus = first == '+';
        paren = first == '(';
        if (plus || paren) {
            pos++;
        }
        groups = 0;
        dropped = 0;
        digits = 0;
        int previousEnd = -1;
        while (true) {
            int s = pos;
            pos = text.digitsEnd(pos);
            if (groups == CAPACITY) {
                stream();
            } else if (groups == groupStart.length) {
                int grown = Math.min(groups * 2, CAPACITY);
                groupStart = Arrays.copyOf(groupStart, grown);
                groupEnd = Arrays.copyOf(groupEnd, grown);
                separatorStart = Arrays.copyOf(separatorStart, grown);
            }
            groupStart[groups] = s;
            groupEnd[groups] = pos;
            separatorStart[groups] = previousEnd < 0 ? s : previousEnd;
            groups++;
            digits += pos - s;
            int separator = pos;
            previousEnd = pos;
            int k = 0;
            while (pos < text.length && k < 2 && ScanText.isSeparator(text.at(pos))) {
                pos++;
                k++;
            }
            if (k > 0 && text.digitAt(pos) && validSeparator(separator, pos)) {
                continue;
            }
            pos = separator;
            break;
        }
        if (digits >= (plus ? FEWEST_DIGITS_AFTER_PLUS : FEWEST_DIGITS) || dropped + groups >= IPV4_GROUPS) {
            for (int k = 0; k < groups; k++) {
                evaluate(k, true);
            }
        }
        return Math.max(pos, start + 1);
    }

    /** Evaluates and drops the oldest groups, keeping the last {@link #LOOKAHEAD}. */
    private void stream() {
        int drop = CAPACITY - LOOKAHEAD;
        for (int k = 0; k < drop; k++) {
            evaluate(k, false);
        }
        System.arraycopy(groupStart, drop, groupStart, 0, LOOKAHEAD);
        System.arraycopy(groupEnd, drop, groupEnd, 0, LOOKAHEAD);
        System.arraycopy(separatorStart, drop, separatorStart, 0, LOOKAHEAD);
        dropped += drop;
        groups = LOOKAHEAD;
    }

    /** Two separator characters join groups only as {@code ) }, {@code )-}, {@code  (} and {@code -(}. */
    private boolean validSeparator(int from, int to) {
        if (to - from == 1) {
            return true;
        }
        char a = text.at(from);
        char b = text.at(from + 1);
        return (a == ')' && (b == ' ' || b == '-')) || ((a == ' ' || a == '-') && b == '(');
    }

    /** Hands group {@code k} to each recognizer as the first group of a value; {@code done} when the token is read to its end. */
    private void evaluate(int k, boolean done) {
        if (ipv4 != null) {
            ipv4.window(k, done);
        }
        if (cards != null) {
            cards.window(k, done);
        }
        if (nationalNumbers != null) {
            nationalNumbers.window(k, done);
        }
        if (phones != null) {
            phones.window(k, done);
        }
    }

    // ---------------------------------------------------------------- what recognizers ask about groups

    /** The groups held (indexes 0 to this - 1). */
    int groups() {
        return groups;
    }

    int start(int g) {
        return groupStart[g];
    }

    int end(int g) {
        return groupEnd[g];
    }

    int length(int g) {
        return groupEnd[g] - groupStart[g];
    }

    /** The characters between group {@code g} and the one before (0 for the first). */
    int gap(int g) {
        return groupStart[g] - separatorStart[g];
    }

    /** The single separator character before group {@code g}, or 0 when there are two (or none). */
    char separator(int g) {
        return gap(g) == 1 ? text.at(separatorStart[g]) : 0;
    }

    /** Whether the separator before group {@code g} is exactly {@code c}. */
    boolean separatorIs(int g, char c) {
        return separator(g) == c;
    }

    /** Whether group {@code k} is the token's first. */
    boolean first(int k) {
        return dropped + k == 0;
    }

    /** Whether the token starts with a {@code +}. */
    boolean plus() {
        return plus;
    }

    /** Whether the token starts with a {@code (}. */
    boolean paren() {
        return paren;
    }

    /** Whether a window may start at group {@code k}: the token start, or after a space. */
    boolean startsAfterSpace(int k) {
        return first(k) || text.at(separatorStart[k]) == ' ' || text.at(groupStart[k] - 1) == ' ';
    }

    /**
     * Whether a window may end with group {@code m}: at the end of the token followed by a word
     * boundary, or before a separator that starts with a space.
     */
    boolean endsCleanly(int m, boolean done) {
        int e = groupEnd[m];
        if (m == groups - 1) {
            return done && text.endsWord(e) && text.notContinued(e);
        }
        return text.at(e) == ' ' || (text.at(e) == ')' && text.at(e + 1) == ' ');
    }

    /** The digits of groups {@code from} to {@code to}, both included. */
    int digits(int from, int to) {
        int c = 0;
        for (int g = from; g <= to; g++) {
            c += length(g);
        }
        return c;
    }

    /** The value of group {@code g}'s digits. */
    int value(int g) {
        return text.value(groupStart[g], groupEnd[g]);
    }
}
