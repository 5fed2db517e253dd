package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditSink;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.spi.FieldContext;
import org.privacykit.spi.UnknownKeyException;

/** A key ring bound to its file: durable changes, several instances, rollback refusal, recovery. */
class KeyRingFileTest {
    private static final FieldContext NOTE = FieldContext.of("orders.note", EncryptionMode.RANDOMIZED);

    private static KeyEncryptionKey kek() throws Exception {
        return KeyEncryptionKey.aes("test", new byte[32]);
    }

    private static KeyRing open(Path file) throws Exception {
        return KeyRing.builder().auditSink(AuditSink.noop()).open(file, kek());
    }

    private static FieldEncryptor fields(KeyRing keys, Path store) throws Exception {
        return FieldEncryptor.builder(keys).subjectKeyStore(SubjectKeyStore.directory(store)).auditSink(AuditSink.noop()).build();
    }

    /**
     * Issue 13.2 as reported: B encrypts for bob; A rotates, encrypts for bob (re-wrapping bob's key
     * under a key B does not hold) and forgets carol; B must still read its own ciphertext for bob.
     */
    @Test
    void twoInstances_aRotationInOne_neverBreaksTheOther(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.pkkr");
        KeyRing.builder().auditSink(AuditSink.noop()).create(file, kek());
        KeyRing b = open(file);
        FieldEncryptor fieldsB = fields(b, dir.resolve("subjects"));
        String bobByB = fieldsB.encrypt(NOTE.withSubject("bob"), "from B");

        KeyRing a = open(file);
        FieldEncryptor fieldsA = fields(a, dir.resolve("subjects"));
        a.rotate();
        String bobByA = fieldsA.encrypt(NOTE.withSubject("bob"), "from A");
        String plainByA = fieldsA.encrypt(NOTE, "no subject");
        fieldsA.forget("carol");

        assertThat(fieldsB.decrypt(NOTE.withSubject("bob"), bobByB)).isEqualTo("from B");
        assertThat(fieldsB.decrypt(NOTE.withSubject("bob"), bobByA)).isEqualTo("from A");
        assertThat(fieldsB.decrypt(NOTE, plainByA)).isEqualTo("no subject"); // a key B met first here: one reload
        assertThat(b.primaryKeyId()).isEqualTo(a.primaryKeyId());
        assertThat(b.version()).isEqualTo(a.version());
    }

    @Test
    void reload_picksUpAnotherInstancesChange_andSaysWhetherSomethingChanged(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.pkkr");
        InMemoryAuditSink audit = new InMemoryAuditSink();
        KeyRing a = KeyRing.builder().auditSink(AuditSink.noop()).create(file, kek());
        KeyRing b = KeyRing.builder().auditSink(audit).refreshInterval(Duration.ZERO).open(file, kek());
        assertThat(b.reload()).isFalse();
        int added = a.addKey(AeadAlgorithm.CHACHA20_POLY1305);
        assertThat(b.keys()).hasSize(1); // no periodic check: unchanged until reloaded
        assertThat(b.reload()).isTrue();
        assertThat(b.key(added).algorithm()).isEqualTo(AeadAlgorithm.CHACHA20_POLY1305);
        assertThat(audit.events(AuditAction.KEY_RING_LOADED)).last().satisfies(e -> assertThat(e.detail()).startsWith("reloaded version 2"));
        assertThat(b.reload()).isFalse();
    }

    @Test
    void refreshInterval_aRingNoticesAChangeOnUse(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.pkkr");
        KeyRing a = KeyRing.builder().auditSink(AuditSink.noop()).create(file, kek());
        KeyRing b = KeyRing.builder().auditSink(AuditSink.noop()).refreshInterval(Duration.ofMillis(1)).open(file, kek());
        int rotated = a.rotate();
        Thread.sleep(5);
        assertThat(b.primaryKeyId()).isEqualTo(rotated); // a writer that never decrypts follows the rotation
    }

