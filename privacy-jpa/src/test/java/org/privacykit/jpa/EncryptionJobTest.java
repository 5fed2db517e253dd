package org.privacykit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyRing;
import org.privacykit.crypto.SubjectKeyStore;
import org.privacykit.spi.FieldContext;

/** Key rotation and plaintext migration jobs, on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("org.privacykit.jpa.Database#all")
class EncryptionJobTest {
    @Parameter
    Database database;

    private KeyRing keys;
    private FieldEncryptor encryptor;
    private TestUnit unit;
    private final InMemoryAuditSink audit = new InMemoryAuditSink();

    @BeforeEach
    void open() {
        Assumptions.assumeTrue(database.available(), database::skipMessage);
        keys = KeyRing.generate();
        // no subject key store: randomized values are under ring keys, so rotation moves them
        encryptor = FieldEncryptor.of(keys);
        unit = TestUnit.open(database, encryptor, Patient.class, Note.class);
    }

    @AfterEach
    void close() {
        if (unit != null) {
            unit.close();
        }
    }

    private void persistPatients(int count) {
        unit.run(em -> {
            for (int i = 0; i < count; i++) {
                em.persist(new Patient(String.format("p-%03d", i), "N" + i, "user" + i + "@example.com", "+44 20 7946 " + (1000 + i),
                        "diagnosis " + i));
            }
        });
    }

    private boolean current(String column, String id, EncryptionMode mode) throws Exception {
        String stored = unit.raw("Patient", column, id);
        FieldContext field = FieldContext.of("Patient." + column, mode).withSubject(mode == EncryptionMode.RANDOMIZED ? id : null);
        return !encryptor.needsReencryption(field, stored);
    }

    @Test
    void rowsWrittenUnderAnOldKey_stillLoad_afterRotation() throws Exception {
        persistPatients(3);
        keys.rotate();

        Patient p = unit.call(em -> em.find(Patient.class, "p-001"));

        assertThat(p.diagnosis()).isEqualTo("diagnosis 1");
        assertThat(p.email()).isEqualTo("user1@example.com");
        List<Patient> byEmail = unit.call(em -> EncryptedEntities.of(unit.emf).findBy(em, Patient.class, "email", "user2@example.com"));
        List<Patient> byPhone = unit.call(em -> EncryptedEntities.of(unit.emf).findBy(em, Patient.class, "phone", "+44 20 7946 1002"));
        assertThat(byEmail).extracting(Patient::id).containsExactly("p-002");
        assertThat(byPhone).extracting(Patient::id).containsExactly("p-002");
    }

    @Test
    void reencrypt_movesEveryRowToThePrimaryKey_inBatches_withProgress_andASecondRunWritesNothing() throws Exception {
        persistPatients(25);
        String before = unit.raw("Patient", "diagnosis", "p-007");
        String indexBefore = unit.raw("Patient", "phone_index", "p-007");
        int oldKey = keys.primaryKeyId();
        keys.rotate();
        List<JobProgress> reports = new ArrayList<>();

        JobProgress done = EncryptionJob.reencrypt(Patient.class).batchSize(10).progress(reports::add).auditSink(audit).build().run(unit.emf);

        assertThat(done.isFinished()).isTrue();
        assertThat(done.rowsScanned()).isEqualTo(25);
        assertThat(done.rowsUpdated()).isEqualTo(25);
        assertThat(done.valuesReencrypted()).isEqualTo(75);
        assertThat(done.indexesUpdated()).isEqualTo(25);
        assertThat(done.rowsFailed()).isZero();
        assertThat(reports).hasSize(3).extracting(JobProgress::rowsScanned).containsExactly(10L, 20L, 25L);
        assertThat(reports).extracting(JobProgress::lastId).containsExactly("p-009", "p-019", "p-024");
        assertThat(done.toString()).doesNotContain("p-0");
        assertThat(audit.events(AuditAction.REENCRYPTED)).hasSize(3);
        assertThat(unit.raw("Patient", "diagnosis", "p-007")).isNotEqualTo(before);
        assertThat(unit.raw("Patient", "phone_index", "p-007")).isNotEqualTo(indexBefore);
        for (int i = 0; i < 25; i++) {
            String id = String.format("p-%03d", i);
            assertThat(current("diagnosis", id, EncryptionMode.RANDOMIZED)).isTrue();
            assertThat(current("email", id, EncryptionMode.DETERMINISTIC)).isTrue();
        }

        JobProgress again = EncryptionJob.reencrypt(Patient.class).batchSize(10).auditSink(audit).build().run(unit.emf);
        assertThat(again.rowsScanned()).isEqualTo(25);
        assertThat(again.rowsUpdated()).isZero();
        assertThat(audit.events(AuditAction.REENCRYPTED)).hasSize(3);

        keys.disable(oldKey);
        Patient p = unit.call(em -> em.find(Patient.class, "p-007"));
        assertThat(p.diagnosis()).isEqualTo("diagnosis 7");
        List<Patient> found = unit.call(em -> EncryptedEntities.of(unit.emf).findBy(em, Patient.class, "phone", "+44 20 7946 1007"));
        assertThat(found).extracting(Patient::id).containsExactly("p-007");
    }

    @Test
    void reencrypt_resumesAfterTheLastCommittedRow() throws Exception {
        persistPatients(12);
        keys.rotate();

        JobProgress resumed = EncryptionJob.reencrypt(Patient.class).batchSize(5).startAfter("p-005").build().run(unit.emf);

        assertThat(resumed.rowsScanned()).isEqualTo(6);
        assertThat(current("diagnosis", "p-005", EncryptionMode.RANDOMIZED)).isFalse();
        assertThat(current("diagnosis", "p-006", EncryptionMode.RANDOMIZED)).isTrue();
        assertThat(current("diagnosis", "p-011", EncryptionMode.RANDOMIZED)).isTrue();
    }

    @Test
    void reencrypt_reportsARowThatDoesNotDecrypt_andGoesOn() throws Exception {
        persistPatients(3);
        unit.write("Patient", "diagnosis", "p-001", unit.raw("Patient", "diagnosis", "p-000"));
        keys.rotate();

        JobProgress done = EncryptionJob.reencrypt(Patient.class).build().run(unit.emf);

        assertThat(done.rowsFailed()).isEqualTo(1);
        assertThat(done.failedIds()).containsExactly("p-001");
        assertThat(done.failures()).singleElement().asString().startsWith("Patient.diagnosis: ").doesNotContain("diagnosis 0");
        assertThat(done.rowsUpdated()).isEqualTo(2);
    }

    @Test
    void encryptPlaintext_encryptsClearRowsInPlace_toleratesEncryptedOnes_andIsIdempotent() {
        persistPatients(2);
        // rows written before the application adopted privacy-jpa: clear text in the columns
        for (int i = 0; i < 7; i++) {
            unit.sql("insert into " + unit.place.table("Patient")
                            + " (id, name, email, phone, phone_index, diagnosis, version) values (?, ?, ?, ?, null, ?, 0)",
                    "legacy-" + i, "L" + i, "Legacy" + i + "@Example.com", "+44 20 7946 " + (2000 + i), "legacy diagnosis " + i);
        }
        String encryptedBefore = unit.raw("Patient", "diagnosis", "p-001");

        JobProgress done = EncryptionJob.encryptPlaintext(Patient.class).batchSize(4).auditSink(audit).build().run(unit.emf);

        assertThat(done.rowsScanned()).isEqualTo(9);
        assertThat(done.rowsUpdated()).isEqualTo(7);
        assertThat(done.valuesEncrypted()).isEqualTo(21);
        assertThat(done.indexesUpdated()).isEqualTo(7);
        assertThat(done.rowsFailed()).isZero();
        assertThat(unit.raw("Patient", "diagnosis", "p-001")).isEqualTo(encryptedBefore);
        for (int i = 0; i < 7; i++) {
            assertThat(unit.raw("Patient", "diagnosis", "legacy-" + i)).doesNotContain("legacy");
            assertThat(unit.raw("Patient", "email", "legacy-" + i)).doesNotContain("legacy");
        }
        Patient legacy = unit.call(em -> em.find(Patient.class, "legacy-3"));
        assertThat(legacy.diagnosis()).isEqualTo("legacy diagnosis 3");
        assertThat(legacy.phone()).isEqualTo("+44 20 7946 2003");
        assertThat(legacy.email()).as("normalized as the listener stores it").isEqualTo("legacy3@example.com");
        List<Patient> byEmail = unit.call(em -> EncryptedEntities.of(unit.emf).findBy(em, Patient.class, "email", "legacy4@example.com"));
        List<Patient> byPhone = unit.call(em -> EncryptedEntities.of(unit.emf).findBy(em, Patient.class, "phone", "+44 20 7946 2005"));
        assertThat(byEmail).extracting(Patient::id).containsExactly("legacy-4");
        assertThat(byPhone).extracting(Patient::id).containsExactly("legacy-5");

        JobProgress again = EncryptionJob.encryptPlaintext(Patient.class).batchSize(4).build().run(unit.emf);
        assertThat(again.rowsUpdated()).isZero();
        assertThat(again.valuesEncrypted()).isZero();
    }

    @Test
    void encryptPlaintext_onEntityWithoutSubject_andGeneratedIds() {
        unit.run(em -> {
            em.persist(new Note("a", "already encrypted"));
        });
        Long id = unit.call(em -> em.createQuery("select n.id from Note n", Long.class).getSingleResult());
        unit.sql("insert into " + unit.place.table("Note") + " (id, title, text) values (?, ?, ?)", id + 1000, "b", "clear text note");

        JobProgress done = EncryptionJob.encryptPlaintext(Note.class).build().run(unit.emf);

        assertThat(done.valuesEncrypted()).isEqualTo(1);
        assertThat(unit.raw("Note", "text", id + 1000)).doesNotContain("clear");
        assertThat(unit.call(em -> em.find(Note.class, id + 1000)).text()).isEqualTo("clear text note");
        assertThat(unit.call(em -> em.find(Note.class, id)).text()).isEqualTo("already encrypted");
    }

    @Test
    void reencrypt_movesASubjectsValuesToItsOwnKey_onceAStoreIsConfigured() throws Exception {
        persistPatients(2);
        FieldEncryptor shredding = FieldEncryptor.builder(keys).subjectKeyStore(SubjectKeyStore.inMemory()).build();
        unit = unit.reopen(shredding, Patient.class, Note.class);
        String before = unit.raw("Patient", "diagnosis", "p-000");

        JobProgress done = EncryptionJob.reencrypt(Patient.class).build().run(unit.emf);

        assertThat(done.valuesReencrypted()).isEqualTo(4);   // phone and diagnosis of two rows
        assertThat(unit.raw("Patient", "diagnosis", "p-000")).isNotEqualTo(before).startsWith("AY");   // 0x81: subject key
        shredding.forget("p-000");
        Patient forgotten = unit.call(em -> em.find(Patient.class, "p-000"));
        assertThat(forgotten.diagnosis()).isNull();
        assertThat(unit.call(em -> em.find(Patient.class, "p-001")).diagnosis()).isEqualTo("diagnosis 1");
    }
}
