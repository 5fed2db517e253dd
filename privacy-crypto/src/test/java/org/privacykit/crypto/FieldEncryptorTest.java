package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditSink;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.spi.FieldContext;
import org.privacykit.spi.FieldCryptoException;
import org.privacykit.spi.MalformedCiphertextException;
import org.privacykit.spi.SubjectErasedException;
import org.privacykit.spi.TamperedCiphertextException;
import org.privacykit.spi.UnknownKeyException;

class FieldEncryptorTest {
    private static final KeyRing KEYS = KeyRing.builder().auditSink(AuditSink.noop()).generate();
    private static final FieldEncryptor FIELDS = FieldEncryptor.builder(KEYS).auditSink(AuditSink.noop()).build();
    private static final FieldContext NOTE = FieldContext.of("orders.note", EncryptionMode.RANDOMIZED);
    private static final FieldContext EMAIL = FieldContext.of("Customer.email", EncryptionMode.DETERMINISTIC);

    static String text(List<Integer> codePoints) {
        StringBuilder s = new StringBuilder();
        for (int cp : codePoints) {
            s.appendCodePoint(cp >= 0xD800 && cp <= 0xDFFF ? 0x1F600 : cp);
        }
        return s.toString();
    }

    @Test
    void decrypt_encrypt_roundTripsAnyText_includingNonBmpAndEmpty() throws Exception {
        FieldContext subjectNote = NOTE.withSubject("s-1");
        qt().withExamples(300).forAll(lists().of(integers().between(0, 0x10FFFF)).ofSizeBetween(0, 40))
                .checkAssert(codePoints -> {
                    String value = text(codePoints);
                    try {
                        assertThat(FIELDS.decrypt(NOTE, FIELDS.encrypt(NOTE, value))).isEqualTo(value);
                        assertThat(FIELDS.decrypt(EMAIL, FIELDS.encrypt(EMAIL, value))).isEqualTo(value);
                        assertThat(FIELDS.decrypt(subjectNote, FIELDS.encrypt(subjectNote, value))).isEqualTo(value);
                    } catch (FieldCryptoException e) {
                        throw new AssertionError(e);
                    }
                });
        assertThat(FIELDS.encrypt(NOTE, "")).isNotEmpty();
    }

    @Test
    void encrypt_randomized_differsEachTime_deterministic_doesNot() throws Exception {
        assertThat(FIELDS.encrypt(NOTE, "same")).isNotEqualTo(FIELDS.encrypt(NOTE, "same"));
        assertThat(FIELDS.encrypt(EMAIL, "ada@example.com")).isEqualTo(FIELDS.encrypt(EMAIL, "ada@example.com"));
        FieldContext otherField = FieldContext.of("Supplier.email", EncryptionMode.DETERMINISTIC);
        assertThat(FIELDS.encrypt(otherField, "ada@example.com")).isNotEqualTo(FIELDS.encrypt(EMAIL, "ada@example.com"));
    }

    @Test
    void ciphertextLength_matchesDocumentedFormula() throws Exception {
        for (int n : new int[] {0, 1, 2, 3, 16, 32, 100}) {
            String value = "x".repeat(n);
            assertThat(FIELDS.encrypt(NOTE, value)).hasSize(FieldEncryptor.ciphertextLength(EncryptionMode.RANDOMIZED, n));
            assertThat(FIELDS.encrypt(EMAIL, value)).hasSize(FieldEncryptor.ciphertextLength(EncryptionMode.DETERMINISTIC, n));
        }
        assertThat(FieldEncryptor.ciphertextLength(EncryptionMode.RANDOMIZED, 32)).isEqualTo(88);
        assertThat(FieldEncryptor.ciphertextLength(EncryptionMode.DETERMINISTIC, 32)).isEqualTo(72);
    }

    /** Every single-bit flip of the binary form, and every character change of the text, is rejected. */
    @Test
    void decrypt_everySingleBitFlip_throws() throws Exception {
        for (FieldContext field : List.of(NOTE, EMAIL, NOTE.withSubject("s-9"))) {
            String ciphertext = FIELDS.encrypt(field, "4111 1111 1111 1111");
            byte[] bytes = Base64Url.decode(ciphertext);
            for (int bit = 0; bit < bytes.length * 8; bit++) {
                byte[] flipped = bytes.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                String tampered = Base64Url.encode(flipped);
                assertThatThrownBy(() -> FIELDS.decrypt(field, tampered)).as("bit " + bit).isInstanceOf(FieldCryptoException.class);
            }
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ .";
            for (int i = 0; i < ciphertext.length(); i++) {
                for (char c : alphabet.toCharArray()) {
                    if (c != ciphertext.charAt(i)) {
                        String changed = ciphertext.substring(0, i) + c + ciphertext.substring(i + 1);
                        assertThatThrownBy(() -> FIELDS.decrypt(field, changed)).isInstanceOf(FieldCryptoException.class);
                    }
                }
            }
        }
    }

