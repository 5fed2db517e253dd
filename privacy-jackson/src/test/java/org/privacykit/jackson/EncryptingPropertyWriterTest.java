package org.privacykit.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.HEALTH;
import static org.privacykit.annotation.PersonalDataType.PHONE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.InMemoryAuditSink;

class EncryptingPropertyWriterTest {
    private final TestFieldCipher cipher = TestFieldCipher.generate();
    private final InMemoryAuditSink audit = new InMemoryAuditSink();
    private final ObjectMapper store = Fixtures.mapper(PrivacyModule.encrypting(cipher, audit));

    @Test
    void write_encryptedFields_areCiphertextAndOtherPersonalDataIsClear() throws Exception {
        String json = store.writeValueAsString(Fixtures.ada());
        ObjectNode node = (ObjectNode) store.readTree(json);

        assertThat(json).doesNotContain("ada.lovelace", "4111", "diabetes", "sk_live", "St James");
        assertThat(node.get("email").asText()).startsWith("t1.");
        assertThat(node.get("cardNumber").asText()).startsWith("t1.");
        assertThat(node.get("orders").get(0).get("shippingAddress").get("street").asText()).startsWith("t1.");
        assertThat(node.get("fullName").asText()).isEqualTo("Ada Lovelace");  // storage mapper: clear
        assertThat(node.get("birthDate").asText()).isEqualTo("1985-12-10");
    }

    @Test
    void read_roundTrip_givesAnEqualObject() throws Exception {
        Fixtures.Customer ada = Fixtures.ada();

        Fixtures.Customer read = store.readValue(store.writeValueAsString(ada), Fixtures.Customer.class);

        assertThat(read).isEqualTo(ada);
        assertThat(read.orders().get(0).total()).isEqualTo(new BigDecimal("42.50"));
    }

    @Test
    void write_deterministicField_givesEqualCiphertextForEqualValues_randomizedDoesNot() throws Exception {
        ObjectNode first = (ObjectNode) store.readTree(store.writeValueAsString(Fixtures.ada()));
        ObjectNode second = (ObjectNode) store.readTree(store.writeValueAsString(Fixtures.ada()));

        assertThat(first.get("email")).isEqualTo(second.get("email"));
        assertThat(first.get("cardNumber")).isNotEqualTo(second.get("cardNumber"));
    }

    record Vault(
            @SubjectId String owner,
            @Encrypted LocalDate since,
            @Encrypted int pin,
            @Encrypted List<String> codes,
            @Encrypted Map<String, BigDecimal> limits,
            @Encrypted Optional<String> hint,
            @Encrypted Nested nested,
            @Encrypted @JsonProperty("renamed_secret") String renamed) {
    }

    record Nested(String a, List<Integer> b) {
    }

    @Test
    void roundTrip_anyTypeAndRenames_readBackToTheDeclaredType() throws Exception {
        Vault vault = new Vault("u-1", LocalDate.of(2020, 2, 29), 1234, List.of("x", "y"),
                Map.of("daily", new BigDecimal("100.00")), Optional.of("blue"), new Nested("n", List.of(1, 2)), "r");

        String json = store.writeValueAsString(vault);

        assertThat(json).contains("\"renamed_secret\":\"t1.").doesNotContain("1234", "2020", "daily", "blue");
        assertThat(store.readValue(json, Vault.class)).isEqualTo(vault);
    }

    @Test
    void read_fieldsInAnyOrder_subjectIdLast_decrypts() throws Exception {
        ObjectNode node = (ObjectNode) store.readTree(store.writeValueAsString(Fixtures.ada()));
        ObjectNode reordered = store.createObjectNode();
        node.fieldNames().forEachRemaining(name -> {
            if (!name.equals("id")) {
                reordered.set(name, node.get(name));
            }
        });
        reordered.set("id", node.get("id"));

        // the tree of this test keeps 42.50 as a double: compare amounts by value
        assertThat(store.treeToValue(reordered, Fixtures.Customer.class)).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(Fixtures.ada());
    }

