package org.privacykit.detect;

import static org.privacykit.annotation.PersonalDataType.NATIONAL_ID;
import static org.privacykit.detect.DetectorAssertions.findsExactly;
import static org.privacykit.detect.DetectorAssertions.findsIn;
import static org.privacykit.detect.DetectorAssertions.findsNothing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NinoRecognizerTest {

    @ParameterizedTest
    @ValueSource(strings = {"AB123456C", "AB 12 34 56 C", "PR 123612C", "PR 123612 C", "PR 12 36 12C", "PR-12-36-12-C",
        "PR 123 612 C", "PR123612 C", "JG103759A", "pr123612c", "jg103759a", "ZX 12 34 56 D"})
    void nino_inCapitalsOrSmallLetters_groupedAsPeopleWriteThem_found(String nino) {
        findsExactly(NATIONAL_ID, nino);
    }

    /**
     * In small hex letters a NINO is also a hex id; grouped in small letters, its prefix is a
     * two-letter word before an id ("HEAD at 162767a").
     */
    @ParameterizedTest
    @ValueSource(strings = {"ab123456c", "ce 12 34 56 a", "ba123456d", "at 162767a", "pr 123612c", "pr 12 36 12 c",
        "jg-10-37-59-a", "pr123612 c"})
    void nino_inSmallHexLettersOrGroupedSmallLetters_isAnIdUnlessNamed(String nino) {
        findsNothing("id " + nino + " end");
        findsIn("NINO: " + nino + " end", NATIONAL_ID, nino);
        findsIn("national insurance " + nino, NATIONAL_ID, nino);
    }

    @ParameterizedTest
    @ValueSource(strings = {"QQ123456C", "GB123456A", "AB123456E", "Pr123612c", "PR123612c", "pr123612C", "PR 12-36-12 C",
        "PR  123612C", "PR12361C", "PR1236123C", "DA123456A", "AO123456A", "PR123612CD", "xPR123612C",
        "PR123612", "pr 12 36 12"})
    void notANino_notFound(String text) {
        findsNothing("id " + text + " end");
    }
}
