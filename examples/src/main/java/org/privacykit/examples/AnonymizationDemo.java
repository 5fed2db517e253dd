package org.privacykit.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.privacykit.annotation.PersonalDataType;
import org.privacykit.audit.AuditAction;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyRing;
import org.privacykit.crypto.SubjectKeyStore;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.rights.Erasure;
import org.privacykit.spi.FieldContext;
import org.privacykit.spi.FieldCryptoException;
import org.privacykit.anonymize.Anonymizer;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.dataset.AnonymizedDataset;
import org.privacykit.dataset.Dataset;
import org.privacykit.dataset.Mondrian;
import org.privacykit.dataset.RiskReport;
import org.privacykit.detect.PiiDetector;
import org.privacykit.detect.PiiFinding;
import org.privacykit.rights.AccessExport;
import org.privacykit.rights.RetentionEnforcer;
import org.privacykit.rights.RetentionReport;
import org.privacykit.rights.SubjectRights;

/**
 * Anonymization, datasets, PII detection, subject access and retention, on the sample shop's
 * customers and tickets.
 */
public final class AnonymizationDemo {
    private AnonymizationDemo() {
    }

    /**
     * A fixed demo secret so the output is the same in every run. A real application keeps 32
     * random bytes in its key store.
     */
    static byte[] demoSecret() {
        try {
            return MessageDigest.getInstance("SHA-256").digest("privacy-kit demo".getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs the demo.
     *
     * @param out where to print
     */
    public static void run(PrintStream out) {
        Anonymizer anonymizer = Anonymizer.withKey(demoSecret());
        Customer ada = SampleData.ada();
        SupportTicket ticket = SampleData.adasTicket();

        out.println("-- anonymized copies (the originals are untouched):");
        for (Customer customer : List.of(ada, SampleData.alan())) {
            out.println(anonymizer.anonymize(customer));
        }
        SupportTicket anonymizedTicket = anonymizer.anonymize(ticket);
        out.println("-- the same person gets the same fake everywhere, in every run:");
        out.println("   customer email " + anonymizer.anonymize(ada).email() + " = ticket replyTo "
                + anonymizedTicket.replyTo());
        out.println("   customer id    " + anonymizer.anonymize(ada).id() + " = ticket customerId "
                + anonymizedTicket.customerId());
        out.println("   fake card for 4111 1111 1111 1111: " + anonymizer.fake(PersonalDataType.PAYMENT_CARD,
                "4111 1111 1111 1111") + " (Luhn-valid, test prefix)");

        out.println();
        out.println("-- k-anonymity of a small export, then Mondrian to k = 3:");
        List<Map<String, Object>> export = patients();
        RiskReport before = Dataset.builder(export).quasiIdentifiers("age", "postcode", "sex")
                .sensitiveAttribute("diagnosis").build().risk();
        out.println("   before: " + before);
        AnonymizedDataset release = Mondrian.builder().k(3).build().anonymize(Dataset.builder(export)
                .quasiIdentifiers("age", "postcode", "sex").sensitiveAttribute("diagnosis").build());
        out.println("   " + release);
        for (Map<String, Object> row : release.rows()) {
            out.println("   " + row);
        }
        out.println("   after:  " + release.risk());

        out.println();
        out.println("-- PII in the support ticket's free text:");
        PiiDetector detector = PiiDetector.defaults();
        String text = ticket.message();
        for (PiiFinding finding : detector.detect(text)) {
            out.println("   " + finding.type() + " at " + finding.start() + ".." + finding.end() + ", confidence "
                    + finding.confidence());
        }
        out.println("   masked:   " + detector.mask(text));
        out.println("   redacted: " + detector.redact(text));

        out.println();
        out.println("-- subject access export for c-1001 (GDPR Art. 15), with its audit event:");
        InMemoryAuditSink audit = new InMemoryAuditSink();
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);
        SubjectRights rights = SubjectRights.builder(anonymizer).auditSink(audit).clock(clock).actor("dpo").build();
        AccessExport access = rights.export("c-1001", List.of(ada, SampleData.alan(), ticket));
        out.println(access.toJson());
        out.println("   " + audit.events().get(0));

        out.println();
        out.println("-- erasure of c-1001 (GDPR Art. 17): anonymized copies, and its keys crypto-shredded:");
        FieldEncryptor encryptor = FieldEncryptor.builder(KeyRing.generate())
                .subjectKeyStore(SubjectKeyStore.inMemory()).build();
        FieldContext diagnosisField = FieldContext.of(PrivacyMetadata.of(Customer.class).property("diagnosis"), ada.id());
        String storedDiagnosis = encrypt(encryptor, diagnosisField, ada.diagnosis());
        SubjectRights erasing = SubjectRights.builder(anonymizer).auditSink(audit).clock(clock).actor("dpo")
                .cryptoShredder(encryptor).build();
        Erasure<Object> erasure = erasing.erase("c-1001", List.of(ada, SampleData.alan(), ticket));
        out.println("   " + erasure);
        out.println("   " + erasure.objects().get(0));   // every protected value of c-1001 is gone
        out.println("   stored diagnosis ciphertext now: " + decrypt(encryptor, diagnosisField, storedDiagnosis));
        out.println("   " + audit.events(AuditAction.ERASE).get(0));

        out.println();
        out.println("-- retention on 2029-03-01 for data collected 2027-11-01 (the ticket: when opened):");
        RetentionEnforcer retention = RetentionEnforcer.builder(anonymizer)
                .collectedAt(o -> o instanceof SupportTicket ? ((SupportTicket) o).openedAt()
                        : Instant.parse("2027-11-01T00:00:00Z"))
                .clock(Clock.fixed(Instant.parse("2029-03-01T00:00:00Z"), ZoneOffset.UTC))
                .horizon(Duration.ofDays(365)).auditSink(audit).actor("retention-job").build();
        RetentionReport report = retention.apply(List.of(ada, ticket)).report();
        out.println(report);
    }

    private static String encrypt(FieldEncryptor encryptor, FieldContext field, String value) {
        try {
            return encryptor.encrypt(field, value);
        } catch (FieldCryptoException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decrypt(FieldEncryptor encryptor, FieldContext field, String ciphertext) {
        try {
            return "decrypts to " + encryptor.decrypt(field, ciphertext) + " (not erased!)";
        } catch (FieldCryptoException e) {
            return "unreadable (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** A small table of patients, as an analytics export would hold it. */
    static List<Map<String, Object>> patients() {
        Object[][] data = {
            {29, "13053", "F", "flu"}, {22, "13068", "F", "flu"}, {27, "13068", "M", "cancer"},
            {43, "14853", "M", "cancer"}, {52, "14853", "F", "heart"}, {47, "14850", "M", "flu"},
            {30, "13053", "M", "heart"}, {36, "13053", "F", "cancer"}, {32, "13068", "M", "flu"},
            {58, "14850", "F", "heart"}, {61, "14853", "M", "flu"}, {25, "13053", "F", "cancer"}};
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] d : data) {
            rows.add(Map.of("age", d[0], "postcode", d[1], "sex", d[2], "diagnosis", d[3]));
        }
        return rows;
    }
}
