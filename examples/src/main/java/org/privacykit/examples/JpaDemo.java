package org.privacykit.examples;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceConfiguration;

import org.hibernate.SessionFactory;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditEvent;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyRing;
import org.privacykit.crypto.SubjectKeyStore;
import org.privacykit.jpa.EncryptedEntities;
import org.privacykit.jpa.EncryptionJob;
import org.privacykit.jpa.JobProgress;
import org.privacykit.jpa.SearchTerms;

/** The privacy-jpa part of the demo: the shop keeps its customers in a database (embedded H2) through JPA. */
public final class JpaDemo {
    private static final String URL = "jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1";
    /** Hibernate logs its start-up through java.util.logging here; the demo keeps only its warnings. */
    private static final java.util.logging.Logger HIBERNATE_LOG = java.util.logging.Logger.getLogger("org.hibernate");

    private JpaDemo() {
    }

    /**
     * Stores the sample customers with encrypted columns, shows a raw row beside the loaded entity,
     * searches by a deterministic and a blind-indexed attribute, rotates and re-encrypts, and
     * crypto-shreds one customer.
     *
     * @param out where to print
     */
    public static void run(PrintStream out) {
        HIBERNATE_LOG.setLevel(java.util.logging.Level.WARNING);
        InMemoryAuditSink audit = new InMemoryAuditSink();
        KeyRing keys = KeyRing.builder().auditSink(audit).generate();          // production: KeyRing.open(path, kek)
        FieldEncryptor encryptor = FieldEncryptor.builder(keys)
                .subjectKeyStore(SubjectKeyStore.inMemory())                       // production: SubjectKeyStore.directory(path)
                .auditSink(audit)
                .build();
        PersistenceConfiguration shop = new PersistenceConfiguration("shop")
                .managedClass(CustomerEntity.class)
                .property("jakarta.persistence.jdbc.url", URL)
                .property("jakarta.persistence.schema-generation.database.action", "drop-and-create")
                .property("hibernate.generate_statistics", "true")
                .property(EncryptedEntities.FIELD_ENCRYPTOR, encryptor);            // the one line of set-up
        EntityManagerFactory emf = Persistence.createEntityManagerFactory(shop);
        try {
            demo(out, emf, keys, audit);
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("JPA demo failed: " + e.getMessage(), e);
        } finally {
            emf.close();
        }
    }

    private static void demo(PrintStream out, EntityManagerFactory emf, KeyRing keys, InMemoryAuditSink audit)
            throws java.io.IOException, java.security.GeneralSecurityException {
        Customer ada = SampleData.ada();
        Customer alan = SampleData.alan();
        emf.runInTransaction(em -> {
            em.persist(CustomerEntity.from(ada));
            em.persist(CustomerEntity.from(alan));
        });

        out.println("Ada's row as the database holds it (plain JDBC):");
        printRow(out, "select * from customer where id = 'c-1001'");
        Customer loaded = emf.callInTransaction(em -> em.find(CustomerEntity.class, ada.id()).toCustomer());
        out.println("Ada as the application loads her (em.find): " + loaded.fullName() + ", " + loaded.email() + ", card "
                + loaded.cardNumber() + ", diagnosis " + loaded.diagnosis() + ", token " + loaded.apiToken());
        out.println("  equals the customer that was stored (orders aside): "
                + loaded.equals(new Customer(ada.id(), ada.fullName(), ada.email(), ada.cardNumber(), ada.diagnosis(),
                        ada.birthDate(), ada.apiToken(), ada.plan(), List.of())));

        SessionFactory factory = emf.unwrap(SessionFactory.class);
        factory.getStatistics().clear();
        emf.runInTransaction(em -> em.createQuery("from Customer", CustomerEntity.class).getResultList());
        out.println("load both customers and commit without changes: " + factory.getStatistics().getEntityUpdateCount() + " UPDATE");
        emf.runInTransaction(em -> em.find(CustomerEntity.class, ada.id()).plan("platinum"));
        out.println("change Ada's plan: " + factory.getStatistics().getEntityUpdateCount() + " UPDATE");

        EncryptedEntities customers = EncryptedEntities.of(emf);
        out.println();
        SearchTerms byEmail = customers.searchTerms(CustomerEntity.class, "email", "alan.turing@example.org");
        List<CustomerEntity> found = emf.callInTransaction(em -> em.createQuery(
                "select c from Customer c where c." + byEmail.attribute() + " in :terms", CustomerEntity.class)
                .setParameter("terms", byEmail.terms()).getResultList());
        out.println("JPQL on the deterministic email, with " + byEmail + ": " + names(found));
        List<CustomerEntity> byCard = emf.callInTransaction(em -> customers.findBy(em, CustomerEntity.class, "cardNumber", "4111-1111-1111-1111"));
        out.println("findBy on the randomized card number, through its blind index (typed with dashes): " + names(byCard)
                + ", index " + byCard.get(0).cardNumberIndex());

        out.println();
        int oldKey = keys.primaryKeyId();
        keys.rotate();
        JobProgress rotated = EncryptionJob.reencrypt(CustomerEntity.class).batchSize(100).auditSink(audit).build().run(emf);
        JobProgress again = EncryptionJob.reencrypt(CustomerEntity.class).batchSize(100).auditSink(audit).build().run(emf);
        out.println("after keys.rotate(), the re-encryption job: " + rotated);
        out.println("run again: " + again.rowsUpdated() + " rows updated");
        keys.disable(oldKey);
        Customer afterRotation = emf.callInTransaction(em -> em.find(CustomerEntity.class, ada.id()).toCustomer());
        out.println("old key disabled, Ada still loads: " + afterRotation.email());

        out.println();
        audit.clear();
        int scrubbed = customers.forget(alan.id());
        out.println("forget(\"" + alan.id() + "\"): searchable columns cleared in " + scrubbed + " row");
        printRow(out, "select * from customer where id = 'c-1002'");
        Customer erased = emf.callInTransaction(em -> em.find(CustomerEntity.class, alan.id()).toCustomer());
        out.println("Alan loads as: " + erased.fullName() + ", email " + erased.email() + ", card " + erased.cardNumber()
                + ", diagnosis " + erased.diagnosis() + ", token " + erased.apiToken());
        out.println("Ada is untouched: " + emf.callInTransaction(em -> em.find(CustomerEntity.class, ada.id()).toCustomer()).diagnosis());
        out.println("audit: " + audit.events().stream().filter(e -> e.action() == AuditAction.ERASE || e.action() == AuditAction.ERASED_READ)
                .map(JpaDemo::describe).collect(Collectors.joining("; ")));
    }

    private static String describe(AuditEvent e) {
        return e.action() + (e.field() == null ? "" : " " + e.field()) + " subject=" + e.subjectId();
    }

    private static String names(List<CustomerEntity> customers) {
        return customers.stream().map(c -> c.toCustomer().fullName()).collect(Collectors.toList()).toString();
    }

    private static void printRow(PrintStream out, String sql) {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    out.printf("  %-18s %s%n", meta.getColumnName(i).toLowerCase(Locale.ROOT), r.getString(i));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the raw row failed", e);
        }
    }
}
