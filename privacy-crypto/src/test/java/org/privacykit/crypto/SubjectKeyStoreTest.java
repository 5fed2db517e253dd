package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void inMemory_forgetUnknownSubject_stillTombstones() {
        SubjectKeyStore store = SubjectKeyStore.inMemory();
        assertThat(store.forget("nobody")).isFalse();
        assertThat(store.isForgotten("nobody")).isTrue();
        assertThat(store.putIfAbsent("nobody", new byte[] {1})).isNull();
    }
}
