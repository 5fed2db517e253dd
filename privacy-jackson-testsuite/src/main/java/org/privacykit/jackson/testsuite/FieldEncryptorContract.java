package org.privacykit.jackson.testsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.privacykit.audit.AuditAction;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyRing;
import org.privacykit.crypto.SubjectKeyStore;
import org.privacykit.jackson.testsuite.JacksonLine.Mapper;

/** The encrypting mapper with privacy-crypto's real FieldEncryptor, as applications wire it. */
public abstract class FieldEncryptorContract {
    private final InMemoryAuditSink audit = new InMemoryAuditSink();
    private final KeyRing keys = KeyRing.generate();
    private final FieldEncryptor encryptor = FieldEncryptor.builder(keys)
            .subjectKeyStore(SubjectKeyStore.inMemory()).auditSink(audit).build();

    /**
     * The Jackson line under test.
     *
     * @return the line
     */
    protected abstract JacksonLine line();

    private Mapper store() {
        return line().encrypting(encryptor, audit);
    }

    @Test
    void roundTrip_throughTheRealFieldEncryptor() throws Exception {
        Fixtures.Customer ada = Fixtures.ada();
        String json = store().write(ada);

        assertThat(json).doesNotContain("ada.lovelace", "4111", "diabetes", "sk_live", "St James");
        assertThat(store().<Fixtures.Customer>read(json, Fixtures.Customer.class)).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(ada);
    }

    @Test
    void stringCiphertexts_areInterchangeableWithFieldEncryptorEncryptObject() throws Exception {
        Fixtures.Customer ada = Fixtures.ada();
        Map<String, Object> stored = Json.object(store().tree(store().write(ada)));
        Fixtures.Customer encryptedByCrypto = encryptor.encrypt(ada);

        // deterministic email: the same ciphertext whether Jackson or FieldEncryptor wrote it
        assertThat(stored.get("email")).isEqualTo(encryptedByCrypto.email());
        // randomized fields: each reads what the other wrote
        Map<String, Object> crossed = new java.util.LinkedHashMap<>(stored);
        crossed.put("diagnosis", encryptedByCrypto.diagnosis());
        assertThat(store().<Fixtures.Customer>read(line().plain().write(crossed), Fixtures.Customer.class).diagnosis())
                .isEqualTo(ada.diagnosis());
        Fixtures.Customer fromJson = new Fixtures.Customer(ada.id(), ada.fullName(), (String) stored.get("email"),
                (String) stored.get("cardNumber"), (String) stored.get("diagnosis"), ada.birthDate(),
                (String) stored.get("apiToken"), ada.plan(), List.of());
        assertThat(encryptor.decrypt(fromJson).cardNumber()).isEqualTo(ada.cardNumber());
    }

    @Test
    void rotation_oldJsonStillReads() throws Exception {
        String json = store().write(Fixtures.ada());
        keys.rotate();

        assertThat(store().<Fixtures.Customer>read(json, Fixtures.Customer.class).diagnosis()).isEqualTo("Type 1 diabetes");
    }

    @Test
    void movedToAnotherSubject_failsNamingTheProperty() throws Exception {
        Map<String, Object> ada = Json.object(store().tree(store().write(Fixtures.ada())));
        ada.put("id", "c-9999");
        String moved = line().plain().write(ada);

        assertThatThrownBy(() -> store().read(moved, Fixtures.Customer.class))
                .isInstanceOf(line().mappingException())
                .hasMessageContaining("cardNumber")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("4111", "diabetes"));
    }

    @Test
    void forgottenSubject_readsAsNullWithAnAuditEvent() throws Exception {
        String json = store().write(Fixtures.ada());
        encryptor.forget("c-1001");

        Fixtures.Customer read = store().read(json, Fixtures.Customer.class);

        assertThat(read.diagnosis()).isNull();
        assertThat(read.cardNumber()).isNull();
        assertThat(audit.events(AuditAction.ERASED_READ)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.subjectId()).isEqualTo("c-1001"));
    }
}