    @Test
    void read_ciphertextMovedToAnotherSubject_failsNamingThePropertyNotTheValue() throws Exception {
        ObjectNode ada = (ObjectNode) store.readTree(store.writeValueAsString(Fixtures.ada()));
        ada.put("id", "c-9999");

        assertThatThrownBy(() -> store.treeToValue(ada, Fixtures.Customer.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("Customer.email")
                .hasMessageContaining("authentication failed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("ada.lovelace", "t1."));
    }

    @Test
    void read_ciphertextMovedToAnotherField_fails() throws Exception {
        ObjectNode ada = (ObjectNode) store.readTree(store.writeValueAsString(Fixtures.ada()));
        ada.set("cardNumber", ada.get("diagnosis"));

        assertThatThrownBy(() -> store.treeToValue(ada, Fixtures.Customer.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("Customer.cardNumber");
    }

    @Test
    void read_tamperedCiphertext_fails() throws Exception {
        ObjectNode ada = (ObjectNode) store.readTree(store.writeValueAsString(Fixtures.ada()));
        String ct = ada.get("diagnosis").asText();
        // a character in the middle: all six of its bits are ciphertext (the last one may carry unused bits)
        int at = ct.length() / 2;
        ada.put("diagnosis", ct.substring(0, at) + (ct.charAt(at) == 'A' ? 'B' : 'A') + ct.substring(at + 1));

        assertThatThrownBy(() -> store.treeToValue(ada, Fixtures.Customer.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("Customer.diagnosis")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("diabetes"));
    }

    @Test
    void read_wrongKey_fails() throws Exception {
        String json = store.writeValueAsString(Fixtures.ada());
        ObjectMapper otherKey = Fixtures.mapper(PrivacyModule.encrypting(TestFieldCipher.generate(), audit));

        assertThatThrownBy(() -> otherKey.readValue(json, Fixtures.Customer.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("Customer.");
    }

    @Test
    void read_clearValueWhereCiphertextBelongs_failsClearly() throws Exception {
        ObjectNode ada = (ObjectNode) store.readTree(store.writeValueAsString(Fixtures.ada()));
        ada.put("apiToken", 42);

        assertThatThrownBy(() -> store.treeToValue(ada, Fixtures.Customer.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("Customer.apiToken: expected a ciphertext (a JSON string) but found a number");

        ada.put("apiToken", "not-a-ciphertext");
        assertThatThrownBy(() -> store.treeToValue(ada, Fixtures.Customer.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("Customer.apiToken")
                .hasMessageContaining("not a ciphertext of this format")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-a-ciphertext"));
    }

    @Test
    void read_forgottenSubject_readsAsNullAndIsAudited() throws Exception {
        String json = store.writeValueAsString(Fixtures.ada());
        cipher.forget("c-1001");

        Fixtures.Customer read = store.readValue(json, Fixtures.Customer.class);

        assertThat(read.email()).isNull();
        assertThat(read.diagnosis()).isNull();
        assertThat(read.orders().get(0).shippingAddress().street()).isNull(); // nested: bound to the same subject
        assertThat(read.fullName()).isEqualTo("Ada Lovelace");
        assertThat(audit.events(AuditAction.ERASED_READ)).hasSize(5)
                .allSatisfy(e -> assertThat(e.subjectId()).isEqualTo("c-1001"))
                .extracting(e -> e.field()).contains("Customer.email", "Address.street");
    }

    @Test
    void write_forgottenSubject_failsNamingTheProperty() {
        cipher.forget("c-1001");

        assertThatThrownBy(() -> store.writeValueAsString(Fixtures.ada()))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("Customer.email: cannot encrypt");
    }

    @Test
    void read_nullCiphertext_isNull() throws Exception {
        Fixtures.Customer sparse = new Fixtures.Customer("c-3", "X", null, null, null, null, null, null, List.of());

        assertThat(store.readValue(store.writeValueAsString(sparse), Fixtures.Customer.class)).isEqualTo(sparse);
    }

    record Escapes(@SubjectId String id, @Encrypted String text) {
    }

    @Test
    void roundTrip_stringsWithEscapesAndUnicode_readBackEqual() throws Exception {
        Escapes value = new Escapes("e-1", "quote \" backslash \\ tab \t nul \u0000 é 😀 \u2028");

        assertThat(store.readValue(store.writeValueAsString(value), Escapes.class)).isEqualTo(value);
    }

    @Test
    void write_unpairedSurrogate_isRefusedNamingTheProperty() {
        assertThatThrownBy(() -> store.writeValueAsString(new Escapes("e-1", "bad \uD800 text")))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("Escapes.text")
                .hasMessageContaining("unpaired surrogate");
    }

    record Aliased(@SubjectId String id, @Encrypted @com.fasterxml.jackson.annotation.JsonAlias("mail") String email) {
    }

    @Test
    void read_aliasOrCaseInsensitiveName_stillDecrypts() throws Exception {
        String json = store.writeValueAsString(new Aliased("a-1", "ada@example.com"));

        assertThat(store.readValue(json.replace("\"email\"", "\"mail\""), Aliased.class).email()).isEqualTo("ada@example.com");
        ObjectMapper insensitive = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .addModule(PrivacyModule.encrypting(cipher)).build();
        assertThat(insensitive.readValue(json.replace("\"email\"", "\"EMAIL\"").replace("\"id\"", "\"ID\""), Aliased.class)
                .email()).isEqualTo("ada@example.com");
    }

    record Account(@SubjectId @Encrypted(mode = DETERMINISTIC) String userId,
                   @PersonalData(PHONE) @Encrypted String phone) {
    }

    @Test
    void roundTrip_encryptedSubjectId_isBoundToItsFieldAndStillBindsTheOthers() throws Exception {
        Account account = new Account("u-42", "+44 20 7946 0958");

        String json = store.writeValueAsString(account);

        assertThat(json).doesNotContain("u-42", "7946");
        assertThat(store.readValue(json, Account.class)).isEqualTo(account);
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(value = Patient.class, name = "patient")})
    interface Record {
    }

    record Patient(@SubjectId String id, @PersonalData(HEALTH) @Encrypted String condition) implements Record {
    }

    record Chart(Record record, List<Record> history) {
    }

    @Test
    void roundTrip_polymorphicTypes_decryptTheConcreteType() throws Exception {
        Chart chart = new Chart(new Patient("p-1", "asthma"), List.of(new Patient("p-2", "flu")));

        String json = store.writeValueAsString(chart);

        assertThat(json).contains("\"kind\":\"patient\"").doesNotContain("asthma", "flu");
        assertThat(store.readValue(json, Chart.class)).isEqualTo(chart);
    }

    record Inbox(@SubjectId long ownerId, @PersonalData(EMAIL) @Encrypted List<String> addresses) {
    }

    @Test
    void roundTrip_numericSubjectId_bindsByItsText() throws Exception {
        Inbox inbox = new Inbox(7L, List.of("a@example.com", "b@example.com"));

        assertThat(store.readValue(store.writeValueAsString(inbox), Inbox.class)).isEqualTo(inbox);
    }

    @Test
    void module_withTwoModes_isRefused() {
        assertThatThrownBy(() -> Fixtures.mapper(PrivacyModule.masking()).registerModule(PrivacyModule.encrypting(cipher)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("one PrivacyModule mode");
    }
}
