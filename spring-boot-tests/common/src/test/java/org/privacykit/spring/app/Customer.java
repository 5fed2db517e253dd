package org.privacykit.spring.app;

import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.HEALTH;
import static org.privacykit.annotation.PersonalDataType.NAME;
import static org.privacykit.annotation.PersonalDataType.PAYMENT_CARD;

import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;

/** The customer the test controller returns. */
public record Customer(
        @SubjectId String id,
        @PersonalData(value = NAME, purposes = {"support", "billing"}) String fullName,
        @PersonalData(value = EMAIL, purposes = "support") String email,
        @PersonalData(value = PAYMENT_CARD, purposes = "billing") String cardNumber,
        @PersonalData(value = HEALTH, purposes = "support") String diagnosis,
        String plan) {

    static final Customer ADA = new Customer("c-1001", "Ada Lovelace", "ada@example.com", "4111111111111111",
            "asthma", "pro");
}
