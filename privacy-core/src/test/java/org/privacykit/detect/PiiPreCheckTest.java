package org.privacykit.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The pre-check that lets most log lines skip the recognizers must never hide a finding: whatever the
 * text, {@link PiiDetector#detect} (pre-check, then only the passes it allows) finds exactly what
 * running every pass finds.
 */
class PiiPreCheckTest {
    private static final boolean[] ALL_ON = new boolean[TextScanner.TYPES.length];

    static {
        Arrays.fill(ALL_ON, true);
    }

    /** Values of every type at their shortest, and near misses of the thresholds. */
    private static final String[] FRAGMENTS = {
        "4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111", "378282246310005", "ada@example.com",
        "a@b.co", "192.168.1.10", "10.0.0.1", "8.8.8.8", "1.2.3", "fe80::1", "2001:db8::8a2e:370:7334", "::1", "::ffff:192.0.2.128", "FE80::A1B2:3C4D", "fe80::1%eth0", "ABCD:EF01:ABCD:EF01:ABCD:EF01:ABCD:EF01",
        "abcd:ef01:abcd:ef01:abcd:ef01:abcd:ef01",
        "+44 20 7946 0958", "+4930123456", "0044 20 7946 0958", "(202) 555-0143", "202-555-0143", "1-800-555-0199",
        "020 7946 0958", "06 12 34 56 78", "02079460958", "078-05-1120", "219 09 9998", "046 454 286", "046454286",
        "111222333", "DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432", "NO9386011117947", "QQ 12 34 56 C",
        "AB123456C", "12345678Z", "12345678-Z", "X1234567L", "X1234567-L", "AB1234", "AB12345", "123456", "C01X00T47", "12345678", "+1234567", "QQ123456C",
        "1234567", "12345678", "123 4567", "1.2.3.4.5", "12:30", "v1.2.3"};
    /** What surrounds values in real text: context words, separators and characters the pre-check treats specially. */
    private static final String[] GLUE = {" ", "  ", "   ", "-", "--", ".", "..", "/", "(", ")", "+", "@", ":", "::",
        ",", "_", "a", "Z", "é", "\u00a0", "\t", "\n", "phone ", "tel: ", "card ", "ssn ", "sin ", "bsn ",
        "nino ", "passport ", "passport no ", "Passport: ", "order o-", "B-", "in ", " ms", "ID ", "0", "9"};

    private static Gen<String> texts() {
        Gen<String> piece = integers().between(0, FRAGMENTS.length + GLUE.length - 1)
                .map(i -> i < FRAGMENTS.length ? FRAGMENTS[i] : GLUE[i - FRAGMENTS.length]);
        return lists().of(piece).ofSizeBetween(0, 12).map(parts -> String.join("", parts));
    }

    private static List<PiiFinding> everyPass(String text) {
        return new TextScanner(text, ALL_ON, 0).scanAll();
    }

    private static List<PiiFinding> detected(String text) {
        return PiiDetector.builder().minConfidence(0).build().detect(text);
    }

    @Test
    void preCheck_neverHidesAFinding() {
        qt().withExamples(20_000).forAll(texts())
                .checkAssert(text -> assertThat(detected(text)).as(text).isEqualTo(everyPass(text)));
    }

    @Test
    void preCheck_neverHidesAFinding_acrossItsReadingChunks() {
        // the pre-check reads 512 characters at a time; these values straddle the first boundary
        qt().withExamples(3_000).forAll(texts(), integers().between(490, 515))
                .checkAssert((text, at) -> {
                    for (String pad : new String[] {" ".repeat(at), "ab 12 ".repeat(at / 6) + "x".repeat(at % 6),
                        "4".repeat(at)}) {
                        String longText = pad + text + " end";
                        assertThat(detected(longText)).as(longText).isEqualTo(everyPass(longText));
                    }
                });
    }

    @Test
    void preCheck_neverHidesAFinding_inTheLabeledCorpus() {
        for (boolean outOfScope : new boolean[] {false, true}) {
            LabeledCorpus corpus = LabeledCorpus.generate(7, 2_000, outOfScope);
            for (String line : corpus.text.split("\n")) {
                assertThat(detected(line)).as(line).isEqualTo(everyPass(line));
            }
        }
    }

    @Test
    void everyFragmentAtTheThresholds_isStillFound() {
        // each of these is found by the full scan; the pre-check must let its pass run
        for (String text : new String[] {"passport AB1234", "ip 10.0.0.1 ok", "call +4930123456", "x@y.io",
            "host fe80::1 up", "dni 12345678Z"}) {
            assertThat(everyPass(text)).as(text).isNotEmpty();
            assertThat(detected(text)).as(text).isEqualTo(everyPass(text));
        }
    }

    @Test
    void detectorWithFewTypes_looksOnlyForTheirConditions() {
        int emailOnly = TextScanner.wanted(new boolean[] {true, false, false, false, false, false, false});
        assertThat(emailOnly).isEqualTo(TextScanner.EMAILS);
        assertThat(TextScanner.passes("card 4111 1111 1111 1111, ref AB12 CD34 5", emailOnly)).isZero();
        assertThat(TextScanner.passes("4111 1111 1111 1111 from a@b.io", emailOnly)).isEqualTo(TextScanner.EMAILS);
        assertThat(PiiDetector.builder().types(org.privacykit.annotation.PersonalDataType.EMAIL).build()
                .detect("card 4111 1111 1111 1111 from ada@example.com")).hasSize(1);
    }

    @Test
    void ordinaryLogLines_runNoPass() {
        assertThat(TextScanner.passes("Order o-4711 shipped to warehouse B-12 in 35 ms", TextScanner.ALL)).isZero();
        assertThat(TextScanner.passes("GET /api/v1/orders 200 in 12.5 ms (cache hit)", TextScanner.ALL)).isZero();
        assertThat(TextScanner.passes("Retrying job 42 after 3 attempts; next at 2026-11-29", TextScanner.ALL)).isZero();
        assertThat(TextScanner.passes("Order 12345678 shipped", TextScanner.ALL)).isZero();
        assertThat(TextScanner.passes("Order 123456789 shipped", TextScanner.ALL)).isEqualTo(TextScanner.NUMBERS);
        assertThat(TextScanner.passes("call +12345678", TextScanner.ALL)).isEqualTo(TextScanner.NUMBERS);
        assertThat(TextScanner.passes("host 1.2.3.4", TextScanner.ALL)).isEqualTo(TextScanner.NUMBERS);
        assertThat(TextScanner.passes("mail a@b", TextScanner.ALL)).isEqualTo(TextScanner.EMAILS);
        assertThat(TextScanner.passes("at 12:30:05", TextScanner.ALL)).isEqualTo(TextScanner.IPV6);
        assertThat(TextScanner.passes("GET http://host:8080/api: ok", TextScanner.ALL)).isZero();
        assertThat(TextScanner.passes("host fe80::1 up", TextScanner.ALL)).isEqualTo(TextScanner.IPV6);
        assertThat(TextScanner.passes("ref AB12CD", TextScanner.ALL)).isZero();
        assertThat(TextScanner.passes("ref AB12 CD34 5", TextScanner.ALL)).isEqualTo(TextScanner.CODES);
        assertThat(TextScanner.passes("Passport no AB1234", TextScanner.ALL)).isEqualTo(TextScanner.CODES);
    }
}