    @Test
    void decrypt_everyTruncationAndExtension_throws() throws Exception {
        for (FieldContext field : List.of(NOTE, EMAIL)) {
            String ciphertext = FIELDS.encrypt(field, "value");
            for (int len = 0; len < ciphertext.length(); len++) {
                String truncated = ciphertext.substring(0, len);
                assertThatThrownBy(() -> FIELDS.decrypt(field, truncated)).isInstanceOf(FieldCryptoException.class);
            }
            byte[] bytes = Base64Url.decode(ciphertext);
            for (int extra = 1; extra <= 20; extra++) {
                String extended = Base64Url.encode(java.util.Arrays.copyOf(bytes, bytes.length + extra));
                assertThatThrownBy(() -> FIELDS.decrypt(field, extended)).isInstanceOf(TamperedCiphertextException.class);
                String textExtended = ciphertext + "A".repeat(extra);
                assertThatThrownBy(() -> FIELDS.decrypt(field, textExtended)).isInstanceOf(FieldCryptoException.class);
            }
        }
    }

    @Test
    void decrypt_movedToAnotherField_throwsTampered() throws Exception {
        String ciphertext = FIELDS.encrypt(NOTE, "secret");
        assertThatThrownBy(() -> FIELDS.decrypt(FieldContext.of("orders.comment", EncryptionMode.RANDOMIZED), ciphertext))
                .isInstanceOf(TamperedCiphertextException.class).hasMessageStartingWith("orders.comment:");
    }

    @Test
    void decrypt_movedToAnotherSubject_throwsTampered_withAndWithoutSubjectStore() throws Exception {
        FieldEncryptor shredding = FieldEncryptor.builder(KEYS).subjectKeyStore(SubjectKeyStore.inMemory()).auditSink(AuditSink.noop()).build();
        for (FieldEncryptor fields : List.of(FIELDS, shredding)) {
            String ciphertext = fields.encrypt(NOTE.withSubject("alice"), "alice's note");
            fields.encrypt(NOTE.withSubject("bob"), "bob has a key too");
            assertThatThrownBy(() -> fields.decrypt(NOTE.withSubject("bob"), ciphertext))
                    .isInstanceOf(TamperedCiphertextException.class).hasMessageNotContaining("alice").hasMessageNotContaining("bob");
            assertThatThrownBy(() -> fields.decrypt(NOTE, ciphertext)).isInstanceOf(TamperedCiphertextException.class);
        }
        String ciphertext = shredding.encrypt(NOTE.withSubject("carol"), "carol's note");
        assertThatThrownBy(() -> shredding.decrypt(NOTE.withSubject("dave"), ciphertext))
                .isInstanceOf(UnknownKeyException.class).hasMessageContaining("moved from another subject");
    }

    @Test
    void decrypt_foreignKeyRing_throwsUnknownKey() throws Exception {
        FieldEncryptor other = FieldEncryptor.builder(KeyRing.builder().auditSink(AuditSink.noop()).generate()).auditSink(AuditSink.noop()).build();
        String ciphertext = other.encrypt(NOTE, "x");
        assertThatThrownBy(() -> FIELDS.decrypt(NOTE, ciphertext)).isInstanceOf(UnknownKeyException.class)
                .hasMessageContaining("does not hold");
    }

    @Test
    void decrypt_malformedInput_throwsMalformed_namingFieldNotValue() {
        for (String bad : new String[] {"", "!!!!", "A", "AAAA", "not base64 at all", "AQEAAAAA"}) {
            assertThatThrownBy(() -> FIELDS.decrypt(NOTE, bad)).as(bad).isInstanceOf(FieldCryptoException.class)
                    .hasMessageStartingWith("orders.note:");
        }
        assertThatThrownBy(() -> FIELDS.decrypt(NOTE, "AgEAAAAAAAAA")).isInstanceOf(MalformedCiphertextException.class)
                .hasMessageContaining("version 2");
        assertThatThrownBy(() -> FIELDS.decrypt(NOTE, null)).isInstanceOf(NullPointerException.class).hasMessageContaining("orders.note");
    }

    @Test
    void encrypt_invalidUtf16_throwsNamingField() {
        assertThatThrownBy(() -> FIELDS.encrypt(NOTE, "abc\uD800def")).isInstanceOf(FieldCryptoException.class)
                .hasMessageContaining("orders.note").hasMessageContaining("unpaired surrogate at index 3").hasMessageNotContaining("abc");
    }

