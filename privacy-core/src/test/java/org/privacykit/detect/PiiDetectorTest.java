package org.privacykit.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.IBAN;
import static org.privacykit.annotation.PersonalDataType.IP_ADDRESS;
import static org.privacykit.annotation.PersonalDataType.NATIONAL_ID;
import static org.privacykit.annotation.PersonalDataType.PASSPORT;
import static org.privacykit.annotation.PersonalDataType.PAYMENT_CARD;
import static org.privacykit.annotation.PersonalDataType.PHONE;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.privacykit.annotation.PersonalDataType;

class PiiDetectorTest {
    private final PiiDetector detector = PiiDetector.defaults();

    /** Finds exactly one value of the type in "before VALUE after" and checks its offsets. */
    private void findsExactly(PersonalDataType type, String value) {
        String text = "before " + value + " after";
        List<PiiFinding> findings = detector.detect(text);
        assertThat(findings).as("findings in '%s'", text).hasSize(1);
        PiiFinding f = findings.get(0);
        assertThat(f.type()).isEqualTo(type);
        assertThat(f.text(text)).isEqualTo(value);
        assertThat(f.start()).isEqualTo(7);
        assertThat(f.end()).isEqualTo(7 + value.length());
        assertThat(f.confidence()).isBetween(0.5, 1.0);
    }

    private void findsNothing(String text) {
        assertThat(detector.detect(text)).as("findings in '%s'", text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.com", "ada.lovelace+news@mail.example.co.uk", "A_B-c%d@EXAMPLE.ORG",
        "x@sub-domain.example.io"})
    void email_found(String email) {
        findsExactly(EMAIL, email);
    }

    @Test
    void detect_cardAfterHundredsOfDigitGroupsInOneToken_isFound() {
        // one numeric token of 16, 17, 255, 256, 257 and 600 groups before the card: the group buffers
        // grow from their small start and then stream, and the card at the end is still seen
        for (int groups : new int[] {15, 16, 17, 255, 256, 257, 600}) {
            String text = "ids " + "7 ".repeat(groups) + "4111 1111 1111 1111";
            assertThat(detector.detect(text)).as("%d groups", groups)
                    .anyMatch(f -> f.type() == PersonalDataType.PAYMENT_CARD && f.end() == text.length());
        }
    }

