package org.privacykit.jackson;

import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.PersonalDataType.DATE_OF_BIRTH;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.HEALTH;
import static org.privacykit.annotation.PersonalDataType.NAME;
import static org.privacykit.annotation.PersonalDataType.PAYMENT_CARD;
import static org.privacykit.annotation.PersonalDataType.PHONE;
import static org.privacykit.annotation.PersonalDataType.POSTAL_ADDRESS;
import static org.privacykit.annotation.PersonalDataType.POSTCODE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.SubjectId;

/** The domain the tests share: the README's customer, with orders and addresses. */
final class Fixtures {
    private Fixtures() {
    }

    record Customer(
            @SubjectId String id,
            @PersonalData(value = NAME, purposes = {"support", "billing"}) String fullName,
            @PersonalData(value = EMAIL, purposes = {"support", "billing"}) @Encrypted(mode = DETERMINISTIC) String email,
            @PersonalData(value = PAYMENT_CARD, purposes = "billing") @Encrypted String cardNumber,
            @PersonalData(value = HEALTH, purposes = "support") @Encrypted String diagnosis,
            @PersonalData(DATE_OF_BIRTH) LocalDate birthDate,
            @Sensitive @Encrypted String apiToken,
            String plan,
            List<Order> orders) {
    }

    record Order(String orderId, BigDecimal total, Address shippingAddress) {
    }

    record Address(
            @PersonalData(value = POSTAL_ADDRESS, purposes = "shipping") @Encrypted String street,
            @PersonalData(POSTCODE) String postcode,
            String city) {
    }

    record Contact(@PersonalData(PHONE) List<String> phones) {
    }

    static Customer ada() {
        return new Customer("c-1001", "Ada Lovelace", "ada.lovelace@example.com", "4111 1111 1111 1111",
                "Type 1 diabetes", LocalDate.of(1985, 12, 10), "sk_live_9f8e7d6c5b4a", "gold",
                List.of(new Order("o-1", new BigDecimal("42.50"),
                        new Address("12 St James's Square", "SW1Y 4JH", "London"))));
    }

    /** A mapper with the JDK 8 and java.time modules and a privacy module, ISO dates. */
    static ObjectMapper mapper(PrivacyModule module) {
        return JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .addModule(module)
                .build();
    }
}
