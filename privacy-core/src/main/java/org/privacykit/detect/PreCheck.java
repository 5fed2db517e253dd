package org.privacykit.detect;

import static org.privacykit.detect.ScanText.isDigit;
import static org.privacykit.detect.ScanText.isUpper;

import java.util.Set;

import org.privacykit.annotation.PersonalDataType;

/**
 * One cheap pass that tells which recognizers can find anything in a text, so that most log lines
 * (words, short numbers, dates, times) are done after it. Each condition is necessary, never
 * sufficient:
 * <ul>
 *   <li>numbers: a chain of digits joined by at most two separator characters (what
 *       {@link NumberTokens} reads) with 9 digits (the fewest of a national phone number, an SSN,
 *       SIN or BSN; a NANP number has 10, a card 13), 8 after a {@code +} (the shortest
 *       international phone number), or 3 dots (an IPv4 address);</li>
 *   <li>e-mail: an {@code @};</li>
 *   <li>IPv6: two colons in one run of hex digits, colons and dots (what {@link Ipv6Recognizer} reads);</li>
 *   <li>codes: 9 capital letters or digits, one of them a letter, joined by at most one space or
 *       hyphen each (the shortest NINO, DNI or NIE; an IBAN has 15), or, after the word
 *       "passport", 6 of them in a row (the shortest passport number); in small letters, a single
 *       letter right after 6 digits or more, closing 9 small letters and digits joined the same way
 *       (a NINO's suffix or a DNI's or NIE's control letter: {@code pr 123612c}, {@code 12345678z}),
 *       or two small letters that name an IBAN country right before two digits (its check
 *       digits: {@code de89}).</li>
 * </ul>
 * {@code PiiPreCheckTest} checks that a scan gated by this pass finds exactly what a full scan finds.
 */
final class PreCheck {
    static final int NUMBERS = 1;
    static final int EMAILS = 2;
    static final int IPV6 = 4;
    static final int CODES = 8;
    static final int ALL = NUMBERS | EMAILS | IPV6 | CODES;
    /** The text is read in chunks of this many characters into an array. */
    private static final int CHUNK = 512;

    private PreCheck() {
    }

    /** The bits of the passes that can find one of these types. */
    static int wanted(Set<PersonalDataType> types) {
        int wanted = 0;
        if (types.contains(PersonalDataType.PHONE) || types.contains(PersonalDataType.PAYMENT_CARD)
                || types.contains(PersonalDataType.IP_ADDRESS) || types.contains(PersonalDataType.NATIONAL_ID)) {
            wanted |= NUMBERS;
        }
        if (types.contains(PersonalDataType.EMAIL)) {
            wanted |= EMAILS;
        }
        if (types.contains(PersonalDataType.IP_ADDRESS)) {
            wanted |= IPV6;
        }
        if (types.contains(PersonalDataType.IBAN) || types.contains(PersonalDataType.NATIONAL_ID)
                || types.contains(PersonalDataType.PASSPORT)) {
            wanted |= CODES;
        }
        return wanted;
    }