    @Test
    void email_endOfSentence_excludesTheDot() {
        String text = "Write to ada@example.com.";
        assertThat(detector.detect(text)).singleElement().satisfies(f -> assertThat(f.text(text)).isEqualTo("ada@example.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"@example.com", "ada@", "ada@localhost", "ada@example.c", "ada@-example.com",
        ".ada@example.com", "ada..l@example.com", "user@123.456", "a@b@c"})
    void email_invalid_notFound(String text) {
        assertThat(detector.detect(text).stream().filter(f -> f.type() == EMAIL)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+44 20 7946 0958", "+442079460958", "+1 (202) 555-0143", "+49 30 901820",
        "+33 6 12 34 56 78", "0044 20 7946 0958", "(202) 555-0143", "202-555-0143", "202.555.0143",
        "1-800-555-0199", "020 7946 0958", "07700 900123", "(020) 7946 0958", "06 12 34 56 78", "030 901820 12",
        "+44 (0)20 7946 0958"})
    void phone_found(String phone) {
        findsExactly(PHONE, phone);
    }

    @Test
    void phone_plainNationalDigits_needAContextWord() {
        findsNothing("order 02079460958 shipped");
        String text = "please call 02079460958 today";
        assertThat(detector.detect(text)).singleElement()
                .satisfies(f -> assertThat(f.text(text)).isEqualTo("02079460958"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111 1111 1111 1111", "4111111111111111", "4111-1111-1111-1111", "5555 5555 5555 4444",
        "2223 0031 2200 3222", "2720 9999 9999 9996", "3782 822463 10005", "378282246310005", "6011 1111 1111 1117",
        "3056 930902 5904", "3530 1113 3330 0000", "6221 2612 3456 7897", "4222222222222", "6011 0009 9013 9424 322"})
    void paymentCard_found(String card) {
        assertThat(Checksums.luhnValid(card)).as("test data is Luhn-valid").isTrue();
        findsExactly(PAYMENT_CARD, card);
    }

    @Test
    void paymentCard_19DigitPan_found() {
        String pan = "4000000000000000006";
        assertThat(Checksums.luhnValid(pan)).isTrue();
        findsExactly(PAYMENT_CARD, pan);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1700000000000", "1732112345678", "1699999999999", "1234567890123"})
    void paymentCard_epochMillisTimestamps_neverFound(String millis) {
        findsNothing("ts=" + millis + " event=login");
        findsNothing(millis);
    }

    @Test
    void paymentCard_everyLuhnValid13DigitTimestampOfThisDecade_notFound() {
        // 2020-01-01 to 2030-01-01 in epoch milliseconds: all start with 1, an issuer prefix no scheme uses
        for (long ms = 1_577_836_800_000L; ms < 1_893_456_000_000L; ms += 987_654_321L) {
            String s = Long.toString(ms);
            String candidate = s.substring(0, 12) + Checksums.luhnCheckDigit(s.substring(0, 12));
            findsNothing("at " + candidate);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111 1111 1111 1112", "4111111111111112", "9111 1111 1111 1111", "1111 1111 1111 1117",
        "41111111111111111111", "4111 1111 1111 1111 1111 11"})
    void paymentCard_invalid_notFound(String text) {
        assertThat(detector.detect(text).stream().filter(f -> f.type() == PAYMENT_CARD)).isEmpty();
    }

    @Test
    void paymentCard_gluedToLettersOrDecimals_notFound() {
        findsNothing("id4111111111111111");
        findsNothing("4111111111111111abc");
        findsNothing("0.4111111111111111");
        findsNothing("x_4111111111111111");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE89 3704 0044 0532 0130 00", "DE89370400440532013000", "GB82 WEST 1234 5698 7654 32",
        "GB82WEST12345698765432", "FR14 2004 1010 0505 0001 3M02 606", "NL91ABNA0417164300", "NO9386011117947"})
    void iban_found(String iban) {
        assertThat(Checksums.ibanValid(iban)).isTrue();
        findsExactly(IBAN, iban);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE89 3704 0044 0532 0130 01", "DE8937040044053201300", "XX89370400440532013000",
        "de89370400440532013000"})
    void iban_invalid_notFound(String text) {
        assertThat(detector.detect(text).stream().filter(f -> f.type() == IBAN)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.42", "8.8.8.8", "203.0.113.7", "2001:db8:85a3::8a2e:370:7334",
        "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "fe80::1ff:fe23:4567:890a", "::ffff:192.0.2.1",
        "2001:db8::1"})
    void ipAddress_found(String ip) {
        findsExactly(IP_ADDRESS, ip);
    }

    @Test
    void ipAddress_withPortOrInUrl_found() {
        String text = "GET http://10.1.2.3:8080/health from [2001:db8::7]:443";
        assertThat(detector.detect(text)).extracting(f -> f.text(text)).containsExactly("10.1.2.3", "2001:db8::7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "1.2.3", "1.2.3.4.5", "127.0.0.1", "0.0.0.0", "::1", "::", "12:30:45",
        "00:1a:2b:3c:4d:5e", "std::string", "01.02.03.04", "v1.2.3.4"})
    void ipAddress_notAnAddress_notFound(String text) {
        findsNothing("value " + text + " end");
    }

    @ParameterizedTest
    @ValueSource(strings = {"536-22-1234", "078-05-1121", "AB123456C", "AB 12 34 56 C",
        "12345678Z", "X1234567L", "Y0000000Z"})
    void nationalId_found(String id) {
        findsExactly(NATIONAL_ID, id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"000-12-3456", "666-12-3456", "900-12-3456", "123-00-4567", "123-45-0000",
        "078-05-1120", "123-45-6789", "QQ123456C", "GB123456A", "AB123456E", "12345678A"})
    void nationalId_invalid_notFound(String id) {
        findsNothing("id " + id + " end");
    }

    @Test
    void nationalId_plainNineDigits_needTheirName() {
        findsNothing("ref 536221234 ok");
        assertThat(detector.detect("SSN: 536221234")).singleElement().extracting(PiiFinding::type).isEqualTo(NATIONAL_ID);
        assertThat(detector.detect("BSN 111222333")).singleElement().extracting(PiiFinding::type).isEqualTo(NATIONAL_ID);
        findsNothing("BSN 111222334");
        assertThat(detector.detect("SIN 130 692 544")).singleElement().extracting(PiiFinding::type).isEqualTo(NATIONAL_ID);
        findsNothing("code 130 692 544");
    }

    @Test
    void passport_needsTheWord() {
        String text = "Passport no. 533380006, issued 2019";
        assertThat(detector.detect(text)).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(PASSPORT);
            assertThat(f.text(text)).isEqualTo("533380006");
        });
        findsNothing("batch 533380006 ok");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-20", "20/11/2026", "20.11.2026", "09:30:00", "2026-11-20T09:30:00Z",
        "123e4567-e89b-12d3-a456-426614174000", "5d41402abc4b2a76b9719d911017c592", "HTTP/1.1 200 OK",
        "order #1234567", "total 1,234,567.89", "version 4.2.0", "port 8080", "pid=12345", "took 1234 ms",
        "Foo::Bar", "ISBN 978-3-16-148410-0", "+", "()", "---", "0000 0000 0000 0000"})
    void ordinaryLogContent_notFound(String text) {
        findsNothing(text);
    }

    @Test
    void detect_severalTypes_inOrderWithOffsets() {
        String text = "Ada (ada@example.com, +44 20 7946 0958) paid with 4111 1111 1111 1111 from 192.0.2.1.";
        List<PiiFinding> findings = detector.detect(text);
        assertThat(findings).extracting(PiiFinding::type).containsExactly(EMAIL, PHONE, PAYMENT_CARD, IP_ADDRESS);
        assertThat(findings).extracting(f -> f.text(text))
                .containsExactly("ada@example.com", "+44 20 7946 0958", "4111 1111 1111 1111", "192.0.2.1");
        assertThat(findings).extracting(PiiFinding::detectorId)
                .containsExactly("email", "phone", "payment_card", "ip_address");
    }

    @Test
    void detectorIds_matchThePersonalDataTypes() {
        for (PersonalDataType type : PiiDetector.supportedTypes()) {
            assertThat(type.detectorId()).isPresent();
        }
        for (PersonalDataType type : PersonalDataType.values()) {
            assertThat(PiiDetector.supportedTypes().contains(type)).isEqualTo(type.detectorId().isPresent());
        }
    }

    @Test
    void redact_replacesWithTheTypeName() {
        assertThat(detector.redact("mail ada@example.com or call +44 20 7946 0958."))
                .isEqualTo("mail [EMAIL] or call [PHONE].");
        assertThat(detector.redact("nothing here")).isEqualTo("nothing here");
        assertThat(detector.redact("")).isEmpty();
    }

    @Test
    void mask_usesTheTypesMask() {
        assertThat(detector.mask("Ada ada.lovelace@example.com card 4111 1111 1111 1111 ip 192.168.1.42 ssn 536-22-1234"))
                .isEqualTo("Ada a***@example.com card **** **** **** 1111 ip 192.168.1.* ssn ***-**-1234");
        assertThat(detector.mask("IBAN DE89 3704 0044 0532 0130 00, tel +44 20 7946 0958"))
                .isEqualTo("IBAN DE** **** **** **** **30 00, tel +44 ** **** 0958");
    }

    @Test
    void builder_restrictsTypesAndThreshold() {
        PiiDetector emailsOnly = PiiDetector.builder().types(EMAIL).build();
        assertThat(emailsOnly.types()).containsExactly(EMAIL);
        assertThat(emailsOnly.detect("ada@example.com 4111111111111111")).extracting(PiiFinding::type)
                .containsExactly(EMAIL);
        PiiDetector loose = PiiDetector.builder().minConfidence(0.4).build();
        assertThat(loose.detect("order 02079460958")).extracting(PiiFinding::type).containsExactly(PHONE);
        PiiDetector strict = PiiDetector.builder().minConfidence(0.9).build();
        assertThat(strict.detect("202-555-0143 and 4111 1111 1111 1111")).extracting(PiiFinding::type)
                .containsExactly(PAYMENT_CARD);
        assertThatThrownBy(() -> PiiDetector.builder().types(PersonalDataType.NAME))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NAME has no detector");
        assertThatThrownBy(() -> PiiDetector.builder().minConfidence(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> detector.detect(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void finding_toStringShowsNoValue() {
        String text = "ada@example.com";
        PiiFinding f = detector.detect(text).get(0);
        assertThat(f.toString()).isEqualTo("PiiFinding[EMAIL 0..15, confidence 0.95]").doesNotContain("ada");
    }

    @Test
    void detect_worksOnAnyCharSequence() {
        StringBuilder builder = new StringBuilder("mail: ada@example.com");
        assertThat(detector.detect(builder)).hasSize(1);
    }

    @Test
    void detect_unicodeAroundValues_keepsUtf16Offsets() {
        String text = "😀 ada@example.com – Zoë 4111 1111 1111 1111";
        List<String> found = detector.detect(text).stream().map(f -> f.text(text)).collect(Collectors.toList());
        assertThat(found).containsExactly("ada@example.com", "4111 1111 1111 1111");
    }

    private static final int ONE_MB = 1024 * 1024;
    private static final int TEN_MB = 10 * ONE_MB;

    /** Patterns that make backtracking regular expressions (and naive scanners) quadratic. */
    private static final String[] ADVERSARIAL = {"1 ", "0 ", "1-", "+1 ", "(0", "4111 ", "@", "a@", "a.", "a@a.",
        "a.a@", ":", "a:", "1:", "::", "1.", "1.1.", "AB12", "DE89 ", "0000 ", "x", "9"};

    private static String adversarial(int size) {
        StringBuilder text = new StringBuilder(size + 64);
        int block = size / ADVERSARIAL.length;
        for (String pattern : ADVERSARIAL) {
            int end = text.length() + block;
            while (text.length() < end) {
                text.append(pattern);
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String logText(int size, int[] copies) {
        LabeledCorpus corpus = LabeledCorpus.generate(11L, 6000, false);
        StringBuilder text = new StringBuilder(size + corpus.text.length());
        while (text.length() < size) {
            text.append(corpus.text);
            copies[0]++;
        }
        copies[1] = corpus.labels.size();
        return text.toString();
    }

    /** Seconds for one scan, the best of a few after warming up on the same text. */
    private double seconds(String text) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            detector.detect(text);
            best = Math.min(best, (System.nanoTime() - started) / 1e9);
        }
        return best;
    }

    @Test
    void detect_10MegabytesOfAdversarialText_takesLinearTime() {
        String small = adversarial(ONE_MB);
        String large = adversarial(TEN_MB);
        detector.detect(large);
        double oneMb = seconds(small);
        double tenMb = seconds(large);
        System.out.printf("adversarial: 1 MB in %.3f s, 10 MB in %.3f s (%.1f MB/s), ratio %.1f%n", oneMb, tenMb,
                large.length() / 1048576.0 / tenMb, tenMb / oneMb);
        assertThat(tenMb).as("seconds for 10 MB of adversarial text").isLessThan(20);
        // linear: ten times the input takes about ten times as long; quadratic would be a hundred
        assertThat(tenMb / oneMb).as("10 MB time / 1 MB time").isLessThan(30);
        assertThat(detector.mask(large)).hasSameSizeAs(large);
    }

    @Test
    void detect_10MegabytesOfLogText_takesLinearTimeAndFindsEveryLabel() {
        int[] copies = new int[2];
        String large = logText(TEN_MB, copies);
        String small = logText(ONE_MB, new int[2]);
        List<PiiFinding> findings = detector.detect(large);
        double oneMb = seconds(small);
        double tenMb = seconds(large);
        System.out.printf("log text: 1 MB in %.3f s, 10 MB in %.3f s (%.1f MB/s), ratio %.1f, %d findings%n",
                oneMb * small.length() / ONE_MB, tenMb, large.length() / 1048576.0 / tenMb,
                tenMb / (oneMb * ONE_MB / small.length()), findings.size());
        assertThat(findings).hasSize(copies[0] * copies[1]);
        assertThat(tenMb).as("seconds for 10 MB of log text").isLessThan(20);
        assertThat(tenMb / (oneMb * ONE_MB / small.length() * 10)).isLessThan(3);
    }
}
