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
import static org.privacykit.detect.DetectorAssertions.findsNothing;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.privacykit.annotation.PersonalDataType;

class PiiDetectorTest {
    private final PiiDetector detector = PiiDetector.defaults();


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
    void paymentCard_gluedToLettersOrDecimals_notFound() {
        findsNothing("id4111111111111111");
        findsNothing("4111111111111111abc");
        findsNothing("0.4111111111111111");
        findsNothing("x_4111111111111111");
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

    @Test
    void passport_needsTheWord() {
        String text = "Passport no. 533380006, issued 2019";
        assertThat(detector.detect(text)).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(PASSPORT);
            assertThat(f.text(text)).isEqualTo("533380006");
        });
        findsNothing("batch 533380006 ok");
    }

    /**
     * What log lines hold that looks like personal data and is not: one case or more for each class
     * of look-alike, beside the hard negatives of {@link LabeledCorpus}.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        // dates and times
        "2026-11-20", "20/11/2026", "20.11.2026", "2026/11/20", "Nov 20, 2026", "09:30:00", "09:30:00.123",
        "2026-11-20T09:30:00Z", "2026-11-20 09:30:00,123", "20261120T093000Z", "Fri, 20 Nov 2026 09:30:00 GMT",
        // epoch timestamps: seconds, milliseconds, microseconds, nanoseconds
        "ts=1732112345", "ts=1732112345678", "ts=1732112345678901", "ts=1732112345678901234",
        // UUIDs and GUIDs
        "123e4567-e89b-12d3-a456-426614174000", "{123E4567-E89B-12D3-A456-426614174000}",
        "req=51d9d868-ad17-4145-a3d6-9f8ecc7ea925",
        // hashes, git SHAs, hex and base64 ids
        "5d41402abc4b2a76b9719d911017c592", "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "commit 9fceb02d0ae598e95dc970b74767f19372d61af8", "git 3f2c1a9", "HEAD is now at ab123456c", "id 0x7fff5fbff8c8",
        "token dGhpcyBpcyBhIHRlc3Q=", "etag W/\"5d41402abc4b2a76\"",
        // versions and builds
        "version 4.2.0", "v2.10.3", "1.2.3-rc.1+build.5", "build 10.0.19045.2965", "HTTP/1.1 200 OK", "Java 17.0.15+6",
        // order, invoice and reference numbers
        "order #1234567", "ORD-2026-000123", "invoice INV-2026-11-0042", "order 123456789012", "case 00123456",
        // prices and amounts
        "total 1,234,567.89", "$1,234.56", "EUR 1.234,56", "1 234,56 €", "amount=12345678.90",
        // MAC addresses
        "00:1a:2b:3c:4d:5e", "00-1A-2B-3C-4D-5E", "001a.2b3c.4d5e",
        // ISBNs
        "ISBN 978-3-16-148410-0", "ISBN 0-306-40615-2", "978-0-306-40615-7",
        // code and paths
        "Foo::Bar", "std::vector<int>::push_back", "f64::MAX", "a[1::2]", "/api/v2/orders/1234567", "@app.route",
        // ports, pids, counts, durations
        "port 8080", "pid=12345", "took 1234 ms", "localhost:8080", "retry 3/5",
        // separators and fragments
        "+", "()", "---", "0000 0000 0000 0000", "@", "::"})
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

    @Test
    void detect_10MegabytesOfAdversarialText_keepsItsInvariants() {
        // hostile input is scanned to the end; that it takes linear time is proved by counting reads
        // (PiiDetectorLinearTimeTest), not by a clock
        StringBuilder text = new StringBuilder();
        for (String pattern : PiiDetectorLinearTimeTest.ADVERSARIAL) {
            text.append(PiiDetectorLinearTimeTest.repeat(pattern, 10 * 1024 * 1024 / PiiDetectorLinearTimeTest.ADVERSARIAL.length))
                    .append('\n');
        }
        String large = text.toString();
        List<PiiFinding> findings = detector.detect(large);
        int previousEnd = 0;
        for (PiiFinding f : findings) {
            assertThat(f.start()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(f.end()).isGreaterThan(f.start()).isLessThanOrEqualTo(large.length());
            previousEnd = f.end();
        }
        assertThat(detector.redact(large)).hasSizeLessThanOrEqualTo(large.length() + 14 * findings.size());
    }

    @Test
    void detect_10MegabytesOfLogText_findsEveryLabelAndNothingElse() {
        LabeledCorpus corpus = LabeledCorpus.generate(11L, 6000, false);
        int copies = 10 * 1024 * 1024 / corpus.text().length() + 1;
        String large = corpus.text().repeat(copies);
        assertThat(detector.detect(large)).hasSize(copies * corpus.labels().size());
    }
}
