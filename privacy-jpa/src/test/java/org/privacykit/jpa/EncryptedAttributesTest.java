package org.privacykit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hibernate.StatelessSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.crypto.BlindIndex;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyRing;
import org.privacykit.crypto.SubjectKeyStore;
import org.privacykit.spi.FieldContext;
import org.privacykit.spi.TamperedCiphertextException;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Encrypted entity attributes on a real database: H2 always, PostgreSQL when a server is given
 * (see {@link Database}). The same tests run on both.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.privacykit.jpa.Database#all")
class EncryptedAttributesTest {
    private static final Map<Database, Fixture> UNITS = new ConcurrentHashMap<>();

    @Parameter
    Database database;

    private Fixture fixture;
    private TestUnit unit;

    /** One unit per database for the whole class: booting Hibernate is the slow part. */
    private static final class Fixture {
        final KeyRing keys = KeyRing.generate();
        final FieldEncryptor encryptor = FieldEncryptor.builder(keys).subjectKeyStore(SubjectKeyStore.inMemory()).build();
        final TestUnit unit;

        Fixture(Database database) {
            unit = TestUnit.open(database, encryptor, Patient.class, Account.class, Note.class, Employee.class);
        }
    }

    @BeforeEach
    void open() {
        Assumptions.assumeTrue(database.available(), database::skipMessage);
        fixture = UNITS.computeIfAbsent(database, Fixture::new);
        unit = fixture.unit;
        unit.run(em -> {
            em.createQuery("delete from Patient").executeUpdate();
            em.createQuery("delete from Account").executeUpdate();
            em.createQuery("delete from Note").executeUpdate();
            em.createQuery("delete from Employee").executeUpdate();
        });
        unit.resetCounters();
    }

    @AfterAll
    static void close() {
        UNITS.values().forEach(f -> f.unit.close());
        UNITS.clear();
    }

    private static Patient ada() {
        return new Patient("p-1", "Ada Lovelace", "ada@example.com", "+44 20 7946 0958", "Type 1 diabetes");
    }

    private static Patient alan() {
        return new Patient("p-2", "Alan Turing", "alan@example.org", "+44 161 496 0000", "Asthma");
    }

    private void persist(Object... entities) {
        unit.run(em -> {
            for (Object e : entities) {
                em.persist(e);
            }
        });
    }

    @Test
    void persist_thenLoad_givesPlaintextInEntityAndCiphertextInColumn() {
        persist(ada());

        Patient loaded = unit.call(em -> em.find(Patient.class, "p-1"));

        assertThat(loaded.email()).isEqualTo("ada@example.com");
        assertThat(loaded.phone()).isEqualTo("+44 20 7946 0958");
        assertThat(loaded.diagnosis()).isEqualTo("Type 1 diabetes");
        assertThat(loaded.name()).isEqualTo("Ada Lovelace");
        for (String column : List.of("email", "phone", "diagnosis")) {
            String stored = unit.raw("Patient", column, "p-1");
            assertThat(stored).startsWith("A").matches("[A-Za-z0-9_-]+").doesNotContain("example").doesNotContain("7946").doesNotContain("diabetes");
        }
        assertThat(unit.raw("Patient", "name", "p-1")).isEqualTo("Ada Lovelace");
        assertThat(unit.raw("Patient", "phone_index", "p-1")).hasSize(6);
    }

    @Test
    void load_andCommitWithoutChanges_issuesNoUpdate() {
        persist(ada(), alan());
        Account account = new Account(UUID.randomUUID(), "c-7", "GB82 WEST 1234 5698 7654 32", "ada");
        persist(account);
        persist(new Note("t", "meet Ada at noon"));
        unit.resetCounters();

        unit.run(em -> {
            em.find(Patient.class, "p-1");
            em.find(Account.class, account.id());
            em.createQuery("from Patient", Patient.class).getResultList();
            em.createQuery("from Note", Note.class).getResultList();
            em.flush();
        });

        assertThat(unit.entityUpdates()).isZero();
        assertThat(unit.updateStatements()).isZero();
    }

