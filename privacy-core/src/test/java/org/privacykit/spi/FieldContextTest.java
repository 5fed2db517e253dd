package org.privacykit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.HEALTH;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.annotation.SubjectId;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PrivacyMetadata;

class FieldContextTest {

    record Patient(@SubjectId String id,
                   @PersonalData(HEALTH) @Encrypted String diagnosis,
                   @PersonalData(EMAIL) @Encrypted(mode = DETERMINISTIC, context = "patients.email") String email,
                   String ward) {
    }

    @Test
    void of_property_takesBindingModeAndClassification() {
        ClassMetadata metadata = PrivacyMetadata.of(Patient.class);

        FieldContext diagnosis = FieldContext.of(metadata.property("diagnosis"), "p-1");
        assertThat(diagnosis.name()).isEqualTo("Patient.diagnosis");
        assertThat(diagnosis.subjectId()).isEqualTo("p-1");
        assertThat(diagnosis.mode()).isEqualTo(EncryptionMode.RANDOMIZED);
        assertThat(diagnosis.type()).isEqualTo(HEALTH);
        assertThat(diagnosis.sensitivity()).isEqualTo(Sensitivity.RESTRICTED);

        FieldContext email = FieldContext.of(metadata.property("email"), null);
        assertThat(email.name()).isEqualTo("patients.email");
        assertThat(email.mode()).isEqualTo(EncryptionMode.DETERMINISTIC);
    }

    @Test
    void of_unencryptedProperty_throws() {
        assertThatThrownBy(() -> FieldContext.of(PrivacyMetadata.of(Patient.class).property("ward"), null))
                .hasMessage("Patient.ward is not @Encrypted");
        assertThatThrownBy(() -> FieldContext.of(" ", EncryptionMode.RANDOMIZED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toString_neverShowsTheSubjectId() {
        FieldContext context = FieldContext.of("orders.note", EncryptionMode.RANDOMIZED).withSubject("c-secret-42");

        assertThat(context.toString()).doesNotContain("c-secret-42").contains("orders.note", "with subject");
        assertThat(context).isEqualTo(FieldContext.of("orders.note", EncryptionMode.RANDOMIZED).withSubject("c-secret-42"));
        assertThat(context).isNotEqualTo(context.withSubject("other"));
    }

    @Test
    void exceptions_nameTheFieldOnly() {
        FieldCryptoException e = new TamperedCiphertextException("Customer.email");

        assertThat(e.field()).isEqualTo("Customer.email");
        assertThat(e).hasMessageStartingWith("Customer.email: authentication failed");
        assertThat(new SubjectErasedException("Customer.email")).isInstanceOf(FieldCryptoException.class);
        assertThat(new UnknownKeyException("x", "key 9 is not in the ring")).hasMessage("x: key 9 is not in the ring");
    }
}
