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
        int sum = 0;
        int count = 0;
        for (int i = number.length() - 1; i >= 0; i--) {
            char c = number.charAt(i);
            if (c == ' ' || c == '-') {
                continue;
            }
            if (c < '0' || c > '9') {
                return false;
            }
            int d = c - '0';
            if ((count & 1) == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            count++;
        }
        return count >= 2 && sum % 10 == 0;
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
        int sum = 0;
        for (int i = digits.length() - 1, position = 0; i >= 0; i--, position++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at index " + i);
            }
            int d = c - '0';
            if ((position & 1) == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
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
        StringBuilder compact = new StringBuilder(34);
        for (int i = 0; i < iban.length(); i++) {
            char c = iban.charAt(i);
            if (c == ' ') {
                continue;
            }
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) || compact.length() == 34) {
                return false;
            }
            compact.append(c);
        }
        if (compact.length() < 5) {
            return false;
        }
        int expected = IbanCountries.length(compact.charAt(0), compact.charAt(1));
        if (expected != compact.length() || !isDigit(compact.charAt(2)) || !isDigit(compact.charAt(3))) {
            return false;
        }
        return ibanRemainder(compact, 0, compact.length()) == 1;
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
        String rearranged = cc + "00" + bban;
        int check = 98 - ibanRemainder(rearranged, 0, rearranged.length());
        return check < 10 ? "0" + check : Integer.toString(check);
    }

    /** The mod-97 remainder of an IBAN's characters moved as ISO 13616 says (first four to the end). */
    static int ibanRemainder(CharSequence compact, int from, int to) {
        int remainder = 0;
        int length = to - from;
        for (int k = 0; k < length; k++) {
            char c = compact.charAt(from + (k + 4) % length);
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
        if (digits.length() != 9) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            char c = digits.charAt(i);
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

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
