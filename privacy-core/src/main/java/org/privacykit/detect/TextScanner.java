package org.privacykit.detect;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.PersonalDataType;

/**
 * One scan of one text: a single forward pass that hands each place where a value may start to the
 * recognizers that can find it there. Words are skipped whole; a word start that is a digit goes to
 * the numbers ({@link NumberTokens}) and the codes that start with a digit, a capital to the codes
 * (IBAN, NINO, NIE, passport), an {@code @} to the e-mail recognizer, a colon to the IPv6 one.
 *
 * <p>Every recognizer reads a bounded stretch of text around its start (an e-mail's local part at
 * most 65 characters back, a domain 254 forward, a number token once), so a scan is linear in the
 * length of the text whatever it holds. There are no regular expressions, so nothing can
 * backtrack. The recognizers propose candidates; {@link Candidates} resolves their overlaps.
 */
final class TextScanner {
    private final ScanText text;
    private final Candidates candidates;
    // a recognizer is null when none of its types is looked for
    private final @Nullable NumberTokens numbers;
    private final @Nullable EmailRecognizer emails;
    private final @Nullable Ipv6Recognizer ipv6;
    private final @Nullable IbanRecognizer ibans;
    private final @Nullable NinoRecognizer ninos;
    private final @Nullable SpanishIdRecognizer spanishIds;
    private final @Nullable PassportRecognizer passports;

    TextScanner(String text, Set<PersonalDataType> types, int minConfidence) {
        this(new ScanText(text), types, minConfidence);
    }

    TextScanner(ScanText text, Set<PersonalDataType> types, int minConfidence) {
        this(text, types, new Candidates(minConfidence));
    }

    /** A scan whose candidates go to {@code candidates}: {@code PiiDetectorLinearTimeTest} passes one that counts its work. */
    TextScanner(ScanText text, Set<PersonalDataType> types, Candidates candidates) {
        this.text = text;
        this.candidates = candidates;
        boolean ip = types.contains(PersonalDataType.IP_ADDRESS);
        boolean cards = types.contains(PersonalDataType.PAYMENT_CARD);
        boolean nationalIds = types.contains(PersonalDataType.NATIONAL_ID);
        boolean phones = types.contains(PersonalDataType.PHONE);
        this.numbers = ip || cards || nationalIds || phones
                ? new NumberTokens(text, candidates, ip, cards, nationalIds, phones) : null;
        this.emails = types.contains(PersonalDataType.EMAIL) ? new EmailRecognizer(text, candidates) : null;
        this.ipv6 = ip ? new Ipv6Recognizer(text, candidates) : null;
        this.ibans = types.contains(PersonalDataType.IBAN) ? new IbanRecognizer(text, candidates) : null;
        this.ninos = nationalIds ? new NinoRecognizer(text, candidates) : null;
        this.spanishIds = nationalIds ? new SpanishIdRecognizer(text, candidates) : null;
        this.passports = types.contains(PersonalDataType.PASSPORT) ? new PassportRecognizer(text, candidates) : null;
    }

    /** Runs every pass, whatever the text holds: the reference that the pre-check is tested against. */
    List<PiiFinding> scanAll() {
        return scan(PreCheck.ALL);
    }

    /**
     * Runs the passes whose bits are set.
     *
     * @param passes bits of {@link PreCheck}
     * @return the findings, ordered by position
     */
    List<PiiFinding> scan(int passes) {
        @Nullable NumberTokens numbers = (passes & PreCheck.NUMBERS) != 0 ? this.numbers : null;
        @Nullable EmailRecognizer emails = (passes & PreCheck.EMAILS) != 0 ? this.emails : null;
        @Nullable Ipv6Recognizer ipv6 = (passes & PreCheck.IPV6) != 0 ? this.ipv6 : null;
        boolean codes = (passes & PreCheck.CODES) != 0;
        @Nullable IbanRecognizer ibans = codes ? this.ibans : null;
        @Nullable NinoRecognizer ninos = codes ? this.ninos : null;
        @Nullable SpanishIdRecognizer spanishIds = codes ? this.spanishIds : null;
        @Nullable PassportRecognizer passports = codes ? this.passports : null;
        int n = text.length;
        int ipv6Covered = 0;
        int i = 0;
        while (i < n) {
            char c = text.at(i);
            if (ScanText.isWordChar(c)) {
                // a word start: codes may start here unless an e-mail's @ comes just before
                int end = text.wordEnd(i + 1);
                boolean code = i == 0 || text.at(i - 1) != '@';
                if (ScanText.isDigit(c)) {
                    // digits glued to letters (a hex id, "123Z") end in a word: no number value there
                    if (numbers != null && !numbers.covers(i) && text.digitsEnd(i + 1) >= end) {
                        numbers.readAt(i);
                    }
                    if (code && spanishIds != null) {
                        spanishIds.at(i, end);
                    }
                    if (code && passports != null) {
                        passports.at(i, end);
                    }
                } else if (ScanText.isUpper(c) && code) {
                    if (ibans != null) {
                        ibans.at(i, end);
                    }
                    if (ninos != null) {
                        ninos.at(i, end);
                    }
                    if (spanishIds != null) {
                        spanishIds.at(i, end);
                    }
                    if (passports != null) {
                        passports.at(i, end);
                    }
                } else if (codes && code && smallCodeMayStart(i, end)) {
                    if (ibans != null) {
                        ibans.at(i, end);
                    }
                    if (ninos != null) {
                        ninos.at(i, end);
                    }
                    if (spanishIds != null) {
                        spanishIds.at(i, end);
                    }
                }
                i = end;
            } else {
                if (c == '@') {
                    if (emails != null) {
                        emails.at(i);
                    }
                } else if (c == ':') {
                    if (ipv6 != null && i >= ipv6Covered) {
                        ipv6Covered = ipv6.atColon(i);
                    }
                } else if ((c == '+' || c == '(') && numbers != null && !numbers.covers(i) && text.digitAt(i + 1)) {
                    numbers.readAt(i);
                }
                i++;
            }
        }
        return candidates.resolve();
    }

    /**
     * Whether a code in small letters may start at the word {@code [i, end)}: two letters before a
     * digit ({@code de89...}, {@code pr123612c}) or before a space or dash ({@code pr 12 34 56 c}), or
     * an NIE's x, y or z before a digit. Most words fail at their second or third character.
     */
    private boolean smallCodeMayStart(int i, int end) {
        char c = text.at(i);
        if (!ScanText.isLower(c) || end - i < 2) {
            return false;
        }
        char next = text.at(i + 1);
        if (ScanText.isLower(next)) {
            if (i + 2 < end) {
                return ScanText.isDigit(text.at(i + 2));
            }
            return end < text.length && (text.at(end) == ' ' || text.at(end) == '-');
        }
        return c >= 'x' && ScanText.isDigit(next);
    }
}
