package org.privacykit.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacykit.annotation.PersonalDataType.PAYMENT_CARD;
import static org.privacykit.detect.DetectorAssertions.findsExactly;
import static org.privacykit.detect.DetectorAssertions.findsIn;
import static org.privacykit.detect.DetectorAssertions.findsNothing;
import static org.privacykit.detect.DetectorAssertions.luhnNumber;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CardRecognizerTest {

    /** One number of each scheme and length in the issuer table, less common schemes included. */
    @ParameterizedTest(name = "{0} {1} digits ({2})")
    @CsvSource({
        "4, 13, Visa", "4, 16, Visa", "4, 19, Visa", "51, 16, Mastercard", "2221, 16, Mastercard", "2720, 16, Mastercard",
        "34, 15, Amex", "37, 15, Amex", "6011, 16, Discover", "644, 19, Discover", "65, 16, Discover",
        "62, 16, UnionPay", "62, 19, UnionPay", "81, 17, UnionPay", "31, 19, China T-Union", "3528, 16, JCB",
        "3589, 19, JCB", "300, 14, Diners", "3095, 14, Diners", "36, 14, Diners", "38, 16, Diners", "2200, 16, Mir",
        "2204, 19, Mir", "2205, 16, BORICA", "5018, 13, Maestro", "5019, 16, Dankort", "6759, 19, Maestro",
        "676770, 16, Maestro UK", "6304, 13, Maestro", "60, 16, RuPay", "508, 16, RuPay", "604001, 18, UkrCard",
        "606282, 19, Hipercard", "504175, 16, Elo", "506699, 16, Elo", "5090, 16, Elo", "506099, 16, Verve",
        "507865, 18, Verve", "650002, 19, Verve", "50, 18, GPN", "56, 16, GPN", "58, 19, GPN", "63, 16, GPN",
        "636, 17, InterPayment", "637, 16, InstaPayment", "8600, 16, UzCard", "9704, 19, Napas", "9792, 16, Troy",
        "9860, 16, Humo"})
    void everyScheme_plain_found(String prefix, int length, String scheme) {
        findsExactly(PAYMENT_CARD, luhnNumber(prefix, length));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111 1111 1111 1111", "4111111111111111", "4111-1111-1111-1111", "5555 5555 5555 4444",
        "2223 0031 2200 3222", "2720 9999 9999 9996", "3782 822463 10005", "378282246310005", "6011 1111 1111 1117",
        "3056 930902 5904", "3530 1113 3330 0000", "6221 2612 3456 7897", "4222222222222", "6011 0009 9013 9424 322",
        "4000000000000000006", "5019 7170 1010 3742", "5019-7170-1010-3742", "5019717010103742"})
    void plainOrGrouped_found(String card) {
        assertThat(Checksums.luhnValid(card)).as("test data is Luhn-valid").isTrue();
        findsExactly(PAYMENT_CARD, card);
    }

    @Test
    void uatp_plain_needsACardWord_grouped_isFound() {
        String uatp = "122000000000003"; // UATP's test number
        assertThat(Checksums.luhnValid(uatp)).isTrue();
        findsNothing("user " + uatp + " logged in");
        findsIn("UATP card " + uatp, PAYMENT_CARD, uatp);
        findsIn("paid with card " + uatp + ".", PAYMENT_CARD, uatp);
        findsIn("airplus: " + uatp, PAYMENT_CARD, uatp);
        findsExactly(PAYMENT_CARD, "1220 00000 000003");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1700000000000", "1732112345678", "1699999999999", "1234567890123", "1732112345678901",
        "1732112345678901234", "17321123456789", "100012345678901"})
    void epochTimestampsAndOneLeadingIds_neverFound(String number) {
        findsNothing("ts=" + number + " event=login");
        findsNothing(number);
    }

    @Test
    void everyLuhnValid13DigitTimestampOfThisDecade_notFound() {
        // 2020-01-01 to 2030-01-01 in epoch milliseconds: all start with 1, an issuer prefix no scheme uses at 13 digits
        for (long ms = 1_577_836_800_000L; ms < 1_893_456_000_000L; ms += 987_654_321L) {
            String s = Long.toString(ms);
            findsNothing("at " + s.substring(0, 12) + Checksums.luhnCheckDigit(s.substring(0, 12)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111 1111 1111 1112", "9111 1111 1111 1111", "1111 1111 1111 1117", "41111111111111111111",
        "4111 1111 1111 1111 1111 11", "5700 0000 0000 0008", "7000 0000 0000 0002", "3400 0000 0000 0009",
        "4111 1111-1111 1111", "4111 11111111 1111 1"})
    void invalidOrIssuedByNoOne_notFound(String text) {
        findsNothing("ref " + text + " end");
    }
}
