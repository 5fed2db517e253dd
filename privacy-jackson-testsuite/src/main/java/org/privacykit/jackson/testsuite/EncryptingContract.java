package org.privacykit.jackson.testsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.HEALTH;
import static org.privacykit.annotation.PersonalDataType.PHONE;
import static org.privacykit.jackson.testsuite.Json.at;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.junit.jupiter.api.Test;

import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.jackson.testsuite.JacksonLine.Mapper;
import org.privacykit.jackson.testsuite.JacksonLine.Option;

/** The encrypting mapper: ciphertexts bound to field and subject, read back to any declared type. */
public abstract class EncryptingContract {
    private final TestFieldCipher cipher = TestFieldCipher.generate();
    private final InMemoryAuditSink audit = new InMemoryAuditSink();

    /**
     * The Jackson line under test.
     *
     * @return the line
     */
    protected abstract JacksonLine line();

    private Mapper store() {
        return line().encrypting(cipher, audit);
    }

    /** The stored JSON of Ada, as a mutable tree. */
    private Map<String, Object> storedAda() throws Exception {
        return Json.object(store().tree(store().write(Fixtures.ada())));
    }

    /** Reads a tree that a test changed, with the encrypting mapper. */
    private <T> T readBack(Map<String, Object> tree, Class<T> type) throws Exception {
        return store().read(line().plain().write(tree), type);
    }

    @Test
    void write_encryptedFields_areCiphertextAndOtherPersonalDataIsClear() throws Exception {
        String json = store().write(Fixtures.ada());
        Object node = store().tree(json);

        assertThat(json).doesNotContain("ada.lovelace", "4111", "diabetes", "sk_live", "St James");
        assertThat((String) at(node, "email")).startsWith("t1.");
        assertThat((String) at(node, "cardNumber")).startsWith("t1.");
        assertThat((String) at(node, "orders", 0, "shippingAddress", "street")).startsWith("t1.");
        assertThat(at(node, "fullName")).isEqualTo("Ada Lovelace");  // storage mapper: clear
        assertThat(at(node, "birthDate")).isEqualTo("1985-12-10");
    }

    @Test
    void read_roundTrip_givesAnEqualObject() throws Exception {
        Fixtures.Customer ada = Fixtures.ada();

        Fixtures.Customer read = store().read(store().write(ada), Fixtures.Customer.class);

        assertThat(read).isEqualTo(ada);
        assertThat(read.orders().get(0).total()).isEqualTo(new BigDecimal("42.50"));
    }

    @Test
    void write_deterministicField_givesEqualCiphertextForEqualValues_randomizedDoesNot() throws Exception {
        Map<String, Object> first = storedAda();
        Map<String, Object> second = storedAda();

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

        String json = store().write(vault);

        assertThat(json).contains("\"renamed_secret\":\"t1.").doesNotContain("1234", "2020", "daily", "blue");
        assertThat(store().<Vault>read(json, Vault.class)).isEqualTo(vault);
    }

    @Test
    void read_fieldsInAnyOrder_subjectIdLast_decrypts() throws Exception {
        Map<String, Object> stored = storedAda();
        Map<String, Object> reordered = new LinkedHashMap<>(stored);
        reordered.remove("id");
        reordered.put("id", stored.get("id"));

        assertThat(readBack(reordered, Fixtures.Customer.class)).isEqualTo(Fixtures.ada());
    }

    @Test
    void read_ciphertextMovedToAnotherSubject_failsNamingThePropertyNotTheValue() throws Exception {
        Map<String, Object> ada = storedAda();
        ada.put("id", "c-9999");

        assertThatThrownBy(() -> readBack(ada, Fixtures.Customer.class))
                .isInstanceOf(line().mappingException())
                .hasMessageContaining("Customer.email")
                .hasMessageContaining("authentication failed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("ada.lovelace", "t1."));
    }

    @Test
    void read_ciphertextMovedToAnotherField_fails() throws Exception {
        Map<String, Object> ada = storedAda();
        ada.put("cardNumber", ada.get("diagnosis"));

        assertThatThrownBy(() -> readBack(ada, Fixtures.Customer.class))
                .isInstanceOf(line().mappingException())
                .hasMessageContaining("Customer.cardNumber");
    }

    @Test
    void read_tamperedCiphertext_fails() throws Exception {
        Map<String, Object> ada = storedAda();
        String ct = (String) ada.get("diagnosis");
        // a character in the middle: all six of its bits are ciphertext (the last one may carry unused bits)
        int at = ct.length() / 2;
        ada.put("diagnosis", ct.substring(0, at) + (ct.charAt(at) == 'A' ? 'B' : 'A') + ct.substring(at + 1));

        assertThatThrownBy(() -> readBack(ada, Fixtures.Customer.class))
                .isInstanceOf(line().mappingException())
                .hasMessageContaining("Customer.diagnosis")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("diabetes"));
    }

