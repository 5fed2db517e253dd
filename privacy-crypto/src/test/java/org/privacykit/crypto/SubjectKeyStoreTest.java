package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileSystems;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.audit.AuditSink;
import org.privacykit.spi.FieldContext;
import org.privacykit.spi.SubjectErasedException;

class SubjectKeyStoreTest {

    @Test
    void directory_putIfAbsent_keepsFirst_andForgetLeavesTombstone(@TempDir Path dir) throws Exception {
        SubjectKeyStore store = SubjectKeyStore.directory(dir);
        assertThat(store.find("c-1")).isNull();
        assertThat(store.putIfAbsent("c-1", new byte[] {1})).containsExactly(1);
        assertThat(store.putIfAbsent("c-1", new byte[] {2})).containsExactly(1);
        long before = store.erasureGeneration();
        assertThat(store.forget("c-1")).isTrue();
        assertThat(store.erasureGeneration()).isNotEqualTo(before);
        assertThat(store.find("c-1")).isNull();
        assertThat(store.isForgotten("c-1")).isTrue();
        assertThat(store.putIfAbsent("c-1", new byte[] {3})).isNull();
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains("c-1"));
        }
    }

    /** Two stores on one directory stand for two processes: a forget in one stops the other at once. */
    @Test
    void directory_forgetInOneInstance_stopsAnotherInstanceAtOnce(@TempDir Path dir) throws Exception {
        KeyRing keys = KeyRing.builder().auditSink(AuditSink.noop()).create(dir.resolve("keys.pkkr"), KeyEncryptionKey.aes("test", new byte[32]));
        Path subjects = dir.resolve("subjects");
        FieldEncryptor first = FieldEncryptor.builder(keys).subjectKeyStore(SubjectKeyStore.directory(subjects)).auditSink(AuditSink.noop()).build();
        FieldEncryptor second = FieldEncryptor.builder(keys).subjectKeyStore(SubjectKeyStore.directory(subjects)).auditSink(AuditSink.noop()).build();
        FieldContext note = FieldContext.of("orders.note", EncryptionMode.RANDOMIZED).withSubject("c-7");
        String ciphertext = first.encrypt(note, "note");
        assertThat(second.decrypt(note, ciphertext)).isEqualTo("note"); // second caches the key
        first.forget("c-7");
        assertThatThrownBy(() -> second.decrypt(note, ciphertext)).isInstanceOf(SubjectErasedException.class);
    }

    private static String onlyKeyName(Path store) throws Exception {
        try (Stream<Path> files = Files.list(store.resolve("keys"))) {
            return files.map(p -> p.getFileName().toString()).reduce((a, b) -> {
                throw new AssertionError("more than one key");
            }).orElseThrow();
        }
    }

    /** Issue 13.4: opening the store completes or removes whatever a crash left behind. */
    @Test
    void open_recoversWhatACrashLeft(@TempDir Path dir) throws Exception {
        SubjectKeyStore store = SubjectKeyStore.directory(dir);
        store.putIfAbsent("erin", new byte[] {1, 2, 3});
        String erin = onlyKeyName(dir);
        store.putIfAbsent("frank", new byte[] {4, 5, 6});
        // a forget killed after its journal entry: tombstone missing, key present
        Files.createFile(dir.resolve("pending").resolve(erin));
        // a put killed before its rename, and a second name of a live key left by an earlier release
        Files.write(dir.resolve("tmp").resolve(erin + ".0123456789abcdef"), new byte[] {1, 2, 3});
        Files.createLink(dir.resolve("keys").resolve(".new123.tmp"), dir.resolve("keys").resolve(erin));

        SubjectKeyStore reopened = SubjectKeyStore.directory(dir);

        assertThat(reopened.isForgotten("erin")).isTrue();
        assertThat(reopened.find("erin")).isNull();
        assertThat(dir.resolve("tmp")).isEmptyDirectory();
        assertThat(dir.resolve("pending")).isEmptyDirectory();
        try (Stream<Path> keys = Files.list(dir.resolve("keys"))) {
            assertThat(keys).hasSize(1); // frank's only: no other name holds erin's key
        }
        assertThat(reopened.find("frank")).containsExactly(4, 5, 6);
    }

    @Test
    void emptyKeyFile_isARecordThatNeverReachedTheDisk_andIsReplaced(@TempDir Path dir) throws Exception {
        SubjectKeyStore store = SubjectKeyStore.directory(dir);
        store.putIfAbsent("gina", new byte[] {9});
        String name = onlyKeyName(dir);
        Files.write(dir.resolve("keys").resolve(name), new byte[0]);
        assertThat(store.find("gina")).isNull();
        assertThat(dir.resolve("keys").resolve(name)).doesNotExist();
        assertThat(store.putIfAbsent("gina", new byte[] {7})).containsExactly(7);
    }

    @Test
    void salt_emptyInAnEmptyStore_isMadeAgain_butNeverWhenKeysDependOnIt(@TempDir Path dir) throws Exception {
        Path fresh = dir.resolve("fresh");
        Files.createDirectories(fresh);
        Files.write(fresh.resolve("salt"), new byte[0]);
        SubjectKeyStore.directory(fresh);
        assertThat(fresh.resolve("salt")).hasSize(16);

        Path used = dir.resolve("used");
        SubjectKeyStore.directory(used).putIfAbsent("hank", new byte[] {1});
        Files.write(used.resolve("salt"), new byte[0]);
        assertThatThrownBy(() -> SubjectKeyStore.directory(used)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("salt file is corrupted");
    }

    @Test
    void filesAndDirectories_areOwnerOnly(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path root = dir.resolve("store");
        SubjectKeyStore store = SubjectKeyStore.directory(root);
        store.putIfAbsent("ivy", new byte[] {1});
        store.forget("jack");
        assertThat(Files.getPosixFilePermissions(root.resolve("salt"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(root.resolve("keys").resolve(onlyKeyName(root))))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        for (String d : new String[] {"", "keys", "erased", "pending", "tmp"}) {
            assertThat(Files.getPosixFilePermissions(root.resolve(d))).as(d).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Many threads over two store instances (standing for two processes) create each subject's key once. */
    @Test
    void putIfAbsent_concurrentlyFromTwoInstances_keepsOneKeyPerSubject(@TempDir Path dir) throws Exception {
        SubjectKeyStore a = SubjectKeyStore.directory(dir);
        SubjectKeyStore b = SubjectKeyStore.directory(dir);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<byte[]>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                SubjectKeyStore s = i % 2 == 0 ? a : b;
                byte[] mine = {(byte) i};
                String subject = "s-" + (i % 5);
                results.add(pool.submit(() -> s.putIfAbsent(subject, mine)));
            }
            java.util.Map<String, byte[]> first = new java.util.HashMap<>();
            for (int i = 0; i < results.size(); i++) {
                byte[] got = results.get(i).get();
                byte[] expected = first.putIfAbsent("s-" + (i % 5), got);
                if (expected != null) {
                    assertThat(got).isEqualTo(expected);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void inMemory_forgetUnknownSubject_stillTombstones() {
        SubjectKeyStore store = SubjectKeyStore.inMemory();
        assertThat(store.forget("nobody")).isFalse();
        assertThat(store.isForgotten("nobody")).isTrue();
        assertThat(store.putIfAbsent("nobody", new byte[] {1})).isNull();
    }
}
