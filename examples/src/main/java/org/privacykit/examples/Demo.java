package org.privacykit.examples;

import java.io.PrintStream;

import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyRing;
import org.privacykit.crypto.SubjectKeyStore;
import org.privacykit.inventory.DataInventory;
import org.privacykit.inventory.PrivacyLint;
import org.privacykit.mask.Masked;

/** The README's demo: run with {@code ./mvnw -q -Pdemo -pl examples -am verify -DskipTests}. */
public final class Demo {
    private Demo() {
    }

    /**
     * Runs the demo.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        PrintStream out = System.out;
        Customer ada = SampleData.ada();

        section(out, "1. Masked toString, for logs and exceptions");
        out.println(Masked.toString(ada));
        out.println(SampleData.adasTicket());

        section(out, "2. Inventory of personal data (Markdown; JSON and HTML too)");
        out.println(DataInventory.scan(Customer.class, SupportTicket.class).toMarkdown());

        section(out, "3. Privacy lint");
        out.println(PrivacyLint.check(Customer.class, SupportTicket.class));
        out.println("strict: " + PrivacyLint.builder().strict(true).build().lint(Customer.class, SupportTicket.class));

        section(out, "4. Field encryption, key rotation, re-encryption, crypto-shredding");
        CryptoDemo.run(out);

        section(out, "5. Jackson: API response, support agent's view, stored JSON, JSON logs");
        JacksonDemo.run(out, FieldEncryptor.builder(KeyRing.generate())
                .subjectKeyStore(SubjectKeyStore.inMemory()).build());

        section(out, "6. JPA: encrypted, searchable columns on a database (Hibernate ORM 7, H2)");
        JpaDemo.run(out);

        section(out, "7. Anonymization, datasets, PII detection, subject rights and retention");
        AnonymizationDemo.run(out);

        section(out, "8. Logs: privacy-logback, configured in logback.xml");
        LogbackDemo.run(out);

        section(out, "9. Datasets on the UCI Adult data: hierarchies, global and local recoding, t-closeness");
        DatasetDemo.run(out);
    }

    static void section(PrintStream out, String title) {
        out.println();
        out.println("== " + title + " " + "=".repeat(Math.max(3, 78 - title.length())));
    }
}