    @Test
    void read_wrongKey_fails() throws Exception {
        String json = store().write(Fixtures.ada());
        Mapper otherKey = line().encrypting(TestFieldCipher.generate(), audit);

        assertThatThrownBy(() -> otherKey.read(json, Fixtures.Customer.class))
                .isInstanceOf(line().mappingException())
                .hasMessageContaining("Customer.");
    }

    @Test
    void read_clearValueWhereCiphertextBelongs_failsClearly() throws Exception {
        Map<String, Object> ada = storedAda();
        ada.put("apiToken", 42);

        assertThatThrownBy(() -> readBack(ada, Fixtures.Customer.class))
                .isInstanceOf(line().mappingException())
                .hasMessageContaining("Customer.apiToken: expected a ciphertext (a JSON string) but found a number");

        ada.put("apiToken", "not-a-ciphertext");
        assertThatThrownBy(() -> readBack(ada, Fixtures.Customer.class))
                .isInstanceOf(line().mappingException())
                .hasMessageContaining("Customer.apiToken")
                .hasMessageContaining("not a ciphertext of this format")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-a-ciphertext"));
    }

    @Test
    void read_forgottenSubject_readsAsNullAndIsAudited() throws Exception {
        String json = store().write(Fixtures.ada());
        cipher.forget("c-1001");

        Fixtures.Customer read = store().read(json, Fixtures.Customer.class);

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

        assertThatThrownBy(() -> store().write(Fixtures.ada()))
                .isInstanceOf(line().mappingException())
                .hasMessageContaining("Customer.email: cannot encrypt");
    }

    @Test
    void read_nullCiphertext_isNull() throws Exception {
        Fixtures.Customer sparse = new Fixtures.Customer("c-3", "X", null, null, null, null, null, null, List.of());

        assertThat(store().<Fixtures.Customer>read(store().write(sparse), Fixtures.Customer.class)).isEqualTo(sparse);
    }

    record Escapes(@SubjectId String id, @Encrypted String text) {
    }

    @Test
    void roundTrip_stringsWithEscapesAndUnicode_readBackEqual() throws Exception {
        Escapes value = new Escapes("e-1", "quote \" backslash \\ tab \t nul \u0000 é 😀 \u2028");

        assertThat(store().<Escapes>read(store().write(value), Escapes.class)).isEqualTo(value);
    }

    @Test
    void write_unpairedSurrogate_isRefusedNamingTheProperty() {
        assertThatThrownBy(() -> store().write(new Escapes("e-1", "bad \uD800 text")))
                .isInstanceOf(line().mappingException())
                .hasMessageContaining("Escapes.text")
                .hasMessageContaining("unpaired surrogate");
    }

    record Aliased(@SubjectId String id, @Encrypted @JsonAlias("mail") String email) {
    }

    @Test
    void read_aliasOrCaseInsensitiveName_stillDecrypts() throws Exception {
        String json = store().write(new Aliased("a-1", "ada@example.com"));

        assertThat(store().<Aliased>read(json.replace("\"email\"", "\"mail\""), Aliased.class).email())
                .isEqualTo("ada@example.com");
        Mapper insensitive = line().encrypting(cipher, audit, Option.CASE_INSENSITIVE);
        assertThat(insensitive.<Aliased>read(json.replace("\"email\"", "\"EMAIL\"").replace("\"id\"", "\"ID\""),
                Aliased.class).email()).isEqualTo("ada@example.com");
    }

    record Account(@SubjectId @Encrypted(mode = DETERMINISTIC) String userId,
                   @PersonalData(PHONE) @Encrypted String phone) {
    }

    @Test
    void roundTrip_encryptedSubjectId_isBoundToItsFieldAndStillBindsTheOthers() throws Exception {
        Account account = new Account("u-42", "+44 20 7946 0958");

        String json = store().write(account);

        assertThat(json).doesNotContain("u-42", "7946");
        assertThat(store().<Account>read(json, Account.class)).isEqualTo(account);
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

        String json = store().write(chart);

        assertThat(json).contains("\"kind\":\"patient\"").doesNotContain("asthma", "flu");
        assertThat(store().<Chart>read(json, Chart.class)).isEqualTo(chart);
    }

    record Inbox(@SubjectId long ownerId, @PersonalData(EMAIL) @Encrypted List<String> addresses) {
    }

    @Test
    void roundTrip_numericSubjectId_bindsByItsText() throws Exception {
        Inbox inbox = new Inbox(7L, List.of("a@example.com", "b@example.com"));

        assertThat(store().<Inbox>read(store().write(inbox), Inbox.class)).isEqualTo(inbox);
    }
}
