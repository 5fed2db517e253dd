package org.privacykit.detect;

import static org.privacykit.annotation.PersonalDataType.NATIONAL_ID;
import static org.privacykit.detect.DetectorAssertions.findsExactly;
import static org.privacykit.detect.DetectorAssertions.findsIn;
import static org.privacykit.detect.DetectorAssertions.findsNothing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpanishIdRecognizerTest {

    @ParameterizedTest
    @ValueSource(strings = {"12345678Z", "12345678-Z", "12345678z", "12345678-z", "X1234567L", "X1234567-L", "x1234567l",
        "Y0000000Z", "z1234567r"})
    void dniAndNie_inEitherCase_found(String id) {
        findsExactly(NATIONAL_ID, id);
    }

    @Test
    void dni_withASmallHexControlLetter_isAHexIdUnlessNamed() {
        int number = 12_345_678;
        while ("abcdef".indexOf(Character.toLowerCase(Checksums.dniLetter(number))) < 0) {
            number++;
        }
        String dni = number + "" + Character.toLowerCase(Checksums.dniLetter(number));
        findsNothing("commit " + dni + " merged");
        findsIn("DNI " + dni, NATIONAL_ID, dni);
        findsExactly(NATIONAL_ID, dni.toUpperCase(java.util.Locale.ROOT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678A", "12345678a", "X1234567l", "x1234567L", "X1234567A", "1234567Z", "123456789Z",
        "12345678ZZ", "12345678--Z", "W1234567L"})
    void notAnId_notFound(String text) {
        findsNothing("id " + text + " end");
    }
}
