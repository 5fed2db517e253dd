package org.privacykit.spark;

import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.NAME;
import static org.privacykit.annotation.PersonalDataType.PHONE;

import java.io.Serializable;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;
import org.privacykit.mask.Masked;

/** A JavaBean as Spark's bean encoder reads it, annotated as an application would. */
public class Customer implements Serializable {
    private static final long serialVersionUID = 1L;

    @SubjectId
    private String id;
    @PersonalData(NAME)
    private String fullName;
    @PersonalData(EMAIL)
    @Encrypted(mode = EncryptionMode.DETERMINISTIC)
    private String email;
    @PersonalData(PHONE)
    @Encrypted
    private String phone;
    private String country;

    public Customer() {
    }

    public Customer(String id, String fullName, String email, String phone, String country) {
        this.id = id;
        this.fullName = fullName;
        this.email = email;
        this.phone = phone;
        this.country = country;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    @Override
    public String toString() {
        return Masked.toString(this);
    }
}