    /** Both instances change the ring at once: the file lock and the read under it lose no change. */
    @Test
    void concurrentChanges_fromTwoInstances_areAllKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.pkkr");
        KeyRing.builder().auditSink(AuditSink.noop()).create(file, kek());
        KeyRing a = open(file);
        KeyRing b = open(file);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> added = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) {
                KeyRing ring = i % 2 == 0 ? a : b;
                added.add(pool.submit(() -> ring.addKey(AeadAlgorithm.AES_256_GCM)));
            }
            List<Integer> ids = new ArrayList<>();
            for (Future<Integer> f : added) {
                ids.add(f.get());
            }
            KeyRing fresh = open(file);
            for (int id : ids) {
                assertThat(fresh.key(id).status()).isEqualTo(KeyStatus.ENABLED);
            }
            assertThat(fresh.keys()).hasSize(25);
            assertThat(fresh.version()).isEqualTo(25);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Issue 13.6: an older file written back must not bring back an old primary or a disabled key. */
    @Test
    void rollback_isRefused_unlessExplicitlyAllowed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.pkkr");
        KeyRing keys = KeyRing.builder().auditSink(AuditSink.noop()).create(file, kek());
        int first = keys.primaryKeyId();
        Path copy = dir.resolve("backup.pkkr");
        Files.copy(file, copy);
        keys.rotate();
        keys.disable(first);

        Files.copy(copy, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> open(file)).isInstanceOfSatisfying(KeyRingStorageException.class,
                e -> assertThat(e.reason()).isEqualTo(KeyRingStorageException.Reason.ROLLBACK))
                .hasMessageContaining("holds version 1").hasMessageContaining("version 3").hasMessageContaining("allowRollback");
        assertThatThrownBy(keys::reload).isInstanceOfSatisfying(KeyRingStorageException.class,
                e -> assertThat(e.reason()).isEqualTo(KeyRingStorageException.Reason.ROLLBACK));
        assertThatThrownBy(keys::rotate).isInstanceOfSatisfying(KeyRingStorageException.class,
                e -> assertThat(e.reason()).isEqualTo(KeyRingStorageException.Reason.ROLLBACK));
        assertThat(keys.key(first).status()).isEqualTo(KeyStatus.DISABLED); // the running ring kept its state

        InMemoryAuditSink audit = new InMemoryAuditSink();
        KeyRing restored = KeyRing.builder().auditSink(audit).allowRollback().open(file, kek());
        assertThat(restored.primaryKeyId()).isEqualTo(first);
        assertThat(restored.version()).isEqualTo(4); // written again above everything seen: the acceptance is durable
        assertThat(audit.events(AuditAction.KEY_RING_LOADED)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("rollback from version 1 accepted"));
        assertThat(open(file).version()).isEqualTo(4);
    }

    @Test
    void witness_unreadable_isRefusedWithAClearMessage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.pkkr");
        KeyRing.builder().auditSink(AuditSink.noop()).create(file, kek());
        Files.writeString(dir.resolve("keys.pkkr.version"), "not a number");
        assertThatThrownBy(() -> open(file)).isInstanceOf(IOException.class).hasMessageContaining("version witness");
    }

    @Test
    void open_removesTemporaryFilesACrashLeft_andCreateRefusesAnExistingRing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.pkkr");
        KeyRing.builder().auditSink(AuditSink.noop()).create(file, kek());
        Path stray = dir.resolve(".keys.pkkr.0011223344556677.tmp");
        Files.write(stray, new byte[] {1, 2, 3});
        open(file);
        assertThat(stray).doesNotExist();
        assertThatThrownBy(() -> KeyRing.create(file, kek())).isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    }

    @Test
    void aFailedWrite_leavesTheRingTheFileAndTheAuditAsTheyWere(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.pkkr");
        FileOps failing = new FileOps() {
            @Override
            void rename(Path source, Path target) throws IOException {
                if (target.equals(file.toAbsolutePath())) {
                    throw new IOException("disk full");
                }
                super.rename(source, target);
            }
        };
        KeyRing.builder().auditSink(AuditSink.noop()).create(file, kek());
        InMemoryAuditSink audit = new InMemoryAuditSink();
        KeyRing keys = KeyRing.builder().auditSink(audit).fileOps(failing).open(file, kek());
        byte[] before = Files.readAllBytes(file);
        String ringBefore = keys.toString();
        assertThatThrownBy(keys::rotate).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(keys.toString()).isEqualTo(ringBefore);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(audit.events(AuditAction.KEY_ROTATED)).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    /** Issue 13.11: destroying a key wipes the keys derived from it, in this instance and in others. */
    @Test
    void destroy_wipesDerivedKeys_hereAndInAnotherInstanceOnReload(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.pkkr");
        KeyRing a = KeyRing.builder().auditSink(AuditSink.noop()).create(file, kek());
        KeyRing b = open(file);
        int old = a.primaryKeyId();
        FieldEncryptor.of(a).encrypt(NOTE, "x");
        FieldEncryptor.of(b).encrypt(NOTE, "y");
        FieldKeys derivedA = a.snapshot().find(old).keys(NOTE.name());
        FieldKeys derivedB = b.snapshot().find(old).keys(NOTE.name());
        AeadEngine engineA = derivedA.aead(FieldKeys.Purpose.FIELD_AEAD);
        AeadEngine engineB = derivedB.aead(FieldKeys.Purpose.FIELD_AEAD);
        a.rotate();
        a.destroy(old);

        assertThatThrownBy(() -> engineA.encrypt(new byte[1], null)).hasMessageContaining("destroyed");
        assertThat(engineB.encrypt(new byte[1], null)).isNotEmpty(); // b has not seen it yet
        b.reload();
        assertThatThrownBy(() -> engineB.encrypt(new byte[1], null)).hasMessageContaining("destroyed");
        assertThatThrownBy(() -> derivedB.aead(FieldKeys.Purpose.FIELD_AEAD).encrypt(new byte[1], null)).hasMessageContaining("destroyed");
    }

    @Test
    void readOnlyCopy_encryptsButRefusesChanges(@TempDir Path dir) throws Exception {
        KeyRing keys = KeyRing.builder().auditSink(AuditSink.noop()).create(dir.resolve("keys.pkkr"), kek());
        KeyRing copy = KeyRing.builder().auditSink(AuditSink.noop()).load(keys.toWrappedBytes(kek()), kek());
        String c = FieldEncryptor.of(keys).encrypt(NOTE, "shared");
        assertThat(FieldEncryptor.of(copy).decrypt(NOTE, c)).isEqualTo("shared");
        assertThatThrownBy(copy::rotate).isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only copy");
        assertThat(copy.reload()).isFalse();
    }

    @Test
    void unknownKey_reloadsOnce_thenFailsClearly_withoutReadingAnUnchangedFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.pkkr");
        KeyRing keys = KeyRing.builder().auditSink(AuditSink.noop()).create(file, kek());
        KeyRing other = KeyRing.builder().auditSink(AuditSink.noop()).create(dir.resolve("other.pkkr"), kek());
        String foreign = FieldEncryptor.of(other).encrypt(NOTE, "elsewhere");
        assertThatThrownBy(() -> FieldEncryptor.of(keys).decrypt(NOTE, foreign)).isInstanceOf(UnknownKeyException.class)
                .hasMessageContaining("does not hold");
        assertThat(keys.file()).contains(file.toAbsolutePath());
    }

    @Test
    void ringAndWitness_areOwnerOnly(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("keys.pkkr");
        KeyRing.builder().auditSink(AuditSink.noop()).create(file, kek()).rotate();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("keys.pkkr.version"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(dir.resolve("keys.pkkr.version")).strip()).isEqualTo("2");
    }
}
