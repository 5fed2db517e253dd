package org.privacykit.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyRing;
import org.privacykit.crypto.SubjectKeyStore;

/** The encrypting mapper with privacy-crypto's real FieldEncryptor, as applications wire it. */
class FieldEncryptorIntegrationTest {
    private final InMemoryAuditSink audit = new InMemoryAuditSink();
    private final KeyRing keys = KeyRing.generate();
    private final FieldEncryptor encryptor = FieldEncryptor.builder(keys)
            .subjectKeyStore(SubjectKeyStore.inMemory()).auditSink(audit).build();
    private final ObjectMapper store = Fixtures.mapper(PrivacyModule.encrypting(encryptor, audit));

    @Test
    void roundTrip_throughTheRealFieldEncryptor() throws Exception {
        Fixtures.Customer ada = Fixtures.ada();
        String json = store.writeValueAsString(ada);

        assertThat(json).doesNotContain("ada.lovelace", "4111", "diabetes", "sk_live", "St James");
        assertThat(store.readValue(json, Fixtures.Customer.class)).usingRecursiveComparison()
                .withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class).isEqualTo(ada);
    }

    @Test
    void stringCiphertexts_areInterchangeableWithFieldEncryptorEncryptObject() throws Exception {
        Fixtures.Customer ada = Fixtures.ada();
        ObjectNode stored = (ObjectNode) store.readTree(store.writeValueAsString(ada));
        Fixtures.Customer encryptedByCrypto = encryptor.encrypt(ada);

        // deterministic email: the same ciphertext whether Jackson or FieldEncryptor wrote it
        assertThat(stored.get("email").asText()).isEqualTo(encryptedByCrypto.email());
        // randomized fields: each reads what the other wrote
        ObjectNode crossed = stored.deepCopy();
        crossed.put("diagnosis", encryptedByCrypto.diagnosis());
        assertThat(store.treeToValue(crossed, Fixtures.Customer.class).diagnosis()).isEqualTo(ada.diagnosis());
        Fixtures.Customer fromJson = new Fixtures.Customer(ada.id(), ada.fullName(), stored.get("email").asText(),
                stored.get("cardNumber").asText(), stored.get("diagnosis").asText(), ada.birthDate(),
                stored.get("apiToken").asText(), ada.plan(), java.util.List.of());
        assertThat(encryptor.decrypt(fromJson).cardNumber()).isEqualTo(ada.cardNumber());
    }

    @Test
    void rotation_oldJsonStillReads() throws Exception {
        String json = store.writeValueAsString(Fixtures.ada());
        keys.rotate();

        assertThat(store.readValue(json, Fixtures.Customer.class).diagnosis()).isEqualTo("Type 1 diabetes");
    }

    @Test
    void movedToAnotherSubject_failsNamingTheProperty() throws Exception {
        ObjectNode ada = (ObjectNode) store.readTree(store.writeValueAsString(Fixtures.ada()));
        ada.put("id", "c-9999");

        assertThatThrownBy(() -> store.treeToValue(ada, Fixtures.Customer.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("cardNumber")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("4111", "diabetes"));
    }

    @Test
    void forgottenSubject_readsAsNullWithAnAuditEvent() throws Exception {
        String json = store.writeValueAsString(Fixtures.ada());
        encryptor.forget("c-1001");

        Fixtures.Customer read = store.readValue(json, Fixtures.Customer.class);

        assertThat(read.diagnosis()).isNull();
        assertThat(read.cardNumber()).isNull();
        assertThat(audit.events(AuditAction.ERASED_READ)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.subjectId()).isEqualTo("c-1001"));
    }
}
