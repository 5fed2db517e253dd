package org.privacykit.detect;

import java.util.List;

/**
 * Issuer identification number ranges of the card schemes, with the lengths each issues (ISO/IEC
 * 7812; public IIN tables as of 2025). A number that passes Luhn but starts in no range, or has a
 * length its scheme does not issue, is not reported as a card: this is what keeps 13-digit
 * epoch-millisecond timestamps (which start with 1) and most order numbers out.
 *
 * <p>Discontinued schemes (Laser, Solo, Switch) and schemes that do not use Luhn (Diners Club
 * enRoute) are left out.
 */
final class CardIssuers {
    /** How a number fits the table. */
    enum Fit {
        /** No scheme issues it. */
        NONE,
        /** A scheme issues it. */
        CARD,
        /**
         * A scheme issues it, but plain numbers of this form are common ids: UATP and GPN numbers start
         * with 1, as do user ids, epoch-based ids and timestamps.
         */
        CARD_OR_ID
    }

    /** Numbers whose first {@code prefixLength} digits lie in {@code [low, high]}, in the lengths set in {@code lengths}. */
    private record Range(String scheme, int prefixLength, int low, int high, int lengths, boolean sharedWithIds) {
        boolean holds(int firstSix, int length) {
            int prefix = firstSix / POWERS[6 - prefixLength];
            return prefix >= low && prefix <= high && (lengths & 1 << length) != 0;
        }
    }

    private static final int[] POWERS = {1, 10, 100, 1000, 10_000, 100_000};
    private static final int[] SIXTEEN = {16};
    private static final int[] SIXTEEN_TO_NINETEEN = {16, 17, 18, 19};
    private static final int[] MAESTRO = {13, 14, 15, 16, 17, 18, 19};
    private static final int[] DINERS = {14, 15, 16, 17, 18, 19};

    private static final List<Range> RANGES = List.of(
            range("Visa (Electron, Dankort co-badge)", 1, 4, 4, 13, 16, 19),
            range("Mastercard", 2, 51, 55, SIXTEEN),
            range("Mastercard 2-series", 4, 2221, 2720, SIXTEEN),
            range("American Express", 2, 34, 34, 15),
            range("American Express", 2, 37, 37, 15),
            range("Discover", 4, 6011, 6011, SIXTEEN_TO_NINETEEN),
            range("Discover", 3, 644, 649, SIXTEEN_TO_NINETEEN),
            range("Discover, RuPay, Troy, Elo", 2, 65, 65, SIXTEEN_TO_NINETEEN),
            range("UnionPay (Discover co-badge, Elo)", 2, 62, 62, SIXTEEN_TO_NINETEEN),
            range("UnionPay 81, RuPay 82", 2, 81, 82, SIXTEEN_TO_NINETEEN),
            range("China T-Union", 2, 31, 31, 19),
            range("JCB (RuPay, LankaPay co-badges)", 4, 3528, 3589, SIXTEEN_TO_NINETEEN),
            range("Diners Club International", 3, 300, 305, DINERS),
            range("Diners Club International", 4, 3095, 3095, DINERS),
            range("Diners Club International", 2, 36, 36, DINERS),
            range("Diners Club, Hipercard", 2, 38, 39, SIXTEEN_TO_NINETEEN),
            range("Mir", 4, 2200, 2204, SIXTEEN_TO_NINETEEN),
            range("BORICA", 4, 2205, 2205, SIXTEEN),
            range("Maestro", 4, 5018, 5018, MAESTRO),
            range("Dankort", 4, 5019, 5019, SIXTEEN),
            range("Maestro", 4, 5020, 5020, MAESTRO),
            range("Maestro", 4, 5038, 5038, MAESTRO),
            range("Maestro", 4, 5893, 5893, MAESTRO),
            range("Maestro", 4, 6304, 6304, MAESTRO),
            range("Maestro", 4, 6759, 6759, MAESTRO),
            range("Maestro", 4, 6761, 6763, MAESTRO),
            range("Maestro UK", 6, 676770, 676770, MAESTRO),
            range("Maestro UK", 6, 676774, 676774, MAESTRO),
            range("RuPay, GPN", 2, 60, 60, SIXTEEN),
            range("UkrCard", 6, 604001, 604200, SIXTEEN_TO_NINETEEN),
            range("Hipercard", 6, 606282, 606282, 16, 19),
            range("RuPay", 3, 508, 508, SIXTEEN),
            range("Elo", 6, 504175, 504175, SIXTEEN),
            range("Elo", 6, 506699, 506778, SIXTEEN),
            range("Elo", 4, 5090, 5099, SIXTEEN),
            range("Verve", 6, 506099, 506198, SIXTEEN_TO_NINETEEN),
            range("Verve", 6, 507865, 507964, 16, 18, 19),
            range("Verve", 6, 650002, 650027, SIXTEEN_TO_NINETEEN),
            range("GPN", 2, 50, 50, 16, 18, 19),
            range("GPN", 2, 56, 56, 16, 18, 19),
            range("GPN", 2, 58, 58, 16, 18, 19),
            range("GPN", 2, 60, 63, 16, 18, 19),
            range("InterPayment", 3, 636, 636, SIXTEEN_TO_NINETEEN),
            range("InstaPayment", 3, 637, 639, SIXTEEN),
            range("UzCard", 4, 8600, 8600, SIXTEEN),
            range("Napas", 4, 9704, 9704, 16, 19),
            range("Troy", 4, 9792, 9792, SIXTEEN),
            range("Humo", 4, 9860, 9860, SIXTEEN),
            sharedWithIds(range("UATP", 1, 1, 1, 15)),
            sharedWithIds(range("GPN", 4, 1946, 1946, 16, 18, 19)));

