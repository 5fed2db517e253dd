package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.audit.AuditSink;
import org.privacykit.spi.FieldContext;

/**
 * Power loss cannot be simulated by killing a process: what reaches the disk without an fsync is
 * up to the kernel. So every file-system call of the key ring and the directory store goes through
 * {@link FsyncChecker}, which models what a power loss may undo, and each public call is checked,
 * when it returns, to have forced everything it changed (file before its name, directory after).
 */
class DurabilityTest {
    private static final KeyEncryptionKey KEK = kek();
    private static final FieldContext NOTE = FieldContext.of("orders.note", EncryptionMode.RANDOMIZED);

    private static KeyEncryptionKey kek() {
        try {
            return KeyEncryptionKey.aes("test", new byte[32]);
        } catch (java.security.GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Runs every durable public call once; returns how many calls were checked. */
    private static int everyCall(Path dir, FsyncChecker fs) throws Exception {
        Path file = dir.resolve("ring").resolve("keys.pkkr");
        Files.createDirectories(file.getParent());
        KeyRing keys = KeyRing.builder().auditSink(AuditSink.noop()).fileOps(fs).create(file, KEK);
        fs.acknowledged("KeyRing.create");
        int added = keys.addKey(AeadAlgorithm.AES_256_GCM);
        fs.acknowledged("addKey");
        int old = keys.primaryKeyId();
        keys.promote(added);
        fs.acknowledged("promote");
        keys.rotate();
        fs.acknowledged("rotate");
        keys.disable(old);
        fs.acknowledged("disable");
        keys.enable(old);
        fs.acknowledged("enable");
        keys.destroy(old);
        fs.acknowledged("destroy");
        KeyRing other = KeyRing.builder().auditSink(AuditSink.noop()).fileOps(fs).open(file, KEK);
        fs.acknowledged("KeyRing.open");
        other.reload();
        fs.acknowledged("reload");

        SubjectKeyStore store = new DirectorySubjectKeyStore(dir.resolve("subjects"), fs);
        fs.acknowledged("SubjectKeyStore.directory");
        FieldEncryptor fields = FieldEncryptor.builder(keys).subjectKeyStore(store).auditSink(AuditSink.noop()).build();
        String alice = fields.encrypt(NOTE.withSubject("alice"), "a note"); // creates alice's key
        fs.acknowledged("encrypt (new subject key)");
        fields.encrypt(NOTE.withSubject("bob"), "another");
        fs.acknowledged("encrypt (new subject key)");
        keys.rotate();
        fs.acknowledged("rotate");
        assertThat(fields.decrypt(NOTE.withSubject("alice"), alice)).isEqualTo("a note"); // re-wraps alice's key
        fs.acknowledged("decrypt (re-wrap)");
        fields.forget("bob");
        fs.acknowledged("forget");
        fields.forget("carol");
        fs.acknowledged("forget (no key)");
        new DirectorySubjectKeyStore(dir.resolve("subjects"), fs);
        fs.acknowledged("SubjectKeyStore.directory (reopen)");
        return 17;
    }

    @Test
    void everyAcknowledgedCall_forcedWhatItChanged_fileThenDirectory(@TempDir Path dir) throws Exception {
        FsyncChecker fs = FsyncChecker.standard();
        everyCall(dir, fs);
        assertThat(fs.violations()).isEmpty();
        assertThat(fs.forces()).isPositive();
    }

    /** The check above can fail: with the forces not counted, every durable call is reported. */
    @Test
    void withoutFsync_theCheckReportsEveryDurableCall(@TempDir Path dir) throws Exception {
        FsyncChecker fs = FsyncChecker.withoutForces();
        everyCall(dir, fs);
        assertThat(fs.violations())
                .anyMatch(v -> v.startsWith("KeyRing.create returned"))
                .anyMatch(v -> v.startsWith("rotate returned"))
                .anyMatch(v -> v.startsWith("destroy returned"))
                .anyMatch(v -> v.startsWith("encrypt (new subject key) returned"))
                .anyMatch(v -> v.startsWith("decrypt (re-wrap) returned"))
                .anyMatch(v -> v.startsWith("forget returned"))
                .anyMatch(v -> v.contains("renamed into place before its content was forced"));
    }

    /** Recovery is durable too: a journalled forget completed on open is forced before the store is used. */
    @Test
    void recoveryOnOpen_isForced(@TempDir Path dir) throws Exception {
        Path subjects = dir.resolve("subjects");
        KeyRing keys = KeyRing.builder().auditSink(AuditSink.noop()).create(dir.resolve("keys.pkkr"), KEK);
        FieldEncryptor fields = FieldEncryptor.builder(keys).subjectKeyStore(SubjectKeyStore.directory(subjects))
                .auditSink(AuditSink.noop()).build();
        fields.encrypt(NOTE.withSubject("dave"), "x");
        String name;
        try (var files = Files.list(subjects.resolve("keys"))) {
            name = files.findFirst().orElseThrow().getFileName().toString();
        }
        Files.createFile(subjects.resolve("pending").resolve(name)); // a forget interrupted before the tombstone

        FsyncChecker fs = FsyncChecker.standard();
        new DirectorySubjectKeyStore(subjects, fs);
        fs.acknowledged("SubjectKeyStore.directory (recovering)");
        assertThat(fs.violations()).isEmpty();
        assertThat(subjects.resolve("erased").resolve(name)).exists();
        assertThat(subjects.resolve("keys").resolve(name)).doesNotExist();
    }
}
