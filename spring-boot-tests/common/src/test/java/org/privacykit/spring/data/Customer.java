package org.privacykit.spring.data;

import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.HEALTH;
import static org.privacykit.annotation.PersonalDataType.NAME;
import static org.privacykit.annotation.PersonalDataType.PAYMENT_CARD;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;
import org.privacykit.jpa.BlindIndexFor;

/**
 * A customer with a deterministic e-mail, a randomized card behind a blind index of only 2 bits (so
 * a search meets false positives on purpose: a quarter of all cards share an index value) and a
 * randomized diagnosis that cannot be searched.
 */
@Entity
public class Customer {
    @Id
    @SubjectId
    private String id;

    @PersonalData(NAME)
    private String name;

    private String status;

    @PersonalData(EMAIL)
    @Encrypted(mode = DETERMINISTIC)
    @Column(length = 400)
    private String email;

    @PersonalData(PAYMENT_CARD)
    @Encrypted
    @Column(length = 400)
    private String cardNumber;

    @BlindIndexFor(value = "cardNumber", bits = 2)
    @Column(length = 4)
    private String cardNumberIndex;

    @PersonalData(HEALTH)
    @Encrypted
    @Column(length = 400)
    private String diagnosis;

    protected Customer() {
    }

    public Customer(String id, String name, String status, String email, String cardNumber, String diagnosis) {
        this.id = id;
        this.name = name;
        this.status = status;
        this.email = email;
        this.cardNumber = cardNumber;
        this.diagnosis = diagnosis;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getStatus() {
        return status;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getCardNumber() {
        return cardNumber;
    }

    public String getDiagnosis() {
        return diagnosis;
    }

    @Override
    public String toString() {
        return "Customer[" + id + "]";
    }
}
