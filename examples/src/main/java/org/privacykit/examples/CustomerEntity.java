package org.privacykit.examples;

import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.PersonalDataType.DATE_OF_BIRTH;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.HEALTH;
import static org.privacykit.annotation.PersonalDataType.NAME;
import static org.privacykit.annotation.PersonalDataType.PAYMENT_CARD;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.LegalBasis;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.SubjectId;
import org.privacykit.jpa.BlindIndexFor;

/**
 * How the shop stores a {@link Customer} with JPA (orders live in their own table, not shown). The
 * annotations are the record's; {@code context} binds each ciphertext to the same name the record
 * uses ({@code Customer.email}), so a value the JSON store encrypted reads here and the other way
 * round. The card number is randomized and searchable through its blind index.
 */
@Entity(name = "Customer")
@Table(name = "customer")
public class CustomerEntity {
    @Id
    @SubjectId
    @Column(length = 32)
    private String id;

    @PersonalData(value = NAME, purposes = {"support", "billing"}, legalBasis = LegalBasis.CONTRACT, retention = "P6Y")
    private String fullName;

    @PersonalData(value = EMAIL, purposes = {"support", "billing"}, legalBasis = LegalBasis.CONTRACT, retention = "P6Y")
    @Encrypted(mode = DETERMINISTIC, context = "Customer.email")
    @Column(length = 370)                       // deterministic: ceil(4 * (22 + 255) / 3) for 255 bytes
    private String email;

    @PersonalData(value = PAYMENT_CARD, purposes = "billing", legalBasis = LegalBasis.CONTRACT, retention = "P13M")
    @Encrypted(context = "Customer.cardNumber")
    @Column(length = 80)                        // randomized: ceil(4 * (34 + 23) / 3) = 76 for 23 bytes
    private String cardNumber;

    @BlindIndexFor("cardNumber")
    @Column(name = "card_number_index", length = 6)
    private String cardNumberIndex;

    @PersonalData(value = HEALTH, purposes = "support", legalBasis = LegalBasis.CONSENT, retention = "P2Y")
    @Encrypted(context = "Customer.diagnosis")
    @Column(length = 386)                       // randomized: 255 bytes of text
    private String diagnosis;

    @PersonalData(value = DATE_OF_BIRTH, legalBasis = LegalBasis.LEGAL_OBLIGATION, retention = "P10Y")
    private LocalDate birthDate;

    @Sensitive("API token for the customer's integrations")
    @Encrypted(context = "Customer.apiToken")
    @Column(length = 120)
    private String apiToken;

    private String plan;

    /** For JPA. */
    protected CustomerEntity() {
    }

    /**
     * Maps a customer to its row.
     *
     * @param c the customer
     * @return the entity, new (not yet persisted)
     */
    public static CustomerEntity from(Customer c) {
        CustomerEntity e = new CustomerEntity();
        e.id = c.id();
        e.fullName = c.fullName();
        e.email = c.email();
        e.cardNumber = c.cardNumber();
        e.diagnosis = c.diagnosis();
        e.birthDate = c.birthDate();
        e.apiToken = c.apiToken();
        e.plan = c.plan();
        return e;
    }

    /**
     * Maps the row back to a customer, without orders.
     *
     * @return the customer
     */
    public Customer toCustomer() {
        return new Customer(id, fullName, email, cardNumber, diagnosis, birthDate, apiToken, plan, List.of());
    }

    /** @return the blind index of the card number, maintained by privacy-jpa */
    public String cardNumberIndex() {
        return cardNumberIndex;
    }

    /** @param plan the new plan */
    public void plan(String plan) {
        this.plan = plan;
    }
}
