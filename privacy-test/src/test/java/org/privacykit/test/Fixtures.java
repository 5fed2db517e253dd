package org.privacykit.test;

import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.PersonalDataType.*;

import java.time.LocalDate;
import java.util.List;

import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.QuasiIdentifier;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.SubjectId;

/** Annotated classes for the kit's own tests. */
final class Fixtures {
    private Fixtures() {
    }

    record Address(@PersonalData(POSTAL_ADDRESS) String street, @PersonalData(POSTCODE) String postcode) {
    }

    record Customer(@SubjectId String id,
                    @PersonalData(NAME) String fullName,
                    @PersonalData(EMAIL) @Encrypted(mode = DETERMINISTIC) String email,
                    @PersonalData(PHONE) String phone,
                    @PersonalData(PAYMENT_CARD) @Encrypted String cardNumber,
                    @PersonalData(IBAN) String iban,
                    @PersonalData(HEALTH) @Encrypted String diagnosis,
                    @PersonalData(DATE_OF_BIRTH) LocalDate birthDate,
                    @Sensitive @Encrypted String apiToken,
                    String plan,
                    List<Address> addresses) {
    }

    static Customer ada() {
        return new Customer("c-1001", "Ada Lovelace", "Ada.Lovelace@Example.com", "+44 20 7946 0958",
                "4111 1111 1111 1111", "GB82 WEST 1234 5698 7654 32", "Type 1 diabetes", LocalDate.of(1985, 12, 10),
                "sk_live_9f8e7d6c5b4a", "gold", List.of(new Address("12 St James's Square", "SW1Y 4JH")));
    }

    record Patient(@QuasiIdentifier int age, @QuasiIdentifier String sex, String diagnosis) {
    }
}
