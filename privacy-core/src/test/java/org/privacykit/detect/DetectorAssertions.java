package org.privacykit.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.privacykit.annotation.PersonalDataType;

/** Assertions on what the default detector finds, shared by the recognizers' tests. */
final class DetectorAssertions {
    private static final PiiDetector DETECTOR = PiiDetector.defaults();

    private DetectorAssertions() {
    }

    /** Finds exactly one value of the type in "before VALUE after", with its offsets, at or above the default threshold. */
    static void findsExactly(PersonalDataType type, String value) {
        findsIn("before " + value + " after", type, value);
    }

    /** Finds exactly {@code value}, and nothing else, in {@code text}. */
    static void findsIn(String text, PersonalDataType type, String value) {
        List<PiiFinding> findings = DETECTOR.detect(text);
        assertThat(findings).as("findings in '%s'", text).hasSize(1);
        PiiFinding f = findings.get(0);
        assertThat(f.type()).as("type found in '%s'", text).isEqualTo(type);
        assertThat(f.text(text)).as("value found in '%s'", text).isEqualTo(value);
        assertThat(f.start()).isEqualTo(text.indexOf(value));
        assertThat(f.confidence()).isBetween(0.5, 1.0);
    }

    static void findsNothing(String text) {
        assertThat(DETECTOR.detect(text)).as("findings in '%s'", text).isEmpty();
    }

    /** Finds nothing of the type in {@code text}. */
    static void findsNo(PersonalDataType type, String text) {
        assertThat(DETECTOR.detect(text)).as("findings in '%s'", text).noneMatch(f -> f.type() == type);
    }

    /** A Luhn-valid number of {@code length} digits that starts with {@code prefix}. */
    static String luhnNumber(String prefix, int length) {
        String body = prefix + "0".repeat(length - 1 - prefix.length());
        return body + Checksums.luhnCheckDigit(body);
    }
}
