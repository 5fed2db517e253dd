package org.privacykit.logback;

import static org.privacykit.annotation.PersonalDataType.*;

import java.time.LocalDate;

import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.SubjectId;

/** Annotated classes for the module's tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** A record without a masked {@code toString} of its own: its generated one prints every value. */
    record Customer(@SubjectId String id,
                    @PersonalData(NAME) String fullName,
                    @PersonalData(EMAIL) String email,
                    @PersonalData(PAYMENT_CARD) @Encrypted String cardNumber,
                    @PersonalData(HEALTH) String diagnosis,
                    @PersonalData(DATE_OF_BIRTH) LocalDate birthDate,
                    @Sensitive String apiToken,
                    String plan) {
    }

    static Customer ada() {
        return new Customer("c-1001", "Ada Lovelace", "ada.lovelace@example.com", "4111 1111 1111 1111",
                "Type 1 diabetes", LocalDate.of(1985, 12, 10), "sk_live_9f8e7d6c5b4a", "gold");
    }

    /** A plain class whose {@code toString} fails, as a lazy proxy's may. */
    static final class Broken {
        @Override
        public String toString() {
            throw new IllegalStateException("no session to load ada.lovelace@example.com");
        }
    }

    /** A plain value with a {@code toString} of its own, which stays as it is. */
    record Money(long cents, String currency) {
        @Override
        public String toString() {
            return cents / 100 + "." + String.format("%02d", cents % 100) + " " + currency;
        }
    }
}