    /** The ranges by the first digit of the numbers they hold: a number is tested against those of its own digit only. */
    private static final Range[][] BY_FIRST_DIGIT = new Range[10][];
    /** The lengths issued under each first digit: a number of another length (a 13-digit timestamp) fits no range there. */
    private static final int[] LENGTHS_BY_FIRST_DIGIT = new int[10];

    static {
        for (int digit = 0; digit < 10; digit++) {
            int d = digit;
            BY_FIRST_DIGIT[d] = RANGES.stream().filter(r -> firstDigit(r, r.low()) == d).toArray(Range[]::new);
            for (Range r : BY_FIRST_DIGIT[d]) {
                if (firstDigit(r, r.high()) != d) {
                    throw new IllegalStateException(r.scheme() + ": a range must not span first digits");
                }
                LENGTHS_BY_FIRST_DIGIT[d] |= r.lengths();
            }
        }
    }

    private CardIssuers() {
    }

    private static int firstDigit(Range r, int prefix) {
        return prefix / POWERS[r.prefixLength() - 1];
    }

    private static Range range(String scheme, int prefixLength, int low, int high, int... lengths) {
        int set = 0;
        for (int length : lengths) {
            set |= 1 << length;
        }
        return new Range(scheme, prefixLength, low, high, set, false);
    }

    private static Range sharedWithIds(Range r) {
        return new Range(r.scheme(), r.prefixLength(), r.low(), r.high(), r.lengths(), true);
    }

    /**
     * Tells whether a scheme issues a number that starts this way and has this length.
     *
     * @param firstSix the number's first six digits, as a number
     * @param length how many digits it has
     * @return how the number fits: {@link Fit#CARD} when any range that holds it is a card range alone
     */
    static Fit fit(int firstSix, int length) {
        int digit = firstSix / POWERS[5];
        if ((LENGTHS_BY_FIRST_DIGIT[digit] & 1 << length) == 0) {
            return Fit.NONE;
        }
        Fit fit = Fit.NONE;
        for (Range range : BY_FIRST_DIGIT[digit]) {
            if (range.holds(firstSix, length)) {
                if (!range.sharedWithIds()) {
                    return Fit.CARD;
                }
                fit = Fit.CARD_OR_ID;
            }
        }
        return fit;
    }
}