    @Test
    void persist_thenFlushAgainInSameTransaction_issuesNoUpdate() {
        unit.run(em -> {
            em.persist(ada());
            em.persist(new Note("t", "text"));
            em.flush();
            em.flush();
            em.createQuery("from Patient", Patient.class).getResultList();
        });

        assertThat(unit.entityUpdates()).isZero();
        assertThat(unit.updateStatements()).isZero();
    }

    @Test
    void changeOneEncryptedAttribute_issuesExactlyOneUpdate() {
        persist(ada());
        unit.resetCounters();

        unit.run(em -> em.find(Patient.class, "p-1").diagnosis("Type 2 diabetes"));

        assertThat(unit.entityUpdates()).isEqualTo(1);
        assertThat(unit.updateStatements()).isEqualTo(1);
        Patient loaded = unit.call(em -> em.find(Patient.class, "p-1"));
        assertThat(loaded.diagnosis()).isEqualTo("Type 2 diabetes");
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(unit.raw("Patient", "diagnosis", "p-1")).doesNotContain("diabetes");

        unit.resetCounters();
        unit.call(em -> em.find(Patient.class, "p-1"));
        assertThat(unit.updateStatements()).isZero();
    }

    @Test
    void changeClearAttribute_withDynamicUpdate_writesOnlyThatColumnAndNoMore() {
        Account account = new Account(UUID.randomUUID(), "c-7", "GB82 WEST 1234 5698 7654 32", "ada");
        persist(account);
        String iban = unit.raw("Account", "iban", account.id());
        unit.resetCounters();

        unit.run(em -> em.find(Account.class, account.id()).balance(100));
        unit.call(em -> em.find(Account.class, account.id()));

        assertThat(unit.updateStatements()).isEqualTo(1);
        assertThat(unit.raw("Account", "iban", account.id())).isEqualTo(iban);
    }

    @Test
    void changeIndexedAttribute_withDynamicUpdate_rewritesItsBlindIndex() {
        Account account = new Account(UUID.randomUUID(), "c-7", "GB82 WEST 1234 5698 7654 32", "ada");
        persist(account);
        String index = unit.raw("Account", "iban_index", account.id());
        unit.resetCounters();

        unit.run(em -> em.find(Account.class, account.id()).iban("DE89 3704 0044 0532 0130 00"));

        assertThat(unit.updateStatements()).isEqualTo(1);
        assertThat(unit.raw("Account", "iban_index", account.id())).isNotEqualTo(index).hasSize(11);
        EncryptedEntities entities = EncryptedEntities.of(unit.emf);
        List<Account> found = unit.call(em -> entities.findBy(em, Account.class, "iban", "de89370400440532013000"));
        assertThat(found).extracting(Account::id).containsExactly(account.id());
        assertThat(found.get(0).ibanIndex()).isEqualTo(unit.raw("Account", "iban_index", account.id()));
    }

    @Test
    void nullValues_stayNull() {
        persist(new Patient("p-9", "Nobody", null, null, null));

        Patient loaded = unit.call(em -> em.find(Patient.class, "p-9"));

        assertThat(loaded.email()).isNull();
        assertThat(loaded.phone()).isNull();
        assertThat(loaded.phoneIndex()).isNull();
        assertThat(unit.raw("Patient", "phone", "p-9")).isNull();
        assertThat(unit.raw("Patient", "phone_index", "p-9")).isNull();
    }

    @Test
    void ciphertextCopiedToAnotherColumn_failsToLoad_namingEntityAndAttribute() {
        persist(ada());
        unit.write("Patient", "diagnosis", "p-1", unit.raw("Patient", "phone", "p-1"));

        assertThatThrownBy(() -> unit.call(em -> em.find(Patient.class, "p-1")))
                .isInstanceOf(EncryptedAttributeException.class)
                .hasMessageStartingWith("Patient.diagnosis: cannot decrypt the stored value")
                .hasMessageNotContaining("7946").hasMessageNotContaining("diabetes").hasMessageNotContaining("p-1")
                .hasCauseInstanceOf(TamperedCiphertextException.class);
    }

