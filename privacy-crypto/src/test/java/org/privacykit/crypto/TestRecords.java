package org.privacykit.crypto;

import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.EncryptionMode.FORMAT_PRESERVING;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.HEALTH;
import static org.privacykit.annotation.PersonalDataType.IBAN;
import static org.privacykit.annotation.PersonalDataType.NAME;
import static org.privacykit.annotation.PersonalDataType.PHONE;

import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;

/** Annotated classes the tests encrypt. */
final class TestRecords {
    private TestRecords() {
    }

    record Patient(@SubjectId String id,
                   @PersonalData(NAME) String name,
                   @PersonalData(EMAIL) @Encrypted(mode = DETERMINISTIC) String email,
                   @PersonalData(HEALTH) @Encrypted String diagnosis,
                   @PersonalData(PHONE) @Encrypted(mode = FORMAT_PRESERVING) String phone) {
    }

    record Transfer(@SubjectId("payer") String payerId,
                    @SubjectId("payee") String payeeId,
                    @PersonalData(value = IBAN, subject = "payer") @Encrypted String payerIban,
                    @PersonalData(value = IBAN, subject = "payee") @Encrypted String payeeIban) {
    }

    record Note(@PersonalData(NAME) @Encrypted String text) {
    }
}
