package org.privacykit.spring.jpa;

import static org.privacykit.annotation.PersonalDataType.HEALTH;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;

/** An entity with an encrypted attribute, for the Spring Boot JPA wiring test. */
@Entity
public class Patient {
    @Id
    @SubjectId
    private String id;

    @PersonalData(HEALTH)
    @Encrypted
    @Column(length = 400)
    private String diagnosis;

    protected Patient() {
    }

    public Patient(String id, String diagnosis) {
        this.id = id;
        this.diagnosis = diagnosis;
    }

    public String getId() {
        return id;
    }

    public String getDiagnosis() {
        return diagnosis;
    }
}
