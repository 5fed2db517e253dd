package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.PersonalDataType.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditSink;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.spi.FieldContext;
import org.privacykit.spi.FieldCryptoException;
import org.privacykit.spi.TamperedCiphertextException;

/** {@code FieldEncryptor}'s object methods: every {@code @Encrypted} value reachable from an object. */
class ObjectEncryptionTest {
    private static final KeyRing KEYS = KeyRing.builder().auditSink(AuditSink.noop()).generate();
    private static final FieldEncryptor FIELDS = FieldEncryptor.builder(KEYS).auditSink(AuditSink.noop()).build();

    record Address(@PersonalData(POSTAL_ADDRESS) @Encrypted String street, String city) {
    }

    record Contact(@PersonalData(EMAIL) @Encrypted String email, String label) {
    }

    record Customer(@SubjectId String id,
                    @PersonalData(NAME) @Encrypted String name,
                    Address home,
                    List<Contact> contacts,
                    Map<String, Address> addressBook,
                    Optional<Address> billing,
                    Contact[] emergency,
                    @PersonalData(PHONE) @Encrypted List<String> phones,
                    @PersonalData(PHONE) @Encrypted Map<String, String> phonesByKind,
                    @PersonalData(NAME) @Encrypted Optional<String> nickname,
                    String plan) {
    }

    static Customer ada() {
        return new Customer("c-1", "Ada Lovelace", new Address("12 St James's Square", "London"),
                List.of(new Contact("ada@example.com", "home"), new Contact("a.l@example.org", "work")),
                Map.of("parents", new Address("1 Piccadilly", "London")),
                Optional.of(new Address("10 Downing Street", "London")),
                new Contact[] {new Contact("babbage@example.com", "friend")},
                List.of("+44 20 7946 0958"), Map.of("mobile", "+44 7700 900123"), Optional.of("Enchantress"),
                "gold");
    }

    private static final List<String> CLEAR_VALUES = List.of("Ada Lovelace", "12 St James", "ada@example.com",
            "a.l@example.org", "1 Piccadilly", "10 Downing", "babbage@", "7946 0958", "7700 900123", "Enchantress");

    /** Every protected value of a graph, including the nested ones, as one string to search. */
    private static String everything(Object object) {
        StringBuilder out = new StringBuilder();
        org.privacykit.metadata.PrivacyMetadata.walk(object, (path, property, value, subject) ->
                out.append(path).append('=').append(value).append('\n'));
        return out.toString();
    }

    @Test
    void encrypt_encryptsEveryEncryptedValueReachable_andDecryptRestoresThem() throws Exception {
        Customer ada = ada();

        Customer stored = FIELDS.encrypt(ada);

        assertThat(everything(stored)).doesNotContain(CLEAR_VALUES);
        assertThat(stored.home().city()).isEqualTo("London");
        assertThat(stored.contacts()).extracting(Contact::label).containsExactly("home", "work");
        assertThat(stored.plan()).isEqualTo("gold");
        assertThat(stored.phonesByKind()).containsOnlyKeys("mobile");
        assertThat(FIELDS.decrypt(stored)).usingRecursiveComparison().isEqualTo(ada);
        assertThat(everything(ada)).contains("Ada Lovelace"); // the original is left alone
    }

    @Test
    void encrypt_nestedValues_areBoundToTheEnclosingSubject() throws Exception {
        Customer stored = FIELDS.encrypt(ada());
        String ciphertext = stored.contacts().get(0).email();

        assertThat(FIELDS.decrypt(FieldContext.of("Contact.email", org.privacykit.annotation.EncryptionMode.RANDOMIZED)
                .withSubject("c-1"), ciphertext)).isEqualTo("ada@example.com");
        assertThatThrownBy(() -> FIELDS.decrypt(FieldContext.of("Contact.email",
                org.privacykit.annotation.EncryptionMode.RANDOMIZED), ciphertext))
                .isInstanceOf(TamperedCiphertextException.class);
    }