    /**
     * Tells which passes to run on a text.
     *
     * @param t the text
     * @param wanted the bits of the passes the detector's types need ({@link #wanted(Set)})
     * @return the bits, among {@code wanted}, of the passes to run
     */
    static int passes(String t, int wanted) {
        int passes = 0;
        int colons = 0; // colons in the current run of hex digits, colons and dots
        int digits = 0; // digits in the current chain
        int dots = 0; // dots in the current chain
        int gap = 0; // separator characters since the chain's last digit
        boolean plus = false; // the chain follows a '+'
        int code = 0; // capitals and digits in the current run
        int tight = 0; // the same with nothing between them
        boolean letter = false; // the run holds a capital
        boolean joined = false; // the run's last character was a space or a hyphen
        boolean passport = false; // the word "passport" came before
        int small = 0; // small letters (in runs of at most two) and digits in the current run
        int smallDigits = 0; // the digits among them
        boolean afterDigit = false; // the last character other than a space or hyphen was a digit
        int smallRun = 0; // small letters in a row up to here
        int pairDigits = 0; // digits in a row right after two small letters
        // read in chunks into a plain array: no per-character coder or bounds checks, and little memory for long texts
        char[] a = new char[Math.min(t.length(), CHUNK)];
        for (int base = 0; base < t.length() && (passes & wanted) != wanted; base += a.length) {
            int n = Math.min(a.length, t.length() - base);
            t.getChars(base, base + n, a, 0);
            for (int i = 0; i < n; i++) {
                char c = a[i];
                int found = 0;
                if (c >= 'a' && c <= 'z') {
                    // a run of small letters (most of a log line) ends every chain and run at once;
                    // the context word can only start where the run starts
                    if (c == 'p' && !passport) {
                        passport = t.regionMatches(true, base + i, "passport", 0, 8);
                    }
                    int run = 1;
                    boolean hex = c <= 'f';
                    while (i + 1 < n && a[i + 1] >= 'a' && a[i + 1] <= 'z') {
                        i++;
                        run++;
                        hex &= a[i] <= 'f';
                    }
                    if (!hex) {
                        colons = 0;
                    }
                    digits = 0;
                    dots = 0;
                    gap = 0;
                    plus = false;
                    code = 0;
                    tight = 0;
                    letter = false;
                    joined = false;
                    pairDigits = 0;
                    smallRun += run;
                    if (smallRun > 2) {
                        small = 0; // a word, not the letters of a code
                        smallDigits = 0;
                    } else {
                        small += run;
                        if (smallRun == 1 && afterDigit && small >= 9 && smallDigits >= 6) {
                            found = CODES; // a control letter after the digits of a NINO, DNI or NIE
                        }
                    }
                    afterDigit = false;
                } else if (isDigit(c)) {
                    if (gap > 2) {
                        digits = 0;
                        dots = 0;
                        plus = false;
                    }
                    gap = 0;
                    digits++;
                    code++;
                    tight++;
                    joined = false;
                    small++;
                    smallDigits++;
                    afterDigit = true;
                    pairDigits = smallRun == 2 ? 1 : pairDigits > 0 ? pairDigits + 1 : 0;
                    smallRun = 0;
                    if (digits >= 9 || (digits >= 8 && plus) || dots >= 3) {
                        found = NUMBERS;
                    }
                    if ((code >= 9 && letter) || (tight >= 6 && passport) || (pairDigits == 2 && country(t, base + i - 3))) {
                        found |= CODES;
                    }
                } else if (isUpper(c)) {
                    if (c > 'F') {
                        colons = 0;
                    }
                    digits = 0;
                    dots = 0;
                    gap = 0;
                    plus = false;
                    code++;
                    tight++;
                    letter = true;
                    joined = false;
                    small = 0;
                    smallDigits = 0;
                    afterDigit = false;
                    smallRun = 0;
                    pairDigits = 0;
                    if (code >= 9 || (tight >= 6 && passport)) {
                        found = CODES;
                    }
                    if (c == 'P' && !passport) {
                        passport = t.regionMatches(true, base + i, "passport", 0, 8);
                    }
                } else if (ScanText.isSeparator(c)) {
                    if (c != '.') {
                        colons = 0;
                    }
                    gap++;
                    if (c == '.') {
                        dots++;
                    }
                    tight = 0;
                    smallRun = 0;
                    pairDigits = 0;
                    if ((c == ' ' || c == '-') && !joined) {
                        joined = true;
                    } else {
                        code = 0;
                        letter = false;
                        joined = false;
                        small = 0;
                        smallDigits = 0;
                        afterDigit = false;
                    }
                } else {
                    if (c == '@') {
                        found = EMAILS;
                    } else if (c == ':') {
                        if (++colons >= 2) {
                            found = IPV6;
                        }
                    } else {
                        colons = 0;
                    }
                    digits = 0;
                    dots = 0;
                    gap = 0;
                    plus = c == '+';
                    code = 0;
                    tight = 0;
                    letter = false;
                    joined = false;
                    small = 0;
                    smallDigits = 0;
                    afterDigit = false;
                    smallRun = 0;
                    pairDigits = 0;
                }
                if (found != 0) {
                    passes |= found & wanted;
                    if (passes == wanted) {
                        return passes; // everything the types need runs: stop looking
                    }
                }
            }
        }
        return passes;
    }

    /** Whether the two small letters at {@code at} name a country with IBANs. */
    private static boolean country(String t, int at) {
        return IbanCountries.length((char) (t.charAt(at) - 32), (char) (t.charAt(at + 1) - 32)) != 0;
    }
}
