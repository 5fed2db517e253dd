package org.privacykit.jackson3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.HEALTH;
import static org.privacykit.annotation.PersonalDataType.NAME;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyRing;

class SmokeTest {
    record Customer(@SubjectId String id, @PersonalData(value = NAME, purposes = "support") String name,
                    @PersonalData(value = EMAIL, purposes = "support") @Encrypted String email,
                    @PersonalData(value = HEALTH, purposes = "support") String diagnosis,
                    @PersonalData(org.privacykit.annotation.PersonalDataType.DATE_OF_BIRTH) LocalDate born,
                    Map<@PersonalData(EMAIL) String, Integer> visitsByEmail, List<String> tags) {
    }

    static Customer ada() {
        return new Customer("c-1", "Ada Lovelace", "ada@example.com", "flu", LocalDate.of(1985, 12, 10),
                Map.of("ada@example.com", 3), List.of("x"));
    }

    @Test
    void masking_revealAndEncrypt() throws Exception {
        InMemoryAuditSink audit = new InMemoryAuditSink();
        JsonMapper mapper = JsonMapper.builder().addModule(PrivacyModule.masking(audit)).build();
        assertThat(mapper.writeValueAsString(ada())).isEqualTo("{\"id\":\"c-1\",\"name\":\"A. L.\",\"email\":\"a***@example.com\","
                + "\"diagnosis\":\"[REDACTED]\",\"born\":\"1985\",\"visitsByEmail\":{\"a***@example.com\":3},\"tags\":[\"x\"]}");
        assertThat(new String(mapper.writeValueAsBytes(ada()), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"a***@example.com\"");
        String revealed = Reveal.forPurposes("support").by("agent").writer(mapper).writeValueAsString(ada());
        assertThat(revealed).contains("\"name\":\"Ada Lovelace\"").contains("\"diagnosis\":\"flu\"");
        assertThat(audit.events()).hasSize(3);
        assertThat(audit.events().get(0).field()).isEqualTo("Customer.name");

        JsonMapper found = JsonMapper.builder().findAndAddModules().build();
        assertThat(found.writeValueAsString(ada())).contains("A. L.");

        FieldEncryptor encryptor = FieldEncryptor.of(KeyRing.generate());
        JsonMapper store = JsonMapper.builder().addModule(PrivacyModule.encrypting(encryptor)).build();
        String stored = store.writeValueAsString(ada());
        assertThat(stored).doesNotContain("\"email\":\"ada@");
        assertThat(store.readValue(stored, Customer.class)).isEqualTo(ada());
        assertThat(PrivacyModule.masking().version().toString()).isEqualTo(System.getProperty("privacykit.version"));
    }
}
