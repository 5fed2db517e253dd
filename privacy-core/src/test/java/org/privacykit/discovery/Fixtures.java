package org.privacykit.discovery;

import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.NATIONAL_ID;
import static org.privacykit.annotation.PersonalDataType.PAYMENT_CARD;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;
import org.privacykit.inventory.DataInventory;
import org.privacykit.mask.Masked;

/** A shop database the code declares in part, and the values written to it (for the leak probe). */
final class Fixtures {
    static final int ROWS = 40;
    static final int RING_KEY = 0x01020304;
    static final int NEXT_RING_KEY = 0x0a0b0c0d;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Fixtures() {
    }

    /** The code's declarations: e-mail in clear, card and SSN encrypted; nothing else of the table. */
    record Customer(@SubjectId String id,
                    @PersonalData(EMAIL) String email,
                    @PersonalData(PAYMENT_CARD) @Encrypted String card,
                    @PersonalData(NATIONAL_ID) @Encrypted String ssn,
                    String plan) {
        @Override
        public String toString() {
            return Masked.toString(this);
        }
    }

    static DataInventory inventory() {
        return DataInventory.scan(Customer.class);
    }

    /**
     * A privacy-kit ciphertext as privacy-crypto's README lays it out: version 1, algorithm, key id,
     * then nonce, ciphertext and tag (or SIV and ciphertext), base64url without padding.
     */
    static String ciphertext(int algorithm, int keyId, int plaintextBytes) {
        byte[] bytes = new byte[6 + (algorithm == 4 ? 16 : 28) + plaintextBytes];
        RANDOM.nextBytes(bytes);
        bytes[0] = 1;
        bytes[1] = (byte) algorithm;
        bytes[2] = (byte) (keyId >>> 24);
        bytes[3] = (byte) (keyId >>> 16);
        bytes[4] = (byte) (keyId >>> 8);
        bytes[5] = (byte) keyId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Creates and fills the tables; returns every value written in clear, for the leak probe. */
    static List<String> create(Connection connection, String schemaPrefix) throws SQLException {
        List<String> written = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE " + schemaPrefix + "customers (id INT PRIMARY KEY, email VARCHAR(200), card VARCHAR(400),"
                    + " ssn VARCHAR(40), full_name VARCHAR(200), notes VARCHAR(2000), plan VARCHAR(20),"
                    + " password_hash VARCHAR(200), created DATE, active BOOLEAN)");
            s.execute("CREATE TABLE " + schemaPrefix + "legacy_tokens (token VARCHAR(400))");
            s.execute("CREATE TABLE " + schemaPrefix + "\"odd <b>table</b>\" (\"<script>alert(1)</script>\" VARCHAR(100))");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schemaPrefix
                + "customers VALUES (?, ?, ?, ?, ?, ?, ?, ?, DATE '2026-01-02', TRUE)")) {
            for (int i = 0; i < ROWS; i++) {
                String email = "customer" + i + "@mail.example.com";
                String ssn = String.format("%03d-%02d-%04d", 101 + i, 12, 3456 + i);
                String name = "Ada Lovelace-" + i;
                String notes = i % 4 == 0 ? "call me on +44 20 7946 0" + String.format("%03d", i) : "prefers mornings";
                String hash = "$2a$10$" + Base64.getEncoder().encodeToString(new byte[] {(byte) i, 1, 2, 3, 4, 5, 6, 7, 8});
                insert.setInt(1, i);
                insert.setString(2, email);
                insert.setString(3, ciphertext(i % 2 == 0 ? 1 : 0x81, i < 30 ? RING_KEY : NEXT_RING_KEY, 16));
                insert.setString(4, ssn);
                insert.setString(5, name);
                insert.setString(6, notes);
                insert.setString(7, i % 3 == 0 ? "gold" : "silver");
                insert.setString(8, hash);
                insert.executeUpdate();
                written.addAll(List.of(email, ssn, name, hash));
                if (i % 4 == 0) {
                    written.add(notes.substring("call me on ".length()));
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schemaPrefix + "legacy_tokens VALUES (?)")) {
            for (int i = 0; i < 5; i++) {
                insert.setString(1, ciphertext(4, RING_KEY, 10));
                insert.executeUpdate();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schemaPrefix
                + "\"odd <b>table</b>\" VALUES (?)")) {
            insert.setString(1, "write to someone@odd.example.org");
            insert.executeUpdate();
            written.add("someone@odd.example.org");
        }
        return written;
    }
}
