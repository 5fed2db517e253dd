package org.privacykit.detect;

import java.util.Locale;
import java.util.Objects;

/**
 * The check-digit algorithms the detector uses to tell real identifiers from look-alikes, public
 * so that fixtures and fakes can be validated and built with them: Luhn (payment cards, Canadian
 * SINs), ISO 7064 mod 97-10 (IBANs), the Dutch eleven-test (BSN) and the Spanish DNI letter.
 * Stateless and thread-safe; no method throws on malformed input except where documented.
 */
public final class Checksums {
    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    private Checksums() {
    }

    /**
     * Tells whether a number passes the Luhn check. Separators (spaces, dashes) are skipped; any
     * other non-digit fails.
     *
     * @param number the number, such as {@code 4111 1111 1111 1111}
     * @return {@code true} when it has at least two digits and its Luhn sum is a multiple of 10
     */
    public static boolean luhnValid(CharSequence number) {
        Objects.requireNonNull(number, "number");
        return luhnValid(number, 0, number.length());
    }

    /** {@link #luhnValid(CharSequence)} on {@code number[from, to)}: how the detector checks a candidate in place. */
    static boolean luhnValid(CharSequence number, int from, int to) {
        long sum = luhnSum(number, from, to, false);
        return sum >= 0 && sum >>> 32 >= 2 && (int) sum % 10 == 0;
    }

    /**
     * Returns the Luhn check digit to append to a number.
     *
     * @param digits the number without its check digit, digits only
     * @return the check digit, {@code '0'} to {@code '9'}
     * @throws IllegalArgumentException when the input is empty or holds a non-digit
     */
    public static char luhnCheckDigit(CharSequence digits) {
        Objects.requireNonNull(digits, "digits");
        if (digits.length() == 0) {
            throw new IllegalArgumentException("no digits");
        }
        for (int i = 0; i < digits.length(); i++) {
            if (!isDigit(digits.charAt(i))) {
                throw new IllegalArgumentException("not a digit at index " + i);
            }
        }
        // the digits move one place left once the check digit is appended: the rightmost is doubled
        int sum = (int) luhnSum(digits, 0, digits.length(), true);
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /**
     * The one Luhn sum: digits from the right, every second one doubled (its digits added), spaces
     * and dashes skipped.
     *
     * @param doubleRightmost whether the rightmost digit is doubled (when the check digit is still to come)
     * @return the count of digits in the high 32 bits and the sum in the low ones; -1 when a character
     *         other than a digit, a space or a dash occurs
     */
    private static long luhnSum(CharSequence s, int from, int to, boolean doubleRightmost) {
        int sum = 0;
        int count = 0;
        for (int i = to - 1; i >= from; i--) {
            char c = s.charAt(i);
            if (c == ' ' || c == '-') {
                continue;
            }
            if (!isDigit(c)) {
                return -1;
            }
            int d = c - '0';
            if ((count & 1) == 1 != doubleRightmost) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            count++;
        }
        return (long) count << 32 | sum;
    }

    /**
     * Tells whether a text is a valid IBAN: a country this library knows, that country's length,
     * upper-case letters and digits, and check digits that pass ISO 7064 mod 97-10. Single spaces
     * between characters are ignored.
     *
     * @param iban the IBAN, such as {@code DE89 3704 0044 0532 0130 00}
     * @return {@code true} when valid
     */
    public static boolean ibanValid(CharSequence iban) {
        Objects.requireNonNull(iban, "iban");
        char[] compact = new char[IbanCountries.LONGEST];
        int length = 0;
        for (int i = 0; i < iban.length(); i++) {
            char c = iban.charAt(i);
            if (c == ' ') {
                continue;
            }
            if (!(isUpper(c) || isDigit(c)) || length == compact.length) {
                return false;
            }
            compact[length++] = c;
        }
        if (length < 5) {
            return false;
        }
        int expected = IbanCountries.length(compact[0], compact[1]);
        if (expected != length || !isDigit(compact[2]) || !isDigit(compact[3])) {
            return false;
        }
        return ibanRemainder(compact, length) == 1;
    }

    /**
     * Returns the two check digits of an IBAN from its country code and BBAN.
     *
     * @param country the two-letter country code, such as {@code GB}
     * @param bban the basic bank account number, upper-case letters and digits
     * @return the check digits, {@code "02"} to {@code "98"}
     * @throws IllegalArgumentException when the country is not two letters or the BBAN holds other characters
     */
    public static String ibanCheckDigits(String country, String bban) {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(bban, "bban");
        String cc = country.toUpperCase(Locale.ROOT);
        if (cc.length() != 2 || !isUpper(cc.charAt(0)) || !isUpper(cc.charAt(1))) {
            throw new IllegalArgumentException("a country code is two letters");
        }
        for (int i = 0; i < bban.length(); i++) {
            char c = bban.charAt(i);
            if (!(isUpper(c) || isDigit(c))) {
                throw new IllegalArgumentException("a BBAN holds upper-case letters and digits only (index " + i + ")");
            }
        }
        char[] iban = (cc + "00" + bban).toCharArray();
        int check = 98 - ibanRemainder(iban, iban.length);
        return check < 10 ? "0" + check : Integer.toString(check);
    }

    /**
     * The one IBAN check: the mod-97 remainder of an IBAN's characters moved as ISO 13616 says (the
     * first four to the end), letters counting 10 to 35. A valid IBAN leaves 1.
     *
     * @param compact upper-case letters and digits, without separators
     * @param length how many of them
     */
    static int ibanRemainder(char[] compact, int length) {
        int remainder = 0;
        for (int k = 0; k < length; k++) {
            char c = compact[(k + 4) % length];
            if (isDigit(c)) {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else {
                int value = c - 'A' + 10;
                remainder = (remainder * 100 + value) % 97;
            }
        }
        return remainder;
    }

    /**
     * Tells whether nine digits pass the Dutch eleven-test of a BSN (burgerservicenummer).
     *
     * @param digits nine digits
     * @return {@code true} when valid
     */
    public static boolean bsnValid(CharSequence digits) {
        Objects.requireNonNull(digits, "digits");
        return bsnValid(digits, 0, digits.length());
    }

    /** {@link #bsnValid(CharSequence)} on {@code digits[from, to)}. */
    static boolean bsnValid(CharSequence digits, int from, int to) {
        if (to - from != 9) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            char c = digits.charAt(from + i);
            if (!isDigit(c)) {
                return false;
            }
            int weight = i == 8 ? -1 : 9 - i;
            sum += weight * (c - '0');
        }
        return sum != 0 && sum % 11 == 0;
    }

    /**
     * Returns the control letter of a Spanish DNI number (also used by the NIE after its first
     * letter is replaced: X by 0, Y by 1, Z by 2).
     *
     * @param number the number, 0 to 99,999,999
     * @return the letter
     * @throws IllegalArgumentException when the number is out of range
     */
    public static char dniLetter(int number) {
        if (number < 0 || number > 99_999_999) {
            throw new IllegalArgumentException("a DNI number has at most eight digits");
        }
        return DNI_LETTERS.charAt(number % 23);
    }

    private static boolean isDigit(char c) {
        return ScanText.isDigit(c);
    }

    private static boolean isUpper(char c) {
        return ScanText.isUpper(c);
    }
}
