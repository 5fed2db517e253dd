package org.privacykit.jpa;

import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.HEALTH;
import static org.privacykit.annotation.PersonalDataType.NAME;
import static org.privacykit.annotation.PersonalDataType.PHONE;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;

/** A test entity whose identifier is the data subject: deterministic, randomized and blind-indexed attributes. */
@Entity
public class Patient {
    @Id
    @SubjectId
    @Column(length = 64)
    private String id;

    @PersonalData(NAME)
    private String name;

    @PersonalData(EMAIL)
    @Encrypted(mode = DETERMINISTIC)
    @Column(length = 400)
    private String email;

    @PersonalData(PHONE)
    @Encrypted
    @Column(length = 400)
    private String phone;

    @BlindIndexFor("phone")
    @Column(name = "phone_index", length = 6)
    private String phoneIndex;

    @PersonalData(HEALTH)
    @Encrypted
    @Column(length = 4000)
    private String diagnosis;

    @Version
    private int version;

    protected Patient() {
    }

    Patient(String id, String name, String email, String phone, String diagnosis) {
        this.id = id;
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.diagnosis = diagnosis;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    String email() {
        return email;
    }

    String phone() {
        return phone;
    }

    String phoneIndex() {
        return phoneIndex;
    }

    String diagnosis() {
        return diagnosis;
    }

    int version() {
        return version;
    }

    void name(String name) {
        this.name = name;
    }

    void email(String email) {
        this.email = email;
    }

    void phone(String phone) {
        this.phone = phone;
    }

    void diagnosis(String diagnosis) {
        this.diagnosis = diagnosis;
    }
}