    @Test
    void ciphertextCopiedToAnotherRow_failsToLoad_namingEntityAndAttribute() {
        persist(ada(), alan());
        unit.write("Patient", "diagnosis", "p-2", unit.raw("Patient", "diagnosis", "p-1"));

        assertThatThrownBy(() -> unit.call(em -> em.find(Patient.class, "p-2")))
                .isInstanceOf(EncryptedAttributeException.class)
                .hasMessageStartingWith("Patient.diagnosis: cannot decrypt the stored value")
                .hasMessageNotContaining("diabetes").hasMessageNotContaining("p-1").hasMessageNotContaining("p-2")
                .satisfies(e -> assertThat(((EncryptedAttributeException) e).attribute()).isEqualTo("diagnosis"));
        assertThat(unit.call(em -> em.find(Patient.class, "p-1")).diagnosis()).isEqualTo("Type 1 diabetes");
    }

    @Test
    void tamperedColumn_failsToLoad() {
        persist(new Note("t", "meet Ada at noon"));
        Long id = unit.call(em -> em.createQuery("select n.id from Note n", Long.class).getSingleResult());
        String stored = unit.raw("Note", "text", id);
        unit.write("Note", "text", id, stored.substring(0, stored.length() - 2) + (stored.endsWith("A") ? "BA" : "AA"));

        assertThatThrownBy(() -> unit.call(em -> em.find(Note.class, id)))
                .isInstanceOf(EncryptedAttributeException.class)
                .hasMessageStartingWith("Note.text: ")
                .hasMessageNotContaining("Ada");
    }

    @Test
    void columnWrittenByFieldEncryptor_loadsHere_andViceVersa() throws Exception {
        FieldEncryptor encryptor = fixture.encryptor;
        Patient outside = encryptor.encrypt(alan());
        persist(ada());
        unit.write("Patient", "diagnosis", "p-1", encryptor.encrypt(FieldContext.of("Patient.diagnosis", EncryptionMode.RANDOMIZED)
                .withSubject("p-1"), "written elsewhere"));
        unit.run(em -> {
            em.persist(alan());
        });
        unit.write("Patient", "email", "p-2", outside.email());
        unit.write("Patient", "phone", "p-2", outside.phone());

        Patient loaded = unit.call(em -> em.find(Patient.class, "p-2"));
        assertThat(loaded.email()).isEqualTo("alan@example.org");
        assertThat(loaded.phone()).isEqualTo("+44 161 496 0000");
        assertThat(unit.call(em -> em.find(Patient.class, "p-1")).diagnosis()).isEqualTo("written elsewhere");

        Patient rawCopy = new Patient("p-1", "Ada Lovelace", unit.raw("Patient", "email", "p-1"), unit.raw("Patient", "phone", "p-1"), null);
        Patient clear = encryptor.decrypt(rawCopy);
        assertThat(clear.email()).isEqualTo("ada@example.com");
        assertThat(clear.phone()).isEqualTo("+44 20 7946 0958");
    }

    @Test
    void deterministicAttribute_isFoundByItsPlainValue() {
        persist(ada(), alan());
        EncryptedEntities entities = EncryptedEntities.of(unit.emf);

        List<Patient> byHelper = unit.call(em -> entities.findBy(em, Patient.class, "email", "alan@example.org"));
        SearchTerms terms = entities.searchTerms(Patient.class, "email", "ada@example.com");
        List<Patient> byJpql = unit.call(em -> em.createQuery(
                "select p from Patient p where p." + terms.attribute() + " in :terms", Patient.class)
                .setParameter("terms", terms.terms()).getResultList());

        assertThat(byHelper).extracting(Patient::id).containsExactly("p-2");
        assertThat(byJpql).extracting(Patient::id).containsExactly("p-1");
        assertThat(terms.isExact()).isTrue();
        assertThat(terms.toString()).doesNotContain(terms.terms().get(0));
        List<Patient> none = unit.call(em -> entities.findBy(em, Patient.class, "email", "nobody@example.com"));
        assertThat(none).isEmpty();
    }