    record Plain(String name, List<String> tags) {
    }

    record Holder(@PersonalData(EMAIL) @Encrypted String email, Plain plain, List<Plain> plains) {
    }

    @Test
    void encrypt_sharesWhatHoldsNothingEncrypted() throws Exception {
        Plain plain = new Plain("x", List.of("a"));
        Holder holder = new Holder("ada@example.com", plain, List.of(plain));

        Holder stored = FIELDS.encrypt(holder);

        assertThat(stored.plain()).isSameAs(plain);
        assertThat(stored.plains()).isSameAs(holder.plains());
        assertThat(FIELDS.encrypt(plain)).isSameAs(plain);
    }

    record Patient(@PersonalData(OTHER) @Encrypted int code, String note) {
    }

    record Person(@PersonalData(DATE_OF_BIRTH) @Encrypted LocalDate born) {
    }

    record Wrapper(String label, List<Person> people) {
    }

    record NestedEncrypted(@PersonalData(POSTAL_ADDRESS) @Encrypted Address address) {
    }

    record KeyedByEmail(@PersonalData(PHONE) @Encrypted Map<@PersonalData(EMAIL) String, String> phones) {
    }

    static final class GetterOnly {
        private String first = "Ada";

        @PersonalData(NAME)
        @Encrypted
        public String getFullName() {
            return first + " Lovelace";
        }
    }

