package org.privacykit.jpa;

import static org.privacykit.annotation.PersonalDataType.EMAIL;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;

/** A mapped superclass declaring the subject and an encrypted attribute its entities inherit. */
@MappedSuperclass
public abstract class Person {
    @Id
    @SubjectId
    @Column(length = 64)
    protected String id;

    @PersonalData(EMAIL)
    @Encrypted
    @Column(length = 400)
    protected String email;

    String email() {
        return email;
    }
}