    @Test
    void rotation_oldCiphertextsStillDecrypt_andReencryptMovesToPrimary() throws Exception {
        KeyRing keys = KeyRing.builder().auditSink(AuditSink.noop()).generate();
        FieldEncryptor fields = FieldEncryptor.builder(keys).auditSink(AuditSink.noop()).build();
        String old = fields.encrypt(NOTE, "before rotation");
        String oldDet = fields.encrypt(EMAIL, "ada@example.com");
        int first = keys.primaryKeyId();
        keys.rotate(AeadAlgorithm.CHACHA20_POLY1305);
        assertThat(fields.decrypt(NOTE, old)).isEqualTo("before rotation");
        assertThat(fields.needsReencryption(NOTE, old)).isTrue();
        String moved = fields.reencrypt(NOTE, old);
        assertThat(fields.decrypt(NOTE, moved)).isEqualTo("before rotation");
        assertThat(fields.reencrypt(NOTE, moved)).isSameAs(moved);
        assertThat(fields.searchTerms(EMAIL, "ada@example.com")).hasSize(2).contains(oldDet);
        keys.disable(first);
        assertThatThrownBy(() -> fields.decrypt(NOTE, old)).isInstanceOf(UnknownKeyException.class).hasMessageContaining("DISABLED");
        keys.enable(first);
        assertThat(fields.decrypt(NOTE, old)).isEqualTo("before rotation");
        keys.destroy(first);
        assertThatThrownBy(() -> fields.decrypt(NOTE, old)).isInstanceOf(UnknownKeyException.class).hasMessageContaining("DESTROYED");
        assertThat(fields.decrypt(NOTE, moved)).isEqualTo("before rotation");
    }

    @Test
    void objects_encryptDecrypt_copiesWithEveryEncryptedField() throws Exception {
        TestRecords.Patient patient = new TestRecords.Patient("p-1", "Ada", "ada@example.com", "Type 1 diabetes", "442079460958");
        TestRecords.Patient stored = FIELDS.encrypt(patient);
        assertThat(stored.name()).isEqualTo("Ada");
        assertThat(stored.email()).isNotEqualTo(patient.email());
        assertThat(stored.diagnosis()).isNotEqualTo(patient.diagnosis());
        assertThat(stored.phone()).hasSize(12).containsOnlyDigits().isNotEqualTo(patient.phone());
        assertThat(FIELDS.decrypt(stored)).isEqualTo(patient);
        assertThat(FIELDS.reencrypt(stored)).isSameAs(stored);
    }

    @Test
    void formatPreserving_tooShortOrWrongAlphabet_throwsClearly() {
        FieldContext phone = FieldContext.of("Patient.phone", EncryptionMode.FORMAT_PRESERVING).withClassification(PersonalDataType.PHONE, Sensitivity.CONFIDENTIAL);
        assertThatThrownBy(() -> FIELDS.encrypt(phone, "12345")).isInstanceOf(FieldCryptoException.class)
                .hasMessageContaining("Patient.phone").hasMessageContaining("at least 6");
        assertThatThrownBy(() -> FIELDS.encrypt(phone, "+44 20 7946")).isInstanceOf(FieldCryptoException.class)
                .hasMessageContaining("position 0").hasMessageNotContaining("7946");
    }

