package org.privacykit.jpa;

import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.FREE_TEXT;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;

/** A test entity whose data subject id is itself encrypted (deterministically, so it stays searchable). */
@Entity
public class Ticket {
    @Id
    @GeneratedValue
    private Long id;

    @SubjectId
    @PersonalData(EMAIL)
    @Encrypted(mode = DETERMINISTIC)
    @Column(length = 400)
    private String customerEmail;

    @PersonalData(FREE_TEXT)
    @Encrypted
    @Column(length = 4000)
    private String body;

    protected Ticket() {
    }

    Ticket(String customerEmail, String body) {
        this.customerEmail = customerEmail;
        this.body = body;
    }

    Long id() {
        return id;
    }

    String customerEmail() {
        return customerEmail;
    }

    String body() {
        return body;
    }
}
