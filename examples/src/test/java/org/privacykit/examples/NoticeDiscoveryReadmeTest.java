package org.privacykit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.discovery.ColumnReport;
import org.privacykit.discovery.Discovery;
import org.privacykit.discovery.DiscoveryReport;
import org.privacykit.inventory.DataInventory;
import org.privacykit.notice.NoticeChange;
import org.privacykit.notice.NoticeDiff;
import org.privacykit.notice.PrivacyNotice;
import org.privacykit.spi.FieldContext;
import org.privacykit.test.TestKeyRings;

/**
 * The notice and discovery README's snippets, run: the notice of the shop's {@code Customer}, its
 * diff against a published snapshot, and discovery over a database whose columns privacy-crypto
 * really encrypted (so the ciphertext recognition is checked against the real format).
 */
class NoticeDiscoveryReadmeTest {
    @TempDir
    Path dir;

    @Test
    void notice_andItsDiff() throws Exception {
        // snippet-start notice
        PrivacyNotice notice = PrivacyNotice.builder(DataInventory.scan(Customer.class))
                .controller("Example Shop Ltd", "privacy@shop.example")
                .version("2026-12")
                .effective(LocalDate.of(2026, 12, 1))
                .purpose("billing", "To charge you for your orders.")
                .purpose("support", "To answer your questions.")
                .recipient("payment processors")
                .build();
        Files.writeString(dir.resolve("privacy-notice.md"), notice.toMarkdown());
        Files.writeString(dir.resolve("privacy-notice.html"), notice.toHtml());  // one page: no script, nothing external
        notice.gaps();                          // what the declarations lack: a purpose, a legal basis, a retention
        // snippet-end notice
        Path snapshot = dir.resolve("privacy-notice.snapshot");
        Files.writeString(snapshot, notice.toSnapshot().replace("\tbilling\tsupport\n", "\tbilling\n"));

        // snippet-start notice-diff
        NoticeDiff diff = NoticeDiff.between(PrivacyNotice.readSnapshot(Files.readString(snapshot)), notice);
        diff.toMarkdown();                      // for the pull request: what was added, removed, kept longer
        diff.widensProcessing();                // more data, purposes, retention or recipients than published
        diff.fieldsNeedingFreshConsent();       // consent-based fields with a new purpose
        Files.writeString(snapshot, notice.toSnapshot());                       // the version now published
        // snippet-end notice-diff

        assertThat(notice.toMarkdown()).contains("| Payment card number (`Customer.cardNumber`) | Financial data | "
                + "Billing | Performance of a contract (Art. 6(1)(b) GDPR) | 13 months |");
        assertThat(diff.changes()).extracting(NoticeChange::kind, NoticeChange::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple(NoticeChange.Kind.PURPOSE_ADDED, "Customer.email"),
                org.assertj.core.groups.Tuple.tuple(NoticeChange.Kind.PURPOSE_ADDED, "Customer.fullName"))
                .hasSize(2);
        assertThat(diff.widensProcessing()).isTrue();
        assertThat(NoticeDiff.between(PrivacyNotice.readSnapshot(Files.readString(snapshot)), notice).isEmpty()).isTrue();
    }

    @Test
    void discovery_recognizesWhatPrivacyCryptoEncrypted() throws Exception {
        FieldEncryptor fields = TestKeyRings.fieldEncryptor("discovery-readme");
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:discovery-readme")) {
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE customers (id INT, full_name VARCHAR(100), email VARCHAR(400),"
                        + " card_number VARCHAR(400), notes VARCHAR(400))");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customers VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < 20; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "Ada Lovelace " + i);
                    insert.setString(3, fields.encrypt(FieldContext.of("Customer.email", EncryptionMode.DETERMINISTIC),
                            "ada" + i + "@example.org"));
                    insert.setString(4, fields.encrypt(FieldContext.of("Customer.cardNumber", EncryptionMode.RANDOMIZED),
                            "4111 1111 1111 1111"));
                    insert.setString(5, i % 5 == 0 ? "call back on +44 20 7946 0958" : "no notes");
                    insert.executeUpdate();
                }
            }
            Files.writeString(dir.resolve("export.csv"), "email\nada@example.org\n");

            // snippet-start discovery
            Discovery discovery = Discovery.builder()
                    .inventory(DataInventory.scan(Customer.class))
                    .sampleRows(500)                                   // rows read per table
                    .build();
            DiscoveryReport report = discovery.scan(connection);      // a read-only transaction, rolled back
            report.columns(ColumnReport.Verdict.UNDECLARED);          // [PUBLIC.CUSTOMERS.NOTES]
            Files.writeString(dir.resolve("discovery.html"), report.toHtml());
            Files.writeString(dir.resolve("discovery.json"), report.toJson());
            DiscoveryReport export = discovery.scanCsv(dir.resolve("export.csv"));   // and scanJsonLines(path)
            // snippet-end discovery

            assertThat(report.columns(ColumnReport.Verdict.UNDECLARED)).containsExactly("PUBLIC.CUSTOMERS.NOTES");
            ColumnReport email = report.table("PUBLIC.CUSTOMERS").column("email");
            assertThat(email.storage()).isEqualTo(ColumnReport.Storage.ENCRYPTED);
            assertThat(email.verdict()).isEqualTo(ColumnReport.Verdict.DECLARED);
            ColumnReport card = report.table("PUBLIC.CUSTOMERS").column("card_number");
            assertThat(card.storage()).isEqualTo(ColumnReport.Storage.ENCRYPTED);
            assertThat(card.keyIds()).hasSize(1);
            assertThat(card.declaredBy()).isEqualTo(Customer.class.getName() + ".cardNumber");
            assertThat(report.table("PUBLIC.CUSTOMERS").column("full_name").verdict())
                    .isEqualTo(ColumnReport.Verdict.DECLARED);
            assertThat(report.toJson() + report.toHtml()).doesNotContain("Ada Lovelace", "4111 1111", "7946 0958");
            assertThat(export.table("export.csv").column("email").verdict()).isEqualTo(ColumnReport.Verdict.UNDECLARED);
        }
    }
}