    @Test
    void forget_erasesSubjectAtOnce_inEveryEncryptorSharingTheStore_othersUnaffected() throws Exception {
        SubjectKeyStore store = SubjectKeyStore.inMemory();
        InMemoryAuditSink audit = new InMemoryAuditSink();
        FieldEncryptor a = FieldEncryptor.builder(KEYS).subjectKeyStore(store).auditSink(audit).build();
        FieldEncryptor b = FieldEncryptor.builder(KEYS).subjectKeyStore(store).auditSink(AuditSink.noop()).build();
        TestRecords.Patient ada = a.encrypt(new TestRecords.Patient("p-1", "Ada", "ada@example.com", "asthma", "442079460958"));
        TestRecords.Patient alan = a.encrypt(new TestRecords.Patient("p-2", "Alan", "alan@example.com", "flu", "442079460959"));
        assertThat(b.decrypt(ada).diagnosis()).isEqualTo("asthma"); // b caches ada's key now
        a.forget("p-1");
        assertThat(a.isForgotten("p-1")).isTrue();
        assertThatThrownBy(() -> b.decrypt(ada)).isInstanceOf(SubjectErasedException.class);
        assertThatThrownBy(() -> a.decrypt(FieldContext.of("TestRecords.Patient.diagnosis", EncryptionMode.RANDOMIZED), ada.diagnosis()))
                .isInstanceOf(FieldCryptoException.class);
        assertThatThrownBy(() -> a.encrypt(new TestRecords.Patient("p-1", "Ada", "x@example.com", "y", "442079460958")))
                .isInstanceOf(SubjectErasedException.class);
        assertThat(b.decrypt(alan).diagnosis()).isEqualTo("flu");
        assertThat(audit.events(AuditAction.ERASE)).hasSize(1);
        assertThat(audit.events(AuditAction.ERASED_READ)).isEmpty();
        assertThat(a.decrypt(alan).diagnosis()).isEqualTo("flu");
        assertThat(audit.events(AuditAction.DECRYPT)).singleElement() // diagnosis is HEALTH: RESTRICTED
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("Patient.diagnosis");
                    assertThat(e.subjectId()).isEqualTo("p-2");
                    assertThat(e.toString()).doesNotContain("flu");
                });
    }

    @Test
    void forget_severalSubjectsInOneRecord_eachErasableOnItsOwn() throws Exception {
        FieldEncryptor fields = FieldEncryptor.builder(KEYS).subjectKeyStore(SubjectKeyStore.inMemory()).auditSink(AuditSink.noop()).build();
        TestRecords.Transfer transfer = fields.encrypt(new TestRecords.Transfer("payer-1", "payee-1", "GB82WEST12345698765432", "DE89370400440532013000"));
        fields.forget("payer-1");
        FieldContext payee = FieldContext.of(org.privacykit.metadata.PrivacyMetadata.of(TestRecords.Transfer.class).property("payeeIban"), "payee-1");
        assertThat(fields.decrypt(payee, transfer.payeeIban())).isEqualTo("DE89370400440532013000");
        assertThatThrownBy(() -> fields.decrypt(transfer)).isInstanceOf(SubjectErasedException.class);
    }

    @Test
    void rotation_subjectKeysRewrapped_beforeOldRingKeyIsDisabled() throws Exception {
        KeyRing keys = KeyRing.builder().auditSink(AuditSink.noop()).generate();
        SubjectKeyStore store = SubjectKeyStore.inMemory();
        FieldEncryptor fields = FieldEncryptor.builder(keys).subjectKeyStore(store).auditSink(AuditSink.noop()).build();
        FieldContext a = NOTE.withSubject("a");
        FieldContext b = NOTE.withSubject("b");
        String ca = fields.encrypt(a, "for a");
        String cb = fields.encrypt(b, "for b");
        int old = keys.primaryKeyId();
        keys.rotate();
        fields.rewrapSubjectKey("a");
        keys.disable(old);
        FieldEncryptor fresh = FieldEncryptor.builder(keys).subjectKeyStore(store).auditSink(AuditSink.noop()).build();
        assertThat(fresh.decrypt(a, ca)).isEqualTo("for a");
        assertThatThrownBy(() -> fresh.decrypt(b, cb)).isInstanceOf(UnknownKeyException.class)
                .hasMessageContaining("data key is unavailable").hasMessageNotContaining("\"b\"");
        keys.enable(old);
        assertThat(fresh.decrypt(b, cb)).isEqualTo("for b"); // loading re-wraps too
        keys.disable(old);
        assertThat(FieldEncryptor.builder(keys).subjectKeyStore(store).auditSink(AuditSink.noop()).build().decrypt(b, cb)).isEqualTo("for b");
    }

    @Test
    void forget_withoutSubjectStore_throwsIllegalState() {
        assertThatThrownBy(() -> FIELDS.forget("x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void toString_showsNoKeyMaterial() {
        assertThat(FIELDS.toString()).contains("KeyRing[primary=k-").doesNotContain("[B@");
    }

    @Test
    void concurrentEncryptDecrypt_manyThreads_allRoundTrip() throws Exception {
        FieldEncryptor fields = FieldEncryptor.builder(KEYS).subjectKeyStore(SubjectKeyStore.inMemory()).auditSink(AuditSink.noop()).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Set<String>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    Set<String> seen = new HashSet<>();
                    for (int i = 0; i < 2_000; i++) {
                        String value = "t" + thread + "-" + i;
                        FieldContext field = i % 3 == 0 ? EMAIL : i % 3 == 1 ? NOTE : NOTE.withSubject("s-" + (i % 10));
                        String c = fields.encrypt(field, value);
                        if (field != EMAIL) {
                            seen.add(c.substring(8, 24)); // nonce region: must never repeat
                        }
                        assertThat(fields.decrypt(field, c)).isEqualTo(value);
                    }
                    return seen;
                }));
            }
            Set<String> all = new HashSet<>();
            int total = 0;
            for (Future<Set<String>> f : results) {
                Set<String> s = f.get(60, TimeUnit.SECONDS);
                total += s.size();
                all.addAll(s);
            }
            assertThat(all).hasSize(total);
        } finally {
            pool.shutdownNow();
        }
    }
}
