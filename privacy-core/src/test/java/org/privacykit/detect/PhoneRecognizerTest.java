package org.privacykit.detect;

import static org.privacykit.annotation.PersonalDataType.PHONE;
import static org.privacykit.detect.DetectorAssertions.findsExactly;
import static org.privacykit.detect.DetectorAssertions.findsIn;
import static org.privacykit.detect.DetectorAssertions.findsNothing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneRecognizerTest {

    @ParameterizedTest
    @ValueSource(strings = {"+44 20 7946 0958", "+442079460958", "+1 (202) 555-0143", "+49 30 901820",
        "+33 6 12 34 56 78", "0044 20 7946 0958", "(202) 555-0143", "202-555-0143", "202.555.0143",
        "1-800-555-0199", "020 7946 0958", "07700 900123", "(020) 7946 0958", "06 12 34 56 78", "030 901820 12",
        "+44 (0)20 7946 0958"})
    void phone_found(String phone) {
        findsExactly(PHONE, phone);
    }

    @Test
    void plainNationalDigits_needAContextWord() {
        findsNothing("order 02079460958 shipped");
        findsIn("please call 02079460958 today", PHONE, "02079460958");
    }

    @Test
    void plainDigitsAfter00_needAContextWord_groupedTheyDoNot() {
        findsNothing("id 00442079460958 ok");
        findsIn("phone 00442079460958", PHONE, "00442079460958");
        findsExactly(PHONE, "0044 20 7946 0958");
    }

    /** Order, invoice and ticket numbers that share a phone number's digits but not its form. */
    @ParameterizedTest
    @ValueSource(strings = {"order 123-456-7890", "order 0207946095", "invoice 20261120-0042", "ORD-2026-000123",
        "ticket #4711-0815", "order 2025550143", "ref 199-555-0143", "PO 4500012345",
        "order 12-34-56-78-90-12-34", "tracking 9400 1000 0000 0000 0000 00", "HEAD at 009117466187",
        "account 0012345678901"})
    void orderAndTicketNumbers_notFound(String text) {
        findsNothing(text);
    }
}
