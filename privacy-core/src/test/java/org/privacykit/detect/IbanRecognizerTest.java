package org.privacykit.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacykit.annotation.PersonalDataType.IBAN;
import static org.privacykit.detect.DetectorAssertions.findsExactly;
import static org.privacykit.detect.DetectorAssertions.findsIn;
import static org.privacykit.detect.DetectorAssertions.findsNo;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IbanRecognizerTest {

    @ParameterizedTest
    @ValueSource(strings = {"DE89 3704 0044 0532 0130 00", "DE89370400440532013000", "GB82 WEST 1234 5698 7654 32",
        "GB82WEST12345698765432", "FR14 2004 1010 0505 0001 3M02 606", "NL91ABNA0417164300", "NO9386011117947",
        "DE89-3704-0044-0532-0130-00", "GB82-WEST-1234-5698-7654-32", "de89370400440532013000",
        "gb82 west 1234 5698 7654 32", "nl91-abna-0417-1643-00", "MT84MALT011000012345MTLCAST001S"})
    void iban_compactOrGroupedBySpacesOrDashes_inEitherCase_found(String iban) {
        assertThat(Checksums.ibanValid(iban.toUpperCase(Locale.ROOT).replace('-', ' '))).as("test data").isTrue();
        findsExactly(IBAN, iban);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE89 3704 0044 0532 0130 01", "DE8937040044053201300", "XX89370400440532013000",
        "De89370400440532013000", "dE89370400440532013000", "de89370400440532013000x", "DE89 3704-0044 0532 0130 00",
        "DE89 37040044 0532 0130 00", "DE89 3704 0044 0532 013000", "DE89  3704 0044 0532 0130 00",
        "GB82 west 1234 5698 7654 32"})
    void notAnIban_notFound(String text) {
        findsNo(IBAN, text);
    }

    @Test
    void uuid_thatPassesAsAnIbanWhenCompact_isNoIban() {
        // the last four groups of a UUID are 4-4-4-12 hex digits: an Andorran IBAN has 24 characters
        String bban = "4145A3D69F8ECC7EA925";
        String check = Checksums.ibanCheckDigits("AD", bban);
        String compact = "AD" + check + bban;
        findsExactly(IBAN, compact);
        String uuid = ("51d9d868-ad" + check + "-4145-a3d6-9f8ecc7ea925");
        findsNo(IBAN, "req=" + uuid + " ok");
        findsNo(IBAN, "req=" + uuid.toUpperCase(Locale.ROOT) + " ok");
        findsIn("iban " + compact.toLowerCase(Locale.ROOT), IBAN, compact.toLowerCase(Locale.ROOT));
    }
}
