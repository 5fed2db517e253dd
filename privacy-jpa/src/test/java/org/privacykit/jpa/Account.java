package org.privacykit.jpa;

import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.PersonalDataType.IBAN;
import static org.privacykit.annotation.PersonalDataType.USERNAME;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.DynamicUpdate;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;

/** A test entity whose data subject is an ordinary attribute, written with dynamic updates. */
@Entity
@DynamicUpdate
public class Account {
    @Id
    private UUID id;

    @SubjectId
    @Column(length = 64)
    private String owner;

    @PersonalData(IBAN)
    @Encrypted
    @Column(length = 400)
    private String iban;

    @BlindIndexFor(value = "iban", bits = 64)
    @Column(name = "iban_index", length = 11)
    private String ibanIndex;

    @PersonalData(USERNAME)
    @Encrypted(mode = DETERMINISTIC)
    @Verbatim
    @Column(length = 400)
    private String login;

    private long balance;

    protected Account() {
    }

    Account(UUID id, String owner, String iban, String login) {
        this.id = id;
        this.owner = owner;
        this.iban = iban;
        this.login = login;
    }

    UUID id() {
        return id;
    }

    String owner() {
        return owner;
    }

    String iban() {
        return iban;
    }

    String ibanIndex() {
        return ibanIndex;
    }

    String login() {
        return login;
    }

    long balance() {
        return balance;
    }

    void iban(String iban) {
        this.iban = iban;
    }

    void balance(long balance) {
        this.balance = balance;
    }
}