    @Test
    void randomizedAttribute_isFoundThroughItsBlindIndex_normalized() {
        persist(ada(), alan());
        EncryptedEntities entities = EncryptedEntities.of(unit.emf);

        List<Patient> found = unit.call(em -> entities.findBy(em, Patient.class, "phone", "+44-20-7946-0958"));

        assertThat(found).extracting(Patient::id).containsExactly("p-1");
        assertThat(found.get(0).phoneIndex()).isEqualTo(unit.raw("Patient", "phone_index", "p-1"));
        assertThat(entities.searchTerms(Patient.class, "phone", "x").attribute()).isEqualTo("phoneIndex");
        assertThatThrownBy(() -> entities.searchTerms(Patient.class, "diagnosis", "Asthma"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Patient.diagnosis is randomized");
    }

    @Test
    void scalarProjection_returnsStoredValue_whichDecryptHelperOpens() {
        persist(ada());
        EncryptedEntities entities = EncryptedEntities.of(unit.emf);

        String stored = unit.call(em -> em.createQuery("select p.diagnosis from Patient p", String.class).getSingleResult());

        assertThat(stored).isEqualTo(unit.raw("Patient", "diagnosis", "p-1"));
        assertThat(entities.decrypt(Patient.class, "diagnosis", "p-1", stored)).isEqualTo("Type 1 diabetes");
        assertThatThrownBy(() -> entities.decrypt(Patient.class, "diagnosis", "p-2", stored))
                .isInstanceOf(EncryptedAttributeException.class);
    }

    @Test
    void entityWithoutSubject_andGeneratedId_roundTrips() {
        Note note = new Note("lunch", "meet Ada at noon");
        persist(note);

        Note loaded = unit.call(em -> em.find(Note.class, note.id()));

        assertThat(loaded.text()).isEqualTo("meet Ada at noon");
        assertThat(unit.raw("Note", "text", note.id())).doesNotContain("Ada");
    }

    @Test
    void attributesInheritedFromAMappedSuperclass_areEncryptedAndBoundToTheInheritedSubject() {
        persist(new Employee("e-1", "grace@example.com", "GB29 NWBK 6016 1331 9268 19"), new Employee("e-2", "x@example.com", "y"));
        unit.resetCounters();

        Employee loaded = unit.call(em -> em.find(Employee.class, "e-1"));

        assertThat(loaded.email()).isEqualTo("grace@example.com");
        assertThat(loaded.salaryAccount()).isEqualTo("GB29 NWBK 6016 1331 9268 19");
        assertThat(unit.updateStatements()).isZero();
        assertThat(unit.raw("Employee", "email", "e-1")).doesNotContain("grace");
        unit.write("Employee", "salaryAccount", "e-2", unit.raw("Employee", "salaryAccount", "e-1"));
        assertThatThrownBy(() -> unit.call(em -> em.find(Employee.class, "e-2")))
                .isInstanceOf(EncryptedAttributeException.class).hasMessageStartingWith("Employee.salaryAccount: ");
    }

    @Test
    void mergeOfDetachedEntity_writesOnceAndEncrypts() {
        persist(ada());
        Patient detached = unit.call(em -> em.find(Patient.class, "p-1"));
        detached.phone("+44 20 7946 0000");
        unit.resetCounters();

        unit.run(em -> {
            em.merge(detached);
        });

        assertThat(unit.updateStatements()).isEqualTo(1);
        assertThat(unit.raw("Patient", "phone", "p-1")).doesNotContain("7946");
        EncryptedEntities entities = EncryptedEntities.of(unit.emf);
        List<Patient> found = unit.call(em -> entities.findBy(em, Patient.class, "phone", "+44 20 7946 0000"));
        assertThat(found)
                .extracting(Patient::phone).containsExactly("+44 20 7946 0000");
    }

    @Test
    void refresh_reloadsPlaintext() {
        persist(ada());
        unit.run(em -> {
            Patient p = em.find(Patient.class, "p-1");
            p.diagnosis("changed in memory");
            em.refresh(p);
            assertThat(p.diagnosis()).isEqualTo("Type 1 diabetes");
        });
    }

    @Test
    void statelessSession_insertEncrypts_butUpdateIsRefused() {
        try (StatelessSession stateless = unit.emf.unwrap(org.hibernate.SessionFactory.class).openStatelessSession()) {
            stateless.getTransaction().begin();
            stateless.insert(ada());
            stateless.getTransaction().commit();
        }
        assertThat(unit.raw("Patient", "diagnosis", "p-1")).doesNotContain("diabetes");
        assertThat(unit.call(em -> em.find(Patient.class, "p-1")).diagnosis()).isEqualTo("Type 1 diabetes");

        try (StatelessSession stateless = unit.emf.unwrap(org.hibernate.SessionFactory.class).openStatelessSession()) {
            stateless.getTransaction().begin();
            Patient read = stateless.get(Patient.class, "p-1");
            assertThatThrownBy(() -> stateless.update(read))
                    .isInstanceOf(EncryptedAttributeException.class).hasMessageContaining("StatelessSession");
            stateless.getTransaction().rollback();
        }
    }

    @Test
    void nativeQueryForEntities_decrypts() {
        persist(ada());

        Patient loaded = unit.call(em -> (Patient) em.createNativeQuery(
                "select * from " + unit.place.table("Patient") + " where id = 'p-1'", Patient.class).getSingleResult());

        assertThat(loaded.diagnosis()).isEqualTo("Type 1 diabetes");
    }

    @Test
    void arbitraryStrings_roundTrip_andTheColumnNeverHoldsThePlaintext() {
        int[] n = {0};
        qt().withExamples(database.isH2() ? 150 : 60).forAll(text()).checkAssert(value -> {
            String id = "q-" + n[0]++;
            Patient p = new Patient(id, "Q", value, value, value);
            unit.run(em -> {
                em.persist(p);
            });
            Patient loaded = unit.call((EntityManager em) -> {
                em.clear();
                return em.find(Patient.class, id);
            });
            assertThat(loaded).isNotSameAs(p);
            // a deterministic e-mail is stored normalized (see @Verbatim), the others as written
            assertThat(loaded.email()).isEqualTo(BlindIndex.normalize(EMAIL, value));
            assertThat(loaded.phone()).isEqualTo(value);
            assertThat(loaded.diagnosis()).isEqualTo(value);
            for (String column : List.of("email", "phone", "diagnosis")) {
                String stored = unit.raw("Patient", column, id);
                assertThat(stored).isNotEqualTo(value).matches("[A-Za-z0-9_-]+");
                if (value.codePointCount(0, value.length()) >= 4) {
                    // a shorter value may occur in random base64url text by chance
                    assertThat(stored).doesNotContain(value);
                }
            }
        });
    }

    /** Strings of 0 to 40 code points from the whole of Unicode except surrogates, including non-BMP characters. */
    private static Gen<String> text() {
        Gen<Integer> bmp = SourceDSL.integers().between(0, 0xD7FF);
        Gen<Integer> upper = SourceDSL.integers().between(0xE000, 0xFFFF);
        Gen<Integer> supplementary = SourceDSL.integers().between(0x10000, 0x10FFFF);
        Gen<Integer> ascii = SourceDSL.integers().between(0x20, 0x7E);
        Gen<Integer> codePoint = ascii.mix(bmp, 40).mix(upper.mix(supplementary, 50), 40);
        return SourceDSL.lists().of(codePoint).ofSizeBetween(0, 40).map(points -> {
            StringBuilder b = new StringBuilder();
            points.forEach(b::appendCodePoint);
            return b.toString();
        });
    }

    @Test
    void session_unwrap_isHibernate() {
        // the helpers work with a Hibernate Session too
        persist(ada());
        List<Patient> found = unit.call(em -> EncryptedEntities.of(unit.emf)
                .findBy(em.unwrap(Session.class), Patient.class, "email", "ada@example.com"));
        assertThat(found).hasSize(1);
    }
}
