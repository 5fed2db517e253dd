package org.privacykit.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.privacykit.annotation.MaskStyle;
import org.privacykit.spi.engine.AsciiMasks;

class MaskersTest {

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "EMAIL           | john.doe@example.com          | j***@example.com",
        "EMAIL           | jo@example.com                | j***@example.com",
        "EMAIL           | a@example.com                 | ***@example.com",
        "EMAIL           | not-an-email                  | n***",
        "PHONE           | +44 20 7946 0958              | +44 ** **** 0958",
        "PHONE           | +1 (415) 555-2671             | +1 (***) ***-2671",
        "PHONE           | 0044 20 7946 0958             | 0044 ** **** 0958",
        "PHONE           | 020 7946 0958                 | *** **** 0958",
        "PHONE           | 555-0134                      | ***-**34",
        "PAYMENT_CARD    | 4111 1111 1111 1111           | **** **** **** 1111",
        "PAYMENT_CARD    | 4111-1111-1111-1111           | ****-****-****-1111",
        "IBAN            | DE89 3704 0044 0532 0130 00   | DE** **** **** **** **30 00",
        "IBAN            | GB29NWBK60161331926819        | GB****************6819",
        "NAME            | John Ronald Doe               | J. R. D.",
        "NAME            | Anne-Marie  O'Neil            | A.-M. O.",
        "POSTAL_ADDRESS  | 10 Downing Street, London     | ***, London",
        "POSTAL_ADDRESS  | 10 Downing Street             | ****",
        "POSTCODE        | SW1A 2AA                      | SW1A ***",
        "POSTCODE        | 94103                         | 941**",
        "DATE            | 1990-05-17                    | 1990",
        "DATE            | 17/05/1990                    | 1990",
        "DATE            | yesterday                     | ****",
        "IP_ADDRESS      | 192.168.1.42                  | 192.168.1.*",
        "IP_ADDRESS      | 2001:db8:85a3::8a2e:370:7334  | 2001:db8:85a3:*",
        "IP_ADDRESS      | ::1                           | 0:0:0:*",
        "IP_ADDRESS      | ::ffff:10.1.2.3               | ::ffff:10.1.2.*",
        "IP_ADDRESS      | 300.1.1.1                     | ****",
        "IP_ADDRESS      | localhost                     | ****",
        "COORDINATES     | 51.50735,-0.12776             | 51.5,-0.1",
        "COORDINATES     | 91.0,10.0                     | ****",
        "IDENTIFIER      | 123-45-6789                   | ***-**-6789",
        "PARTIAL         | secret-value                  | s***********",
        "FULL            | anything at all               | ****",
    })
    void mask_examples(MaskStyle style, String input, String expected) {
        assertThat(Maskers.of(style, -1, -1, '*').mask(input)).isEqualTo(expected);
    }

    @Test
    void paymentCard_keepIssuer_keepsFirstSixAndLastFour() {
        assertThat(Maskers.paymentCard(true).mask("4111111111111111")).isEqualTo("411111******1111");
        assertThat(Maskers.of(MaskStyle.PAYMENT_CARD, 6, -1, '#').mask("5555 5555 5555 4444"))
                .isEqualTo("5555 55## #### 4444");
    }

    @Test
    void partial_counts_andCharacter() {
        assertThat(Maskers.partial(2, 2, '*').mask("secret-value")).isEqualTo("se********ue");
        assertThat(Maskers.keepFirst(2).mask("secret")).isEqualTo("se****");
        assertThat(Maskers.keepLast(2).mask("secret")).isEqualTo("****et");
        assertThat(Maskers.of(MaskStyle.IDENTIFIER, -1, 2, 'x').mask("AB 12 34 56 C")).isEqualTo("xx xx xx x6 C");
        assertThatThrownBy(() -> Maskers.partial(-1, 0, '*')).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shortValues_areNeverShownWhole() {
        assertThat(Maskers.keepLast(4).mask("1234")).isEqualTo("**34");
        assertThat(Maskers.paymentCard().mask("1234")).isEqualTo("**34");
        assertThat(Maskers.identifier(4).mask("12")).isEqualTo("*2");
        assertThat(Maskers.keepFirst(3).mask("a")).isEqualTo("*");
        assertThat(Maskers.postcode().mask("AB")).isEqualTo("A*");
    }

    @Test
    void full_andRedact_hideTheLength() {
        assertThat(Maskers.full().mask("")).isEqualTo("****");
        assertThat(Maskers.full().mask("a very long secret value indeed")).isEqualTo("****");
        assertThat(Maskers.redact().mask("x")).isEqualTo(Maskers.REDACTED);
        assertThat(Maskers.of(MaskStyle.FULL, -1, -1, '#').mask("abc")).isEqualTo("####");
    }

    @ParameterizedTest
    @EnumSource(MaskStyle.class)
    void mask_null_isNull(MaskStyle style) {
        assertThat(Maskers.of(style, -1, -1, '*').mask(null)).isNull();
    }

    @Test
    void mask_neverSplitsSurrogatePairs() {
        String emoji = "\uD83D\uDE00";
        assertThat(Maskers.partial(1, 0, '*').mask(emoji + emoji + emoji)).isEqualTo(emoji + "**");
        assertThat(Maskers.email().mask(emoji + "abc@example.com")).isEqualTo(emoji + "***@example.com");
        assertThat(Maskers.name().mask("\uD835\uDC00da Lovelace")).isEqualTo("\uD835\uDC00. L.");
        assertThat(Maskers.keepLast(1).mask("ab" + emoji)).isEqualTo("**" + emoji);
    }

    @Test
    void mask_anyString_neverThrowsForAnyStyle() {
        qt().withExamples(300).forAll(strings().allPossible().ofLengthBetween(0, 40),
                integers().between(-1, 8), integers().between(-1, 8))
                .checkAssert((value, first, last) -> {
                    for (MaskStyle style : MaskStyle.values()) {
                        assertThat(Maskers.of(style, first, last, '*').mask(value)).isNotNull();
                    }
                });
    }

    @Test
    void partial_neverRevealsTheMaskedMiddle() {
        qt().withExamples(500).forAll(strings().basicLatinAlphabet().ofLengthBetween(1, 30),
                integers().between(0, 6), integers().between(0, 6))
                .checkAssert((value, first, last) -> {
                    String masked = Maskers.partial(first, last, '\u0000').mask(value);
                    int hidden = 0;
                    for (int i = 0; i < masked.length(); i++) {
                        if (masked.charAt(i) == '\u0000') {
                            hidden++;
                        } else {
                            assertThat(masked.charAt(i)).isEqualTo(value.charAt(i));
                        }
                    }
                    assertThat(hidden).isGreaterThanOrEqualTo((value.length() + 2) / 3);
                });
    }

    @Test
    void email_neverContainsTheLocalPartBeyondItsFirstCharacter() {
        qt().withExamples(500).forAll(strings().betweenCodePoints('a', 'z').ofLengthBetween(4, 20),
                strings().betweenCodePoints('a', 'z').ofLengthBetween(2, 10))
                .checkAssert((local, domain) -> {
                    String masked = Maskers.email().mask(local + "@" + domain + ".com");
                    assertThat(masked.substring(0, masked.lastIndexOf('@'))).isEqualTo(local.charAt(0) + "***");
                    assertThat(masked).endsWith("@" + domain + ".com");
                });
    }

    @Test
    void paymentCard_neverContainsTheMiddleDigits() {
        qt().withExamples(500).forAll(strings().betweenCodePoints('0', '9').ofLengthBetween(13, 19))
                .checkAssert(pan -> {
                    String masked = Maskers.paymentCard().mask(pan);
                    assertThat(masked).hasSize(pan.length()).endsWith(pan.substring(pan.length() - 4));
                    assertThat(masked.substring(0, pan.length() - 4)).matches("\\**");
                });
    }

    @Test
    void digitMasks_latin1FastPath_agreesWithTheGeneralPath() {
        // a trailing non-Latin-1 character sends the same text down the general path; it adds one mask character
        Masker card = Maskers.paymentCard();
        Masker phone = Maskers.phone();
        Masker bulletCard = Maskers.of(MaskStyle.PAYMENT_CARD, -1, -1, '\u2022');
        qt().withExamples(2_000).forAll(strings().betweenCodePoints(0x20, 0xff).ofLengthBetween(0, 30))
                .checkAssert(text -> {
                    assertThat(card.mask(text + "\u20ac")).isEqualTo(card.mask(text) + "*");
                    assertThat(phone.mask(text + "\u20ac")).isEqualTo(phone.mask(text) + "*");
                    if (text.indexOf('*') < 0) {
                        assertThat(bulletCard.mask(text)).isEqualTo(card.mask(text).replace('*', '\u2022'));
                    }
                });
    }

    @Test
    void initials_latin1FastPath_agreesWithTheGeneralPath() {
        // a trailing word in another script sends the same text down the general path; it adds its initial
        Masker name = Maskers.name();
        qt().withExamples(2_000).forAll(strings().betweenCodePoints(0x09, 0xff).ofLengthBetween(0, 30))
                .checkAssert(text -> {
                    String general = name.mask(text + " \u0416");
                    String latin = name.mask(text);
                    assertThat(general).isEqualTo(latin.isEmpty() ? "\u0416." : latin + " \u0416.");
                });
        assertThat(name.mask("Jean-Paul  de la Tour-\u00c9mile")).isEqualTo("J.-P. d. l. T.-\u00c9.");
        assertThat(name.mask("a-b-c d")).isEqualTo("a.-b.-c. d.");
    }

    private static final java.util.Set<MaskStyle> BYTE_STYLES =
            java.util.EnumSet.of(MaskStyle.EMAIL, MaskStyle.PHONE, MaskStyle.PAYMENT_CARD, MaskStyle.NAME);

    @Test
    void maskToAscii_isTheMasksBytes_orNull_andAlwaysBytesForAsciiCardsPhonesNamesAndEmails() {
        // every style, with a mask character inside and one outside printable ASCII, on any text
        // text up to U+017F, printable ASCII, and ASCII addresses (some with a second '@')
        org.quicktheories.core.Gen<String> asciiText = strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(0, 16);
        org.quicktheories.core.Gen<String> values = strings().betweenCodePoints(0x00, 0x17f).ofLengthBetween(0, 30)
                .mix(asciiText, 40)
                .mix(in -> asciiText.generate(in) + "@" + asciiText.generate(in), 40);
        qt().withExamples(3_000).forAll(values, integers().between(-1, 6), integers().between(-1, 6))
                .checkAssert((value, first, last) -> {
                    for (MaskStyle style : MaskStyle.values()) {
                        for (char maskChar : new char[] {'*', '#', '\u2022', '\u00b7'}) {
                            Masker masker = Maskers.of(style, first, last, maskChar);
                            String masked = masker.mask(value);
                            byte[] ascii = AsciiMasks.mask(masker, value);
                            boolean printable = masked.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
                            if (ascii != null) {
                                assertThat(printable).as("%s of %s", style, value).isTrue();
                                assertThat(new String(ascii, java.nio.charset.StandardCharsets.US_ASCII))
                                        .as("%s of %s", style, value).isEqualTo(masked);
                            } else if (BYTE_STYLES.contains(style) && printable && maskChar < 0x7f
                                    && value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
                                // the styles with a byte form: printable ASCII text and mask character give bytes
                                assertThat(ascii).as("%s of %s", style, value).isNotNull();
                            }
                        }
                    }
                });
        assertThat(AsciiMasks.mask(Maskers.email(), null)).isNull();
        assertThat(AsciiMasks.mask(Maskers.full(), null)).isNull();
        assertThat(AsciiMasks.mask(Maskers.iban(), "DE89 3704 0044 0532 0130 00")).isNull(); // no byte form
        Masker custom = value -> value == null ? null : "<" + value.length() + ">";
        assertThat(AsciiMasks.mask(custom, "abc")).isNull(); // a masker of the application's has none
    }

    @Test
    void maskToAscii_ofTheCommonValues_isTheMaskAsBytes() {
        assertThat(AsciiMasks.mask(Maskers.paymentCard(), "4111 1111 1111 1111")).asString()
                .isEqualTo("**** **** **** 1111");
        assertThat(AsciiMasks.mask(Maskers.phone(), "+44 20 7946 0958")).asString().isEqualTo("+44 ** **** 0958");
        assertThat(AsciiMasks.mask(Maskers.name(), "Ada Lovelace")).asString().isEqualTo("A. L.");
        assertThat(AsciiMasks.mask(Maskers.email(), "ada.lovelace@example.com")).asString()
                .isEqualTo("a***@example.com");
        assertThat(AsciiMasks.mask(Maskers.name(), "\u00c9mile Zola")).isNull(); // \u00c9 is Latin-1, not ASCII
        assertThat(AsciiMasks.mask(Maskers.email(), "a\u00fcb@example.com")).isNull();
    }

    @Test
    void builtInMaskers_nameTheirStyle_neverAValue() {
        assertThat(Maskers.email()).hasToString("Masker[EMAIL]");
        assertThat(Maskers.full()).hasToString("Masker[FULL]");
        assertThat(Maskers.redact()).hasToString("Masker[REDACT]");
        assertThat(Maskers.of(MaskStyle.PAYMENT_CARD, 6, 4, '#')).hasToString("Masker[PAYMENT_CARD]");
    }
}
