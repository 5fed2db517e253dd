package org.privacykit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.annotation.PersonalDataType.EMAIL;

import java.util.Map;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.OptimisticLockType;
import org.hibernate.annotations.OptimisticLocking;
import org.junit.jupiter.api.Test;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyRing;

/** Boot-time checks: mappings privacy-jpa cannot encrypt correctly fail to start, with a clear message. */
class PrivacyIntegratorTest {
    private static final FieldEncryptor ENCRYPTOR = FieldEncryptor.of(KeyRing.generate());

    @Entity
    public static class Counter {
        @Id
        Long id;
        @PersonalData(EMAIL)
        @Encrypted
        Integer count;
    }

    @Entity
    @Cacheable
    public static class Cached {
        @Id
        Long id;
        @PersonalData(EMAIL)
        @Encrypted
        String email;
    }

    @Entity
    @OptimisticLocking(type = OptimisticLockType.ALL)
    public static class AllColumnsLocked {
        @Id
        Long id;
        @PersonalData(EMAIL)
        @Encrypted
        String email;
    }

    @Converter
    public static class Upper implements AttributeConverter<String, String> {
        @Override
        public String convertToDatabaseColumn(String attribute) {
            return attribute == null ? null : attribute.toUpperCase(java.util.Locale.ROOT);
        }

        @Override
        public String convertToEntityAttribute(String dbData) {
            return dbData;
        }
    }

    @Entity
    public static class Converted {
        @Id
        Long id;
        @PersonalData(EMAIL)
        @Encrypted
        @Convert(converter = Upper.class)
        String email;
    }

    @Entity
    public static class BadIndex {
        @Id
        Long id;
        @PersonalData(EMAIL)
        @Encrypted
        String email;
        @BlindIndexFor("mail")
        String emailIndex;
    }

    @Entity
    public static class VerbatimRandomized {
        @Id
        Long id;
        @PersonalData(EMAIL)
        @Encrypted
        @Verbatim
        String email;
    }

    @Entity
    public static class Plain {
        @Id
        Long id;
        String title;
    }

    private static void boot(FieldEncryptor encryptor, Class<?> entity) {
        TestUnit.open(Database.H2, encryptor, entity).close();
    }

    @Test
    void encryptedEntity_withoutEncryptor_failsToStart_namingTheSetting() {
        assertThatThrownBy(() -> boot(null, Patient.class))
                .hasStackTraceContaining("Patient.email: is @Encrypted, but no FieldEncryptor was configured")
                .hasStackTraceContaining(EncryptedEntities.FIELD_ENCRYPTOR);
    }

    @Test
    void settingOfTheWrongType_failsToStart() {
        assertThatThrownBy(() -> TestUnit.open(Database.H2, null, Map.of(EncryptedEntities.FIELD_ENCRYPTOR, "secret"), Patient.class))
                .hasStackTraceContaining("must hold an org.privacykit.crypto.FieldEncryptor instance");
    }

    @Test
    void nonStringAttribute_failsToStart() {
        assertThatThrownBy(() -> boot(ENCRYPTOR, Counter.class)).hasStackTraceContaining("Counter.count: is declared Integer; privacy-jpa encrypts String attributes");
    }

    @Test
    void secondLevelCache_failsToStart() {
        assertThatThrownBy(() -> TestUnit.open(Database.H2, ENCRYPTOR, Map.of("jakarta.persistence.sharedCache.mode", "ENABLE_SELECTIVE"), Cached.class).close())
                .satisfies(e -> assertThat(e).hasStackTraceContaining("second-level"));
    }

    @Test
    void optimisticLockingOnAllColumns_failsToStart() {
        assertThatThrownBy(() -> boot(ENCRYPTOR, AllColumnsLocked.class)).hasStackTraceContaining("use a @Version attribute");
    }

    @Test
    void attributeConverterOnEncryptedAttribute_failsToStart() {
        assertThatThrownBy(() -> boot(ENCRYPTOR, Converted.class)).hasStackTraceContaining("cannot have an AttributeConverter");
    }

    @Test
    void blindIndexNamingNoEncryptedAttribute_failsToStart() {
        assertThatThrownBy(() -> boot(ENCRYPTOR, BadIndex.class)).hasStackTraceContaining("@BlindIndexFor(\"mail\") names no @Encrypted attribute");
    }

    @Test
    void verbatimOnARandomizedAttribute_failsToStart() {
        assertThatThrownBy(() -> boot(ENCRYPTOR, VerbatimRandomized.class))
                .hasStackTraceContaining("VerbatimRandomized.email: @Verbatim applies to @Encrypted(mode = DETERMINISTIC) attributes only");
    }

    @Test
    void unitWithoutEncryptedEntities_startsWithoutEncryptor_andHelpersSaySo() {
        try (TestUnit unit = TestUnit.open(Database.H2, null, Plain.class)) {
            assertThatThrownBy(() -> EncryptedEntities.of(unit.emf)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(EncryptedEntities.FIELD_ENCRYPTOR);
        }
    }
}
