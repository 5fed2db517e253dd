package org.privacykit.shop;

import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.HEALTH;
import static org.privacykit.annotation.PersonalDataType.NAME;
import static org.privacykit.annotation.PersonalDataType.PAYMENT_CARD;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.LegalBasis;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;
import org.privacykit.jpa.BlindIndexFor;
import org.privacykit.mask.Masked;

/**
 * A customer of the shop, stored with privacy-jpa and returned as is by the controller: every
 * personal column holds ciphertext, the e-mail deterministically (found by a repository method
 * whatever its case), the card randomized and found through its blind index, the diagnosis
 * randomized and readable only for support. The starter masks what each caller may not see.
 */
@Entity
public class Customer {
    @Id
    @SubjectId
    @Column(length = 32)
    private String id;

    @PersonalData(value = NAME, purposes = {"support", "billing"}, legalBasis = LegalBasis.CONTRACT, retention = "P6Y")
    @Encrypted
    @Column(length = 386)                       // randomized: 255 bytes of text
    private String fullName;

    @PersonalData(value = EMAIL, purposes = {"support", "billing"}, legalBasis = LegalBasis.CONTRACT, retention = "P6Y")
    @Encrypted(mode = DETERMINISTIC)
    @Column(length = 370)                       // deterministic: 255 bytes of address
    private String email;

    @PersonalData(value = PAYMENT_CARD, purposes = "billing", legalBasis = LegalBasis.CONTRACT, retention = "P13M")
    @Encrypted
    @Column(length = 80)                        // randomized: up to 23 characters
    private String cardNumber;

    @BlindIndexFor("cardNumber")
    @Column(length = 6)                         // 32 bits, base64url
    private String cardNumberIndex;

    @PersonalData(value = HEALTH, purposes = "support", legalBasis = LegalBasis.CONSENT, retention = "P2Y")
    @Encrypted
    @Column(length = 386)
    private String diagnosis;

    @Column(length = 16)
    private String plan;

    /** For JPA and Jackson. */
    protected Customer() {
    }

    /**
     * A new customer.
     *
     * @param id         the customer number, the data subject's identifier
     * @param fullName   the name
     * @param email      the e-mail address
     * @param cardNumber the payment card number
     * @param diagnosis  a health note, or null
     * @param plan       the subscription plan
     */
    public Customer(String id, String fullName, String email, String cardNumber, String diagnosis, String plan) {
        this.id = id;
        this.fullName = fullName;
        this.email = email;
        this.cardNumber = cardNumber;
        this.diagnosis = diagnosis;
        this.plan = plan;
    }

    public String getId() {
        return id;
    }

    public String getFullName() {
        return fullName;
    }

    public String getEmail() {
        return email;
    }

    public String getCardNumber() {
        return cardNumber;
    }

    public String getDiagnosis() {
        return diagnosis;
    }

    public String getPlan() {
        return plan;
    }

    /** @param plan the new plan */
    public void setPlan(String plan) {
        this.plan = plan;
    }

    /** Masked: safe in logs and exception messages. */
    @Override
    public String toString() {
        return Masked.toString(this);
    }
}
