package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditSink;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.spi.FieldContext;

class KeyRingTest {
    /** Cheap Argon2id parameters for tests; production uses RFC 9106's (64 MiB, 3 passes, 4 lanes). */
    static KeyEncryptionKey testPassphrase(String passphrase) {
        return KeyEncryptionKey.passphrase(passphrase.toCharArray(), 64, 1, 1);
    }

    @Test
    void createOpen_passphrase_roundTripsKeysAndCiphertexts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.pkkr");
        KeyRing keys = KeyRing.builder().auditSink(AuditSink.noop()).create(file, testPassphrase("correct horse"));
        keys.rotate();
        FieldContext note = FieldContext.of("orders.note", EncryptionMode.RANDOMIZED);
        String ciphertext = FieldEncryptor.builder(keys).auditSink(AuditSink.noop()).build().encrypt(note, "hello");
        KeyRing opened = KeyRing.builder().auditSink(AuditSink.noop()).open(file, testPassphrase("correct horse"));
        assertThat(opened.toString()).isEqualTo(keys.toString());
        assertThat(opened.version()).isEqualTo(2);
        assertThat(FieldEncryptor.of(opened).decrypt(note, ciphertext)).isEqualTo("hello");
    }

    /** Issue 13.1: a rotation is in the file before anything is encrypted under it; nothing to save. */
    @Test
    void rotate_isDurableBeforeUse_soASubjectKeyWrappedUnderItSurvivesARestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.pkkr");
        KeyEncryptionKey kek = KeyEncryptionKey.aes("test", new byte[32]);
        KeyRing keys = KeyRing.builder().auditSink(AuditSink.noop()).create(file, kek);
        FieldContext note = FieldContext.of("orders.note", EncryptionMode.RANDOMIZED).withSubject("alice");
        FieldEncryptor fields = FieldEncryptor.builder(keys).subjectKeyStore(SubjectKeyStore.directory(dir.resolve("subjects")))
                .auditSink(AuditSink.noop()).build();
        String first = fields.encrypt(note, "first");
        keys.rotate();
        String second = fields.encrypt(note, "second"); // re-wraps alice's key under the new primary

        KeyRing restarted = KeyRing.builder().auditSink(AuditSink.noop()).open(file, kek);
        FieldEncryptor again = FieldEncryptor.builder(restarted).subjectKeyStore(SubjectKeyStore.directory(dir.resolve("subjects")))
                .auditSink(AuditSink.noop()).build();
        assertThat(again.decrypt(note, first)).isEqualTo("first");
        assertThat(again.decrypt(note, second)).isEqualTo("second");
        assertThat(restarted.primaryKeyId()).isEqualTo(keys.primaryKeyId());
    }

    @Test
    void fieldEncryptor_refusesAnInMemoryRingWithADurableSubjectStore(@TempDir Path dir) throws Exception {
        KeyRing memory = KeyRing.builder().auditSink(AuditSink.noop()).generate();
        SubjectKeyStore durable = SubjectKeyStore.directory(dir);
        assertThatThrownBy(() -> FieldEncryptor.builder(memory).subjectKeyStore(durable).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("KeyRing.open");
        assertThat(FieldEncryptor.builder(memory).subjectKeyStore(SubjectKeyStore.inMemory()).build()).isNotNull();
    }

    @Test
    void open_wrongPassphrase_throwsWrongKek(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.pkkr");
        KeyRing.builder().auditSink(AuditSink.noop()).create(file, testPassphrase("right"));
        assertThatThrownBy(() -> KeyRing.open(file, testPassphrase("wrong")))
                .isInstanceOfSatisfying(KeyRingStorageException.class,
                        e -> assertThat(e.reason()).isEqualTo(KeyRingStorageException.Reason.WRONG_KEY_ENCRYPTION_KEY))
                .hasMessage("wrong passphrase");
    }

    @Test
    void createOpen_pkcs12_andWrongPassword(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("kek.p12");
        // a cheap iteration count: KeyEncryptionKeyTest checks the production one
        KeyEncryptionKey kek = Pkcs12Kek.create(store, "store-pass".toCharArray(), "privacykit", 1_000, FileOps.DEFAULT);
        Path file = dir.resolve("keys.pkkr");
        KeyRing keys = KeyRing.builder().auditSink(AuditSink.noop()).create(file, kek);
        KeyRing loaded = KeyRing.open(file, KeyEncryptionKey.pkcs12(store, "store-pass".toCharArray(), "privacykit"));
        assertThat(loaded.primaryKeyId()).isEqualTo(keys.primaryKeyId());
        assertThatThrownBy(() -> KeyEncryptionKey.pkcs12(store, "nope".toCharArray(), "privacykit"))
                .isInstanceOfSatisfying(KeyRingStorageException.class,
                        e -> assertThat(e.reason()).isEqualTo(KeyRingStorageException.Reason.WRONG_KEY_ENCRYPTION_KEY));
        KeyEncryptionKey other = Pkcs12Kek.create(dir.resolve("other.p12"), "store-pass".toCharArray(), "privacykit", 1_000, FileOps.DEFAULT);
        assertThatThrownBy(() -> KeyRing.open(file, other))
                .isInstanceOfSatisfying(KeyRingStorageException.class,
                        e -> assertThat(e.reason()).isEqualTo(KeyRingStorageException.Reason.AUTHENTICATION_FAILED));
    }

    @Test
    void load_everyTruncationAndEveryByteFlip_throwsClearly() throws Exception {
        KeyEncryptionKey kek = KeyEncryptionKey.aes("test", new byte[32]);
        byte[] file = KeyRing.builder().auditSink(AuditSink.noop()).generate().toWrappedBytes(kek);
        for (int len = 0; len < file.length; len++) {
            byte[] truncated = Arrays.copyOf(file, len);
            assertThatThrownBy(() -> KeyRing.builder().auditSink(AuditSink.noop()).load(truncated, kek))
                    .isInstanceOf(KeyRingStorageException.class);
        }
        for (int i = 0; i < file.length; i++) {
            byte[] flipped = file.clone();
            flipped[i] ^= 0x01;
            assertThatThrownBy(() -> KeyRing.builder().auditSink(AuditSink.noop()).load(flipped, kek))
                    .as("byte " + i).isInstanceOf(KeyRingStorageException.class);
        }
        byte[] extended = Arrays.copyOf(file, file.length + 1);
        assertThatThrownBy(() -> KeyRing.builder().auditSink(AuditSink.noop()).load(extended, kek))
                .isInstanceOfSatisfying(KeyRingStorageException.class,
                        e -> assertThat(e.reason()).isEqualTo(KeyRingStorageException.Reason.CORRUPTED));
    }

    @Test
    void toString_showsIdsAlgorithmsStatus_neverMaterial() throws Exception {
        KeyEncryptionKey kek = KeyEncryptionKey.aes("test", new byte[32]);
        KeyRing keys = KeyRing.builder().auditSink(AuditSink.noop()).generate();
        int old = keys.primaryKeyId();
        keys.rotate(AeadAlgorithm.CHACHA20_POLY1305);
        keys.disable(old);
        assertThat(keys.toString()).matches("KeyRing\\[primary=k-[0-9a-f]{8}, keys=\\[k-[0-9a-f]{8} AES-256-GCM DISABLED, "
                + "k-[0-9a-f]{8} ChaCha20-Poly1305 ENABLED]]");
        assertThat(keys.keys()).extracting(KeyInfo::status).containsExactly(KeyStatus.DISABLED, KeyStatus.ENABLED);
        assertThat(kek.toString()).doesNotContain("0000");
        assertThat(testPassphrase("hunter2").toString()).doesNotContain("hunter2");
    }

    @Test
    void primary_cannotBeDisabledOrDestroyed() {
        KeyRing keys = KeyRing.builder().auditSink(AuditSink.noop()).generate();
        assertThatThrownBy(() -> keys.disable(keys.primaryKeyId())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rotate first");
        assertThatThrownBy(() -> keys.destroy(keys.primaryKeyId())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keys.disable(12345)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no key");
    }

    @Test
    void keyEvents_areAudited_withoutMaterial() throws Exception {
        InMemoryAuditSink audit = new InMemoryAuditSink();
        KeyRing keys = KeyRing.builder().auditSink(audit).generate();
        int old = keys.primaryKeyId();
        keys.rotate();
        keys.disable(old);
        keys.destroy(old);
        assertThat(audit.events()).extracting(e -> e.action()).containsExactly(AuditAction.KEY_CREATED, AuditAction.KEY_CREATED,
                AuditAction.KEY_ROTATED, AuditAction.KEY_DISABLED, AuditAction.KEY_DESTROYED);
        assertThat(audit.events(AuditAction.KEY_DESTROYED).get(0).detail()).startsWith(KeyEntry.name(old));
    }

    /** Issue 13.11: enabling a key is audited as what it is, not as a key creation. */
    @Test
    void enable_isAuditedAsKeyEnabled() throws Exception {
        InMemoryAuditSink audit = new InMemoryAuditSink();
        KeyRing keys = KeyRing.builder().auditSink(audit).generate();
        int old = keys.primaryKeyId();
        keys.rotate();
        keys.disable(old);
        int created = audit.events(AuditAction.KEY_CREATED).size();
        keys.enable(old);
        assertThat(audit.events(AuditAction.KEY_CREATED)).hasSize(created);
        assertThat(audit.events(AuditAction.KEY_ENABLED)).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo(KeyEntry.name(old) + ": enabled"));
    }

    @Test
    void ringPrimitives_encryptUnderPrimary_decryptAfterRotation() throws Exception {
        KeyRing keys = KeyRing.builder().auditSink(AuditSink.noop()).generate();
        Aead aead = keys.aead("files");
        DeterministicAead siv = keys.deterministicAead("files");
        Mac mac = keys.mac("files");
        FormatPreservingCipher fpe = keys.formatPreserving("files", Alphabet.DIGITS);
        byte[] data = "payload".getBytes(StandardCharsets.UTF_8);
        byte[] c = aead.encrypt(data, null);
        byte[] d = siv.encryptDeterministically(data, null);
        byte[] tag = mac.computeMac(data);
        String token = fpe.encrypt("123456789", null);
        keys.rotate();
        assertThat(aead.decrypt(c, null)).isEqualTo(data);
        assertThat(siv.decryptDeterministically(d, null)).isEqualTo(data);
        mac.verifyMac(tag, data);
        assertThat(siv.encryptDeterministically(data, null)).isNotEqualTo(d);
        assertThat(fpe.decrypt(fpe.encrypt("123456789", null), null)).isEqualTo("123456789");
        assertThat(token).hasSize(9);
        c[c.length - 1] ^= 1;
        assertThatThrownBy(() -> aead.decrypt(c, null)).isInstanceOf(java.security.GeneralSecurityException.class);
    }

    @Test
    void hkdf_derivedKeysDifferPerContext() throws Exception {
        KeyRing keys = KeyRing.builder().auditSink(AuditSink.noop()).generate();
        KeyMaterial e = keys.snapshot().primary.material();
        assertThat(e.derive("aes-siv", "a", 32)).isNotEqualTo(e.derive("aes-siv", "b", 32)).isNotEqualTo(e.derive("ff1", "a", 32));
        assertThat(Files.exists(Path.of("target"))).isTrue();
    }

    @Test
    void importKey_sameMaterial_decryptsTheOthersCiphertexts_andValidates() throws Exception {
        byte[] material = new byte[32];
        Arrays.fill(material, (byte) 7);
        InMemoryAuditSink audit = new InMemoryAuditSink();
        KeyRing a = KeyRing.builder().auditSink(audit).importKey(42, material);
        KeyRing b = KeyRing.builder().auditSink(AuditSink.noop()).importKey(42, material);
        FieldContext field = FieldContext.of("Customer.email", EncryptionMode.RANDOMIZED);

        String ciphertext = FieldEncryptor.of(a).encrypt(field, "ada@example.com");
        material[0] = 1; // the ring copied the material
        assertThat(FieldEncryptor.of(b).decrypt(field, ciphertext)).isEqualTo("ada@example.com");
        assertThat(a.primaryKeyId()).isEqualTo(42);
        assertThat(audit.events(AuditAction.KEY_CREATED)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("imported"));
        assertThatThrownBy(() -> KeyRing.builder().importKey(0, new byte[32])).hasMessageContaining("id 0");
        assertThatThrownBy(() -> KeyRing.builder().importKey(1, new byte[16])).hasMessageContaining("32 bytes");
    }
}
