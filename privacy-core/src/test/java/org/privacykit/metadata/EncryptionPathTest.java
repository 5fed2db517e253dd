package org.privacykit.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacykit.annotation.PersonalDataType.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;

/** The one decision of which path stores which {@code @Encrypted} property encrypted. */
class EncryptionPathTest {

    record Address(@PersonalData(POSTCODE) @Encrypted String postcode) {
    }

    record Patient(@PersonalData(EMAIL) @Encrypted String email,
                   @PersonalData(OTHER) @Encrypted int code,
                   @PersonalData(DATE_OF_BIRTH) @Encrypted LocalDate born,
                   @PersonalData(PHONE) @Encrypted List<String> phones,
                   @PersonalData(PHONE) @Encrypted Map<String, String> phonesByKind,
                   @PersonalData(NAME) @Encrypted Optional<String> nickname,
                   @PersonalData(POSTAL_ADDRESS) @Encrypted Address address,
                   @PersonalData(EMAIL) @Encrypted Map<@PersonalData(EMAIL) String, String> aliases,
                   @PersonalData(NAME) String name) {
    }

    private static AtRest decide(EncryptionPath path, String property) {
        return path.decide(PrivacyMetadata.of(Patient.class).property(property));
    }

    @Test
    void objectCopy_encryptsTextAndContainersOfText() {
        for (String property : List.of("email", "phones", "phonesByKind", "nickname")) {
            assertThat(decide(EncryptionPath.OBJECT_COPY, property).encrypted()).as(property).isTrue();
        }
    }

    @Test
    void objectCopy_refusesWhatASameTypedCopyCannotHold_namingTheFix() {
        AtRest born = decide(EncryptionPath.OBJECT_COPY, "born");
        assertThat(born.encrypted()).isFalse();
        assertThat(born.reason()).contains("LocalDate");
        assertThat(born.describe(PrivacyMetadata.of(Patient.class).property("born")))
                .startsWith("Patient.born is declared LocalDate").contains("Fix: declare it as a String");

        assertThat(decide(EncryptionPath.OBJECT_COPY, "code").reason()).contains("is declared int");
        assertThat(decide(EncryptionPath.OBJECT_COPY, "address").fix()).contains("String fields of Address");
        assertThat(decide(EncryptionPath.OBJECT_COPY, "aliases").reason()).contains("keys in clear");
    }

    @Test
    void json_encryptsEveryEncryptedProperty() {
        for (String property : List.of("email", "code", "born", "phones", "address", "aliases")) {
            assertThat(decide(EncryptionPath.JSON, property).encrypted()).as(property).isTrue();
        }
    }

    @Test
    void jpa_encryptsStringAttributesOnly() {
        assertThat(decide(EncryptionPath.JPA, "email").encrypted()).isTrue();
        assertThat(decide(EncryptionPath.JPA, "phones").encrypted()).isFalse();
        assertThat(decide(EncryptionPath.JPA, "born").reason()).contains("encrypts String attributes");
    }

    @Test
    void aPropertyThatIsNotEncrypted_isEncryptedByNoPath() {
        for (EncryptionPath path : EncryptionPath.values()) {
            assertThat(decide(path, "name").encrypted()).isFalse();
        }
    }
}
