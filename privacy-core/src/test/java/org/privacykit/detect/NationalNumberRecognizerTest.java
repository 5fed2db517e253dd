package org.privacykit.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacykit.annotation.PersonalDataType.NATIONAL_ID;
import static org.privacykit.detect.DetectorAssertions.findsExactly;
import static org.privacykit.detect.DetectorAssertions.findsNothing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NationalNumberRecognizerTest {
    private final PiiDetector detector = PiiDetector.defaults();

    @ParameterizedTest
    @ValueSource(strings = {"536-22-1234", "078-05-1121", "536 22 1234", "536.22.1234", "001.01.0001", "899.99.9999"})
    void ssn_withDashesSpacesOrDots_found(String ssn) {
        findsExactly(NATIONAL_ID, ssn);
    }

    @ParameterizedTest
    @ValueSource(strings = {"000-12-3456", "666-12-3456", "900-12-3456", "123-00-4567", "123-45-0000", "078-05-1120",
        "123-45-6789", "078.05.1120", "666.12.3456", "536.22.1234.5", "1.536.22.1234", "536.22-1234", "536.22.12345",
        "536..22.1234", "v536.22.1234"})
    void ssn_invalidOrPartOfSomethingElse_notFound(String text) {
        findsNothing("id " + text + " end");
    }

    @Test
    void plainNineDigits_needTheirName() {
        findsNothing("ref 536221234 ok");
        assertThat(detector.detect("SSN: 536221234")).singleElement().extracting(PiiFinding::type).isEqualTo(NATIONAL_ID);
        assertThat(detector.detect("BSN 111222333")).singleElement().extracting(PiiFinding::type).isEqualTo(NATIONAL_ID);
        findsNothing("BSN 111222334");
        assertThat(detector.detect("SIN 130 692 544")).singleElement().extracting(PiiFinding::type).isEqualTo(NATIONAL_ID);
        findsNothing("code 130 692 544");
    }
}
