package org.privacykit.examples;

import java.io.PrintStream;
import java.security.GeneralSecurityException;

import org.privacykit.annotation.EncryptionMode;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.audit.AuditEvent;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.crypto.BlindIndex;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.FormatPreservingPseudonymizer;
import org.privacykit.crypto.KeyRing;
import org.privacykit.crypto.SubjectKeyStore;
import org.privacykit.spi.FieldContext;
import org.privacykit.spi.FieldCryptoException;

/** The privacy-crypto part of the demo: what an application does with its customers' fields. */
public final class CryptoDemo {
    private CryptoDemo() {
    }

    /**
     * Encrypts the sample customers, rotates the key ring, re-encrypts, and erases one customer.
     *
     * @param out where to print
     */
    public static void run(PrintStream out) {
        try {
            demo(out);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("crypto demo failed: " + e.getMessage(), e);
        }
    }

    private static void demo(PrintStream out) throws GeneralSecurityException, java.io.IOException {
        InMemoryAuditSink audit = new InMemoryAuditSink();
        KeyRing keys = KeyRing.builder().auditSink(audit).generate();    // production: KeyRing.open(path, kek)
        FieldEncryptor fields = FieldEncryptor.builder(keys)
                .subjectKeyStore(SubjectKeyStore.inMemory())                 // production: SubjectKeyStore.directory(path)
                .auditSink(audit)
                .build();
        out.println(keys);

        Customer ada = SampleData.ada();
        Customer alan = SampleData.alan();
        Customer storedAda = fields.encrypt(ada);
        Customer storedAlan = fields.encrypt(alan);
        out.println();
        out.println("Ada as stored (@Encrypted fields only; the rest is clear):");
        out.println("  email      (deterministic) " + storedAda.email());
        out.println("  cardNumber (randomized)    " + storedAda.cardNumber());
        out.println("  diagnosis  (randomized)    " + storedAda.diagnosis());
        out.println("  apiToken   (randomized)    " + storedAda.apiToken());
        out.println("  fullName   (not encrypted) " + storedAda.fullName());
        out.println("decrypted copy equals the original: " + fields.decrypt(storedAda).equals(ada));

        int firstKey = keys.primaryKeyId();
        keys.rotate();
        out.println();
        out.println("after rotation: " + keys);
        out.println("Ada's old email ciphertext still decrypts: " + fields.decrypt(storedAda).email());
        FieldContext email = FieldContext.of(org.privacykit.metadata.PrivacyMetadata.of(Customer.class).property("email"), null);
        out.println("search terms for her email (one per enabled key): " + fields.searchTerms(email, ada.email()).size());

        Customer moved = fields.reencrypt(storedAda);        // a batch job runs this over every record
        storedAlan = fields.reencrypt(storedAlan);
        Customer again = fields.reencrypt(moved);
        out.println("re-encryption moved the email to the primary key: " + !moved.email().equals(storedAda.email())
                + " (subject-keyed fields stay under Ada's own data key: " + moved.diagnosis().equals(storedAda.diagnosis()) + ")");
        out.println("a second re-encryption run is a no-op (same instance returned): " + isSameInstance(again, moved));
        keys.disable(firstKey);
        out.println("old key disabled; re-encrypted Ada still reads: " + fields.decrypt(moved).email());

        out.println();
        fields.forget(ada.id());
        out.println("forget(\"" + ada.id() + "\"): Ada is crypto-shredded");
        try {
            Customer readBack = fields.decrypt(moved);
            out.println("  UNEXPECTED: Ada still decrypts (" + readBack.id() + ")");
        } catch (FieldCryptoException e) {
            out.println("  reading Ada now fails: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        out.println("  Alan is unaffected: " + fields.decrypt(storedAlan).diagnosis().equals(alan.diagnosis()));

        out.println();
        BlindIndex index = BlindIndex.builder(keys).bits(32).build();
        FieldContext card = FieldContext.of("Customer.cardNumber", EncryptionMode.RANDOMIZED)
                .withClassification(PersonalDataType.PAYMENT_CARD, Sensitivity.CONFIDENTIAL);
        out.println("blind index of Alan's card (searchable without decrypting): " + index.compute(card, alan.cardNumber())
                + " = " + index.compute(card, alan.cardNumber().replace(" ", "")));
        FormatPreservingPseudonymizer cards = FormatPreservingPseudonymizer.forCards(keys, "analytics.card", true);
        out.println("format-preserving card pseudonym: " + alan.cardNumber() + " -> " + cards.pseudonymize(alan.cardNumber())
                + " (Luhn-valid, last four kept, reversible with the key)");

        out.println();
        out.println("audit trail (no values, no keys):");
        for (AuditEvent event : audit.events()) {
            out.println("  " + event.action() + (event.field() == null ? "" : " " + event.field())
                    + (event.subjectId() == null ? "" : " subject=" + event.subjectId())
                    + (event.detail() == null ? "" : " (" + event.detail() + ")"));
        }
    }

    /** Re-encryption returns the very instance it was given when no field moved; identity is the point. */
    private static boolean isSameInstance(Object a, Object b) {
        return a == b;
    }
}
