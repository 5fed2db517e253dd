package org.privacykit.jpa;

import static org.privacykit.annotation.PersonalDataType.BANK_ACCOUNT;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;

/** A test entity inheriting its subject and one encrypted attribute from {@link Person}. */
@Entity
public class Employee extends Person {
    @PersonalData(BANK_ACCOUNT)
    @Encrypted
    @Column(length = 400)
    private String salaryAccount;

    protected Employee() {
    }

    Employee(String id, String email, String salaryAccount) {
        this.id = id;
        this.email = email;
        this.salaryAccount = salaryAccount;
    }

    String salaryAccount() {
        return salaryAccount;
    }
}
