package org.privacykit.examples;

// snippet-start quickstart
import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.PersonalDataType.*;

import java.security.SecureRandom;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.SubjectId;
import org.privacykit.anonymize.Anonymizer;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyRing;
import org.privacykit.inventory.DataInventory;
import org.privacykit.inventory.PrivacyLint;
import org.privacykit.jackson.PrivacyModule;
import org.privacykit.mask.Masked;
// snippet-end quickstart

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The README's quickstart: the regions marked {@code quickstart} are what the README shows
 * (ReadmeSnippetsTest compares them), and this test runs them.
 */
class QuickstartTest {

    // snippet-start quickstart
    public record Customer(
            @SubjectId String id,
            @PersonalData(NAME) String fullName,
            @PersonalData(EMAIL) @Encrypted(mode = DETERMINISTIC) String email,
            @PersonalData(PAYMENT_CARD) @Encrypted String cardNumber,
            @PersonalData(HEALTH) @Encrypted String diagnosis,          // special category: RESTRICTED
            @PersonalData(value = DATE_OF_BIRTH, retention = "P10Y") LocalDate birthDate,
            @Sensitive @Encrypted String apiToken,                       // a secret: never shown in clear
            String plan) {

        @Override public String toString() { return Masked.toString(this); }
    }
    // snippet-end quickstart

    private final Customer customer = new Customer("c-1001", "Ada Lovelace", "ada.lovelace@example.com",
            "4111 1111 1111 1111", "Type 1 diabetes", LocalDate.of(1985, 12, 10), "sk_live_9f8e7d6c5b4a", "gold");

    @Test
    void quickstart() throws Exception {
        // snippet-start quickstart
        KeyRing keys = KeyRing.generate();                          // tests; production opens a wrapped ring
        ObjectMapper api = JsonMapper.builder().addModule(new JavaTimeModule())
                .addModule(PrivacyModule.masking()).build();
        ObjectMapper store = JsonMapper.builder().addModule(new JavaTimeModule())
                .addModule(PrivacyModule.encrypting(FieldEncryptor.of(keys))).build();

        String response = api.writeValueAsString(customer);    // names, email, card masked; diagnosis and token redacted
        String stored = store.writeValueAsString(customer);    // @Encrypted fields as ciphertext
        Customer restored = store.readValue(stored, Customer.class);    // equal to customer
        String shown = customer.toString();     // Customer[id=c-1001, fullName=A. L., email=a***@example.com,
                                                //   cardNumber=**** **** **** 1111, diagnosis=[REDACTED], ...]

        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);                       // 32 random bytes, kept like any key
        Anonymizer anonymizer = Anonymizer.withKey(secret);         // keyed, so pseudonyms are stable
        Customer fixture = anonymizer.anonymize(customer);          // safe copy for tests and analytics

        String inventory = DataInventory.scan(Customer.class).toMarkdown();
        PrivacyLint.check(Customer.class).assertClean();
        // snippet-end quickstart

        assertThat(shown).isEqualTo("Customer[id=c-1001, fullName=A. L., email=a***@example.com, "
                + "cardNumber=**** **** **** 1111, diagnosis=[REDACTED], birthDate=1985, apiToken=[REDACTED], plan=gold]");
        assertThat(response).contains("\"fullName\":\"A. L.\"", "\"email\":\"a***@example.com\"",
                "\"cardNumber\":\"**** **** **** 1111\"", "\"diagnosis\":\"[REDACTED]\"", "\"apiToken\":\"[REDACTED]\"",
                "\"birthDate\":\"1985\"", "\"plan\":\"gold\"");
        assertThat(stored).doesNotContain("ada.lovelace", "4111", "diabetes", "sk_live").contains("Ada Lovelace");
        assertThat(restored).isEqualTo(customer);
        assertThat(fixture.fullName()).isNotEqualTo(customer.fullName()).isEqualTo(anonymizer.anonymize(customer).fullName());
        assertThat(fixture.diagnosis()).isNull();
        assertThat(fixture.plan()).isEqualTo("gold");
        assertThat(inventory).contains("| `diagnosis` | HEALTH |");
    }
}
