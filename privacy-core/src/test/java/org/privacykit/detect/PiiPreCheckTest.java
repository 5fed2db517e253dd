package org.privacykit.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.PersonalDataType;
import org.quicktheories.core.Gen;

/**
 * The pre-check that lets most log lines skip the recognizers must never hide a finding: whatever the
 * text, {@link PiiDetector#detect} (pre-check, then only the passes it allows) finds exactly what
 * running every pass finds.
 */
class PiiPreCheckTest {
    /** Values of every type at their shortest, and near misses of the thresholds. */
    private static final String[] FRAGMENTS = {
        "4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111", "378282246310005", "ada@example.com",
        "a@b.co", "192.168.1.10", "10.0.0.1", "8.8.8.8", "1.2.3", "fe80::1", "2001:db8::8a2e:370:7334", "::1", "::ffff:192.0.2.128", "FE80::A1B2:3C4D", "fe80::1%eth0", "ABCD:EF01:ABCD:EF01:ABCD:EF01:ABCD:EF01",
        "abcd:ef01:abcd:ef01:abcd:ef01:abcd:ef01",
        "+44 20 7946 0958", "+4930123456", "0044 20 7946 0958", "(202) 555-0143", "202-555-0143", "1-800-555-0199",
        "020 7946 0958", "06 12 34 56 78", "02079460958", "078-05-1120", "219 09 9998", "046 454 286", "046454286",
        "111222333", "DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432", "NO9386011117947", "QQ 12 34 56 C",
        "AB123456C", "12345678Z", "12345678-Z", "X1234567L", "X1234567-L", "AB1234", "AB12345", "123456", "C01X00T47", "12345678", "+1234567", "QQ123456C",
        "1234567", "12345678", "123 4567", "1.2.3.4.5", "12:30", "v1.2.3",
        // the forms in small letters, with dashes or dots, zones, prefixes and the less common issuers
        "pr123612c", "pr 123612c", "ab-12-34-56-c", "12345678z", "12345678-z", "x1234567l", "de89370400440532013000",
        "de89 3704 0044 0532 0130 00", "DE89-3704-0044-0532-0130-00", "PR 123612C", "536.22.1234", "(10.0.0.1)",
        "10.0.0.5@eth0", "fe80::1%eth0", "2001:db8::/32", "::13.1.68.3", "122000000000003", "1220 00000 000003",
        "5019717010103742", "ada@example.xn--p1ai", "用户@例子.广告", "zoë@exämple.de", "请联系ada@example.com谢谢",
        "00442079460958", "FE-05-95-60-65-41", "at 162767a"};
    /** What surrounds values in real text: context words, separators and characters the pre-check treats specially. */
    private static final String[] GLUE = {" ", "  ", "   ", "-", "--", ".", "..", "/", "(", ")", "+", "@", ":", "::",
        ",", "_", "a", "Z", "é", "\u00a0", "\t", "\n", "phone ", "tel: ", "card ", "ssn ", "sin ", "bsn ",
        "nino ", "passport ", "passport no ", "Passport: ", "order o-", "B-", "in ", " ms", "ID ", "0", "9", "de", "ab",
        "x", "%", "/", "dni ", "uatp ", "谢", "ë", "c"};

    private static Gen<String> texts() {
        Gen<String> piece = integers().between(0, FRAGMENTS.length + GLUE.length - 1)
                .map(i -> i < FRAGMENTS.length ? FRAGMENTS[i] : GLUE[i - FRAGMENTS.length]);
        return lists().of(piece).ofSizeBetween(0, 12).map(parts -> String.join("", parts));
    }

    private static List<PiiFinding> everyPass(String text) {
        return new TextScanner(text, PiiDetector.supportedTypes(), 0).scanAll();
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
            for (String line : corpus.text().split("\n")) {
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
        int emailOnly = PreCheck.wanted(EnumSet.of(PersonalDataType.EMAIL));
        assertThat(emailOnly).isEqualTo(PreCheck.EMAILS);
        assertThat(PreCheck.passes("card 4111 1111 1111 1111, ref AB12 CD34 5", emailOnly)).isZero();
        assertThat(PreCheck.passes("4111 1111 1111 1111 from a@b.io", emailOnly)).isEqualTo(PreCheck.EMAILS);
        assertThat(PiiDetector.builder().types(PersonalDataType.EMAIL).build()
                .detect("card 4111 1111 1111 1111 from ada@example.com")).hasSize(1);
    }

    @Test
    void ordinaryLogLines_runNoPass() {
        assertThat(PreCheck.passes("Order o-4711 shipped to warehouse B-12 in 35 ms", PreCheck.ALL)).isZero();
        assertThat(PreCheck.passes("GET /api/v1/orders 200 in 12.5 ms (cache hit)", PreCheck.ALL)).isZero();
        assertThat(PreCheck.passes("Retrying job 42 after 3 attempts; next at 2026-11-29", PreCheck.ALL)).isZero();
        assertThat(PreCheck.passes("Order 12345678 shipped", PreCheck.ALL)).isZero();
        assertThat(PreCheck.passes("Order 123456789 shipped", PreCheck.ALL)).isEqualTo(PreCheck.NUMBERS);
        assertThat(PreCheck.passes("call +12345678", PreCheck.ALL)).isEqualTo(PreCheck.NUMBERS);
        assertThat(PreCheck.passes("host 1.2.3.4", PreCheck.ALL)).isEqualTo(PreCheck.NUMBERS);
        assertThat(PreCheck.passes("mail a@b", PreCheck.ALL)).isEqualTo(PreCheck.EMAILS);
        assertThat(PreCheck.passes("at 12:30:05", PreCheck.ALL)).isEqualTo(PreCheck.IPV6);
        assertThat(PreCheck.passes("GET http://host:8080/api: ok", PreCheck.ALL)).isZero();
        assertThat(PreCheck.passes("host fe80::1 up", PreCheck.ALL)).isEqualTo(PreCheck.IPV6);
        assertThat(PreCheck.passes("ref AB12CD", PreCheck.ALL)).isZero();
        assertThat(PreCheck.passes("ref AB12 CD34 5", PreCheck.ALL)).isEqualTo(PreCheck.CODES);
        assertThat(PreCheck.passes("Passport no AB1234", PreCheck.ALL)).isEqualTo(PreCheck.CODES);
    }
}
