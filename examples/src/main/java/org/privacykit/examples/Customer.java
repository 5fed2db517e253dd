package org.privacykit.examples;

import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.PersonalDataType.*;

import java.time.LocalDate;
import java.util.List;

import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.LegalBasis;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.SubjectId;
import org.privacykit.mask.Masked;

/** A customer of a small online shop: the README's quickstart class, with orders. */
public record Customer(
        @SubjectId String id,
        @PersonalData(value = NAME, purposes = {"support", "billing"}, legalBasis = LegalBasis.CONTRACT,
                retention = "P6Y") String fullName,
        @PersonalData(value = EMAIL, purposes = {"support", "billing"}, legalBasis = LegalBasis.CONTRACT,
                retention = "P6Y") @Encrypted(mode = DETERMINISTIC) String email,
        @PersonalData(value = PAYMENT_CARD, purposes = "billing", legalBasis = LegalBasis.CONTRACT,
                retention = "P13M") @Encrypted String cardNumber,
        @PersonalData(value = HEALTH, purposes = "support", legalBasis = LegalBasis.CONSENT,
                retention = "P2Y") @Encrypted String diagnosis,
        @PersonalData(value = DATE_OF_BIRTH, legalBasis = LegalBasis.LEGAL_OBLIGATION,
                retention = "P10Y") LocalDate birthDate,
        @Sensitive("API token for the customer's integrations") @Encrypted String apiToken,
        String plan,
        List<Order> orders) {
    /** Logs and exception messages show this class masked by its declarations, never its fields in clear. */
    @Override
    public String toString() {
        return Masked.toString(this);
    }
}
