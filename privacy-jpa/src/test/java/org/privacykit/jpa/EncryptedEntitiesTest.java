package org.privacykit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditEvent;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyRing;
import org.privacykit.crypto.SubjectKeyStore;

/** Crypto-shredding and the search helpers, on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("org.privacykit.jpa.Database#all")
class EncryptedEntitiesTest {
    @Parameter
    Database database;

    private final InMemoryAuditSink audit = new InMemoryAuditSink();
    private KeyRing keys;
    private TestUnit unit;
    private EncryptedEntities entities;
    private final UUID adaAccount = UUID.randomUUID();
    private final UUID alanAccount = UUID.randomUUID();

    @BeforeEach
    void open() {
        Assumptions.assumeTrue(database.available(), database::skipMessage);
        keys = KeyRing.generate();
        FieldEncryptor encryptor = FieldEncryptor.builder(keys).subjectKeyStore(SubjectKeyStore.inMemory()).auditSink(audit).build();
        unit = TestUnit.open(database, encryptor, Patient.class, Account.class, Ticket.class);
        entities = EncryptedEntities.of(unit.emf);
        unit.run(em -> {
            em.persist(new Patient("p-1", "Ada Lovelace", "ada@example.com", "+44 20 7946 0958", "Type 1 diabetes"));
            em.persist(new Patient("p-2", "Alan Turing", "alan@example.org", "+44 161 496 0000", "Asthma"));
            em.persist(new Account(adaAccount, "p-1", "GB82 WEST 1234 5698 7654 32", "ada"));
            em.persist(new Account(alanAccount, "p-2", "DE89 3704 0044 0532 0130 00", "alan"));
        });
    }

    @AfterEach
    void close() {
        if (unit != null) {
            unit.close();
        }
    }

    @Test
    void forget_subjectsEncryptedAttributesLoadAsNull_withAuditEvents_andOtherRowsAreUntouched() {
        List<String> alanBefore = List.of(unit.raw("Patient", "email", "p-2"), unit.raw("Patient", "phone", "p-2"),
                unit.raw("Patient", "phone_index", "p-2"), unit.raw("Patient", "diagnosis", "p-2"),
                unit.raw("Account", "iban", alanAccount), unit.raw("Account", "login", alanAccount));
        audit.clear();

        int scrubbed = entities.forget("p-1");

        assertThat(scrubbed).isEqualTo(2);   // one Patient row and one Account row held searchable values of p-1
        assertThat(audit.events(AuditAction.ERASE)).singleElement().extracting(AuditEvent::subjectId).isEqualTo("p-1");
        Patient ada = unit.call(em -> em.find(Patient.class, "p-1"));
        Account account = unit.call(em -> em.find(Account.class, adaAccount));
        assertThat(ada.name()).isEqualTo("Ada Lovelace");
        assertThat(ada.email()).isNull();
        assertThat(ada.phone()).isNull();
        assertThat(ada.phoneIndex()).isNull();
        assertThat(ada.diagnosis()).isNull();
        assertThat(account.iban()).isNull();
        assertThat(account.login()).isNull();
        assertThat(audit.events(AuditAction.ERASED_READ)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.subjectId()).isEqualTo("p-1"))
                .extracting(AuditEvent::field).contains("Patient.diagnosis", "Patient.phone", "Account.iban");
        // randomized ciphertexts stay (unreadable: their key is gone); searchable columns are cleared
        assertThat(unit.raw("Patient", "diagnosis", "p-1")).isNotNull();
        assertThat(unit.raw("Patient", "email", "p-1")).isNull();
        assertThat(unit.raw("Patient", "phone_index", "p-1")).isNull();
        assertThat(unit.raw("Account", "login", adaAccount)).isNull();
        assertThat(unit.raw("Account", "iban_index", adaAccount)).isNull();

        assertThat(List.of(unit.raw("Patient", "email", "p-2"), unit.raw("Patient", "phone", "p-2"),
                unit.raw("Patient", "phone_index", "p-2"), unit.raw("Patient", "diagnosis", "p-2"),
                unit.raw("Account", "iban", alanAccount), unit.raw("Account", "login", alanAccount))).isEqualTo(alanBefore);
        Patient alan = unit.call(em -> em.find(Patient.class, "p-2"));
        assertThat(alan.diagnosis()).isEqualTo("Asthma");
        assertThat(alan.email()).isEqualTo("alan@example.org");
        assertThat(unit.call(em -> em.find(Account.class, alanAccount)).iban()).isEqualTo("DE89 3704 0044 0532 0130 00");
        List<Patient> found = unit.call(em -> entities.findBy(em, Patient.class, "email", "ada@example.com"));
        assertThat(found).isEmpty();
    }

    @Test
    void encryptedSubjectId_bindsTheRowsValues_andForgetFindsItsRowsByItsSearchTerms() {
        Ticket mine = new Ticket("ada@example.com", "my card was charged twice");
        Ticket other = new Ticket("alan@example.org", "please close my account");
        unit.run(em -> {
            em.persist(mine);
            em.persist(other);
        });
        assertThat(unit.raw("Ticket", "customerEmail", mine.id())).doesNotContain("ada");
        Ticket loaded = unit.call(em -> em.find(Ticket.class, mine.id()));
        assertThat(loaded.customerEmail()).isEqualTo("ada@example.com");
        assertThat(loaded.body()).isEqualTo("my card was charged twice");
        List<Ticket> found = unit.call(em -> entities.findBy(em, Ticket.class, "customerEmail", "ada@example.com"));
        assertThat(found).extracting(Ticket::id).containsExactly(mine.id());

        unit.write("Ticket", "body", other.id(), unit.raw("Ticket", "body", mine.id()));
        assertThatThrownBy(() -> unit.call(em -> em.find(Ticket.class, other.id())))
                .isInstanceOf(EncryptedAttributeException.class).hasMessageStartingWith("Ticket.body: ");

        entities.forget("ada@example.com");
        Ticket erased = unit.call(em -> em.find(Ticket.class, mine.id()));
        assertThat(erased.customerEmail()).isEqualTo("ada@example.com");   // the subject id stays: it finds the rows
        assertThat(erased.body()).isNull();
    }

    @Test
    void forget_thenLoadAndCommit_writesNothing_andForgetAgainIsHarmless() {
        entities.forget("p-1");
        unit.resetCounters();

        unit.run(em -> em.find(Patient.class, "p-1"));

        assertThat(unit.updateStatements()).isZero();
        assertThat(entities.forget("p-1")).isZero();
    }

    @Test
    void forget_thenChangingAnotherAttribute_keepsTheRowErased() {
        entities.forget("p-1");

        unit.run(em -> em.find(Patient.class, "p-1").name("A. L."));

        Patient ada = unit.call(em -> em.find(Patient.class, "p-1"));
        assertThat(ada.name()).isEqualTo("A. L.");
        assertThat(ada.diagnosis()).isNull();
    }

    @Test
    void writingNewDataForAForgottenSubject_isRefused() {
        entities.forget("p-1");

        assertThatThrownBy(() -> unit.run(em -> {
            em.find(Patient.class, "p-1").diagnosis("new");
            em.flush();
        })).isInstanceOf(EncryptedAttributeException.class)
                .hasMessageStartingWith("Patient.diagnosis: cannot encrypt the value")
                .hasMessageNotContaining("p-1");
    }

    @Test
    void forget_withoutSubjectKeyStore_isRefused() {
        unit.close();
        unit = TestUnit.open(database, FieldEncryptor.of(keys), Patient.class);

        assertThatThrownBy(() -> EncryptedEntities.of(unit.emf).forget("p-1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SubjectKeyStore");
    }

    @Test
    void searchTerms_afterRotation_findRowsUnderBothKeys() throws Exception {
        keys.rotate();
        unit.run(em -> em.persist(new Patient("p-3", "Grace Hopper", "grace@example.com", "+1 202 555 0100", "none")));

        SearchTerms terms = entities.searchTerms(Patient.class, "email", "ada@example.com");

        assertThat(terms.terms()).hasSize(2);
        List<Patient> ada = unit.call(em -> entities.findBy(em, Patient.class, "email", "ada@example.com"));
        List<Patient> grace = unit.call(em -> entities.findBy(em, Patient.class, "phone", "+12025550100"));
        assertThat(ada).extracting(Patient::id).containsExactly("p-1");
        assertThat(grace).extracting(Patient::id).containsExactly("p-3");
    }

    @Test
    void helpers_refuseUnknownTypesAndAttributes() {
        assertThatThrownBy(() -> entities.searchTerms(String.class, "x", "y")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String is not an entity with @Encrypted attributes");
        assertThatThrownBy(() -> entities.searchTerms(Patient.class, "name", "y")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Patient.name is not an @Encrypted attribute");
        assertThat(entities.toString()).contains("Patient", "email").doesNotContain("ada");
    }

    @Test
    void deterministicEmail_isStoredNormalized_andFoundWhateverItsCase() {
        Patient grace = new Patient("p-3", "Grace Hopper", " Grace.Hopper@Example.COM", "+1 202 555 0100", "none");
        unit.run(em -> em.persist(grace));

        assertThat(grace.email()).as("the entity holds what is stored").isEqualTo("grace.hopper@example.com");
        assertThat(unit.raw("Patient", "email", "p-3")).doesNotContainIgnoringCase("grace");
        Patient loaded = unit.call(em -> em.find(Patient.class, "p-3"));
        assertThat(loaded.email()).isEqualTo("grace.hopper@example.com");
        for (String asTyped : new String[] {"grace.hopper@example.com", "GRACE.HOPPER@EXAMPLE.COM", "Grace.Hopper@example.com "}) {
            List<Patient> found = unit.call(em -> entities.findBy(em, Patient.class, "email", asTyped));
            assertThat(found).as(asTyped).extracting(Patient::email).containsExactly("grace.hopper@example.com");
        }
        // the rows stored before were already lower case: both still found, one each
        List<Patient> ada = unit.call(em -> entities.findBy(em, Patient.class, "email", "Ada@Example.com"));
        assertThat(ada).hasSize(1);
    }

    @Test
    void deterministicSubjectId_isNormalizedOnInsert_andStillBindsTheRowsValues() {
        Ticket ticket = new Ticket("Ada.L@Example.COM", "refund please");
        unit.run(em -> em.persist(ticket));

        Ticket loaded = unit.call(em -> em.find(Ticket.class, ticket.id()));
        assertThat(loaded.customerEmail()).isEqualTo("ada.l@example.com");
        assertThat(loaded.body()).isEqualTo("refund please");
        List<Ticket> found = unit.call(em -> entities.findBy(em, Ticket.class, "customerEmail", "ADA.L@example.com"));
        assertThat(found).extracting(Ticket::id).containsExactly(ticket.id());
        // a subject id as the caller types it reaches the subject the row is bound to
        assertThat(entities.decrypt(Ticket.class, "body", "Ada.L@Example.COM", unit.raw("Ticket", "body", ticket.id())))
                .isEqualTo("refund please");

        entities.forget(" ADA.L@example.com");

        assertThat(unit.call(em -> em.find(Ticket.class, ticket.id())).body()).isNull();
        // the normalized form for Ticket's encrypted subject id, the form as given for Patient's clear one
        assertThat(audit.events()).filteredOn(e -> e.action() == AuditAction.ERASE).extracting(AuditEvent::subjectId)
                .containsExactlyInAnyOrder("ada.l@example.com", " ADA.L@example.com");
        assertThat(unit.call(em -> em.find(Patient.class, "p-1")).diagnosis()).isEqualTo("Type 1 diabetes");
    }

    @Test
    void verbatimAttribute_isStoredAndMatchedExactlyAsWritten() {
        UUID id = UUID.randomUUID();
        unit.run(em -> em.persist(new Account(id, "p-1", "GB33 BUKB 2020 1555 5555 55", "AdaL")));

        Account loaded = unit.call(em -> em.find(Account.class, id));
        assertThat(loaded.login()).isEqualTo("AdaL");
        List<Account> exact = unit.call(em -> entities.findBy(em, Account.class, "login", "AdaL"));
        List<Account> otherCase = unit.call(em -> entities.findBy(em, Account.class, "login", "adal"));
        assertThat(exact).hasSize(1);
        assertThat(otherCase).isEmpty();
    }

    @Test
    void searchability_tellsHowEachAttributeCanBeFound_andMatchesComparesAsASearchDoes() {
        assertThat(entities.searchability(Patient.class, "email")).contains(Searchability.EXACT);
        assertThat(entities.searchability(Patient.class, "phone")).contains(Searchability.BLIND_INDEX);
        assertThat(entities.searchability(Patient.class, "diagnosis")).contains(Searchability.NONE);
        assertThat(entities.searchability(Patient.class, "name")).isEmpty();
        assertThat(entities.searchability(String.class, "email")).isEmpty();

        Patient ada = unit.call(em -> em.find(Patient.class, "p-1"));
        assertThat(entities.matches(ada, "email", " ADA@example.com")).isTrue();
        assertThat(entities.matches(ada, "phone", "+44 (20) 7946-0958")).isFalse();
        assertThat(entities.matches(ada, "phone", "+44-20-7946-0958")).isTrue();
        assertThat(entities.matches(ada, "email", "alan@example.org")).isFalse();
        Account account = unit.call(em -> em.find(Account.class, adaAccount));
        assertThat(entities.matches(account, "login", "ada")).isTrue();
        assertThat(entities.matches(account, "login", "ADA")).as("@Verbatim").isFalse();
    }
}