    @Test
    void encrypt_aValueACopyCannotHoldEncrypted_failsNamingTheFieldAndTheFix_neverLeavesItClear() {
        assertThatThrownBy(() -> FIELDS.encrypt(new Patient(4711, "n")))
                .isInstanceOf(FieldCryptoException.class)
                .hasMessageStartingWith("Patient.code: is declared int; a copy keeps the declared type")
                .hasMessageContaining("Fix: declare it as a String");
        assertThatThrownBy(() -> FIELDS.encrypt(new Wrapper("w", List.of(new Person(LocalDate.of(1815, 12, 10))))))
                .isInstanceOf(FieldCryptoException.class).hasMessageStartingWith("Person.born: is declared LocalDate")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("1815"));
        assertThatThrownBy(() -> FIELDS.encrypt(new NestedEncrypted(new Address("x", "y"))))
                .hasMessageContaining("annotate the String fields of Address with @Encrypted instead");
        assertThatThrownBy(() -> FIELDS.encrypt(new KeyedByEmail(Map.of("ada@example.com", "+44"))))
                .hasMessageContaining("keys in clear");
        assertThatThrownBy(() -> FIELDS.encrypt(new GetterOnly()))
                .hasMessageStartingWith("GetterOnly.fullName: has no field");
        // decrypt refuses the same, rather than return a copy it could not have made
        assertThatThrownBy(() -> FIELDS.decrypt(new Patient(1, "n"))).isInstanceOf(FieldCryptoException.class);
    }

    record Loose(@PersonalData(OTHER) @Encrypted Object value) {
    }

    @Test
    void encrypt_aNonTextValueInAnObjectProperty_failsNamingTheTypeNotTheValue() {
        assertThatThrownBy(() -> FIELDS.encrypt(new Loose(123456789)))
                .isInstanceOf(FieldCryptoException.class)
                .hasMessageStartingWith("Loose.value: holds a Integer at run time")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("123456789"));
    }

    record Account(@SubjectId @PersonalData(EMAIL) @Encrypted(mode = DETERMINISTIC) String email,
                   @PersonalData(NAME) @Encrypted String name, List<Contact> contacts) {
    }

    @Test
    void decrypt_anEncryptedSubjectId_isDecryptedFirstToBindTheOthers() throws Exception {
        Account account = new Account("ada@example.com", "Ada", List.of(new Contact("a.l@example.org", "work")));

        Account stored = FIELDS.encrypt(account);

        assertThat(stored.email()).isNotEqualTo("ada@example.com");
        assertThat(FIELDS.decrypt(stored)).isEqualTo(account);
    }

    static final class Link {
        @PersonalData(NAME)
        @Encrypted
        String name = "Alan Turing";
        Link next;
    }

    @Test
    void encrypt_deepChain_isWalkedWithoutOverflowingTheStack() throws Exception {
        Link head = new Link();
        Link tail = head;
        for (int i = 0; i < 5_000; i++) {
            tail.next = new Link();
            tail = tail.next;
        }

        Link stored = FIELDS.encrypt(head);

        int n = 0;
        for (Link l = stored; l != null; l = l.next) {
            assertThat(l.name).isNotEqualTo("Alan Turing");
            n++;
        }
        assertThat(n).isEqualTo(5_001);
        assertThat(FIELDS.decrypt(stored).next.next.name).isEqualTo("Alan Turing");
    }

    static final class Node {
        @PersonalData(NAME)
        @Encrypted
        String label;
        Node parent;
        List<Node> children = new ArrayList<>();
    }

    @Test
    void encrypt_cycles_areCopiedOnce() throws Exception {
        Node root = new Node();
        root.label = "root";
        Node child = new Node();
        child.label = "child";
        child.parent = root;
        root.children.add(child);

        Node stored = FIELDS.encrypt(root);

        assertThat(stored.children.get(0).parent).isSameAs(stored);
        assertThat(stored.label).isNotEqualTo("root");
        assertThat(FIELDS.decrypt(stored).children.get(0).label).isEqualTo("child");
    }

    record Strict(@PersonalData(EMAIL) @Encrypted String email) {
        Strict {
            if (!email.contains("@")) {
                throw new IllegalArgumentException("not an e-mail: " + email);
            }
        }
    }

    @Test
    void encrypt_aRecordWhoseConstructorRejectsTheCiphertext_namesTheComponentAndTheFix() {
        assertThatThrownBy(() -> FIELDS.encrypt(new Strict("ada@example.com")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Strict.email: the constructor of Strict rejects the ciphertext of email (it"
                        + " threw java.lang.IllegalArgumentException); a copy holds it in the property itself")
                .satisfies(e -> assertThat(e.getCause().getMessage()).doesNotContain("not an e-mail"));
    }

    @Test
    void reencrypt_returnsTheSameInstanceWhenCurrent_andMovesNestedValuesAfterRotation() throws Exception {
        KeyRing keys = KeyRing.builder().auditSink(AuditSink.noop()).generate();
        InMemoryAuditSink audit = new InMemoryAuditSink();
        FieldEncryptor fields = FieldEncryptor.builder(keys).auditSink(audit).build();
        Customer stored = fields.encrypt(ada());

        assertThat(fields.reencrypt(stored)).isSameAs(stored);
        keys.rotate();
        Customer moved = fields.reencrypt(stored);

        assertThat(moved).isNotSameAs(stored);
        assertThat(moved.contacts().get(0).email()).isNotEqualTo(stored.contacts().get(0).email());
        assertThat(fields.reencrypt(moved)).isSameAs(moved);
        assertThat(fields.decrypt(moved)).usingRecursiveComparison().isEqualTo(ada());
        assertThat(audit.events()).filteredOn(e -> e.action() == AuditAction.REENCRYPTED).singleElement()
                .satisfies(e -> assertThat(e.detail()).startsWith("10 fields to key"));
    }

    @Test
    void encrypt_aListOfObjects_atTheRoot() throws Exception {
        List<Contact> contacts = List.of(new Contact("ada@example.com", "home"));

        List<Contact> stored = FIELDS.encrypt(contacts);

        assertThat(stored.get(0).email()).isNotEqualTo("ada@example.com");
        assertThat(FIELDS.decrypt(stored)).isEqualTo(contacts);
        Map<String, Contact> byName = new LinkedHashMap<>();
        byName.put("ada", new Contact("ada@example.com", "home"));
        assertThat(FIELDS.decrypt(FIELDS.encrypt(byName))).isEqualTo(byName);
    }
}
