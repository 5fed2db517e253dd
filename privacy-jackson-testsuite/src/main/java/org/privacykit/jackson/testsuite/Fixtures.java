package org.privacykit.jackson.testsuite;

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

import org.jspecify.annotations.Nullable;

import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.SubjectId;

/** The domain the contracts share: the README's customer, with orders and addresses. */
public final class Fixtures {
    private Fixtures() {
    }

    /**
     * The README's customer.
     *
     * @param id the subject id
     * @param fullName CONFIDENTIAL, revealed for support and billing
     * @param email CONFIDENTIAL, deterministically encrypted
     * @param cardNumber CONFIDENTIAL, revealed for billing
     * @param diagnosis RESTRICTED, revealed for support
     * @param birthDate CONFIDENTIAL, masked to its year
     * @param apiToken a secret, never revealed
     * @param plan clear
     * @param orders nested objects without a subject id of their own
     */
    public record Customer(
            @SubjectId String id,
            @PersonalData(value = NAME, purposes = {"support", "billing"}) @Nullable String fullName,
            @PersonalData(value = EMAIL, purposes = {"support", "billing"}) @Encrypted(mode = DETERMINISTIC) @Nullable String email,
            @PersonalData(value = PAYMENT_CARD, purposes = "billing") @Encrypted @Nullable String cardNumber,
            @PersonalData(value = HEALTH, purposes = "support") @Encrypted @Nullable String diagnosis,
            @PersonalData(DATE_OF_BIRTH) @Nullable LocalDate birthDate,
            @Sensitive @Encrypted @Nullable String apiToken,
            @Nullable String plan,
            @Nullable List<Order> orders) {
    }

    /**
     * An order.
     *
     * @param orderId its id
     * @param total its amount
     * @param shippingAddress where it goes
     */
    public record Order(String orderId, BigDecimal total, Address shippingAddress) {
    }

    /**
     * An address.
     *
     * @param street CONFIDENTIAL, encrypted, revealed for shipping
     * @param postcode INTERNAL: clear on the API
     * @param city clear
     */
    public record Address(
            @PersonalData(value = POSTAL_ADDRESS, purposes = "shipping") @Encrypted @Nullable String street,
            @PersonalData(POSTCODE) String postcode,
            String city) {
    }

    /**
     * A list of phone numbers.
     *
     * @param phones CONFIDENTIAL elements
     */
    public record Contact(@PersonalData(PHONE) List<String> phones) {
    }

    /**
     * Ada, with one order.
     *
     * @return the customer
     */
    public static Customer ada() {
        return new Customer("c-1001", "Ada Lovelace", "ada.lovelace@example.com", "4111 1111 1111 1111",
                "Type 1 diabetes", LocalDate.of(1985, 12, 10), "sk_live_9f8e7d6c5b4a", "gold",
                List.of(new Order("o-1", new BigDecimal("42.50"),
                        new Address("12 St James's Square", "SW1Y 4JH", "London"))));
    }

    /**
     * A customer with only an id and the given name and plan.
     *
     * @param id the id
     * @return the customer
     */
    public static Customer empty(String id) {
        return new Customer(id, null, null, null, null, null, null, null, null);
    }
}
