package org.privacykit.detect;

/**
 * Issuer identification number ranges of the major card schemes, with the lengths each issues
 * (ISO/IEC 7812). A number that passes Luhn but starts in no range, or has a length its scheme does
 * not issue, is not reported as a card: this is what keeps 13-digit epoch-millisecond timestamps
 * (which start with 1) and most order numbers out.
 */
final class CardIssuers {
    /** prefix length, low prefix, high prefix, shortest length, longest length. */
    private static final int[][] RANGES = {
        {1, 4, 4, 13, 19},                // Visa (13, 16 and 19 are issued; 14, 15, 17, 18 rejected below)
        {2, 51, 55, 16, 16},              // Mastercard
        {4, 2221, 2720, 16, 16},          // Mastercard 2-series
        {2, 34, 34, 15, 15},              // American Express
        {2, 37, 37, 15, 15},              // American Express
        {4, 6011, 6011, 16, 19},          // Discover
        {3, 644, 649, 16, 19},            // Discover
        {2, 65, 65, 16, 19},              // Discover, RuPay
        {2, 62, 62, 16, 19},              // UnionPay
        {2, 81, 82, 16, 19},              // UnionPay 81, RuPay 82
        {4, 3528, 3589, 16, 19},          // JCB
        {3, 300, 305, 14, 19},            // Diners Club International
        {4, 3095, 3095, 14, 19},          // Diners Club International
        {2, 36, 36, 14, 19},              // Diners Club International
        {2, 38, 39, 16, 19},              // Diners Club
        {4, 2200, 2204, 16, 19},          // Mir
        {4, 5018, 5018, 13, 19},          // Maestro
        {4, 5020, 5020, 13, 19},          // Maestro
        {4, 5038, 5038, 13, 19},          // Maestro
        {4, 5893, 5893, 13, 19},          // Maestro
        {4, 6304, 6304, 13, 19},          // Maestro
        {4, 6759, 6759, 13, 19},          // Maestro
        {4, 6761, 6763, 13, 19},          // Maestro
        {2, 60, 60, 16, 16},              // RuPay
        {3, 508, 508, 16, 16},            // RuPay
        {6, 506099, 506198, 16, 19},      // Verve
        {6, 650002, 650027, 16, 19},      // Verve
    };

    private CardIssuers() {
    }

    /** Whether digits[0, length) start in a known range and have a length that range issues. */
    static boolean known(char[] digits, int length) {
        if (length < 13 || length > 19) {
            return false;
        }
        for (int[] range : RANGES) {
            int prefixLength = range[0];
            int prefix = 0;
            for (int i = 0; i < prefixLength; i++) {
                prefix = prefix * 10 + (digits[i] - '0');
            }
            if (prefix >= range[1] && prefix <= range[2] && length >= range[3] && length <= range[4]) {
                return range[1] != 4 || length == 13 || length == 16 || length == 19;
            }
        }
        return false;
    }
}
