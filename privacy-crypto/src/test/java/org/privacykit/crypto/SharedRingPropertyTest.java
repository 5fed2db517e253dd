package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.audit.AuditSink;
import org.privacykit.spi.FieldContext;
import org.privacykit.spi.SubjectErasedException;

/**
 * Random sequences of encrypt, rotate, restart (a process opening the ring and store again: what a
 * save and load did before), forget and reload on two instances sharing one key-ring file and one
 * subject key store. After every step, both instances must read every value either wrote, except
 * those of forgotten subjects, which both must refuse.
 */
class SharedRingPropertyTest {
    /** A fixed seed: a failure is reproducible; the sequence is printed by QuickTheories when one fails. */
    private static final long SEED = 1_312_2026L;
    private static final int SUBJECTS = 4;
    private static final int KINDS = 6;
    private static final FieldContext NOTE = FieldContext.of("Shared.note", EncryptionMode.RANDOMIZED);
    private static final FieldContext EMAIL = FieldContext.of("Shared.email", EncryptionMode.DETERMINISTIC);

    private record Written(FieldContext field, String value, String ciphertext) {
    }

    /** One process: its ring and encryptor over the shared files. */
    private static final class Instance {
        KeyRing keys;
        FieldEncryptor fields;

        Instance(Path dir) throws Exception {
            restart(dir);
        }

        void restart(Path dir) throws Exception {
            keys = KeyRing.builder().auditSink(AuditSink.noop()).open(dir.resolve("keys.pkkr"), KeyEncryptionKey.aes("p", new byte[32]));
            fields = FieldEncryptor.builder(keys).subjectKeyStore(SubjectKeyStore.directory(dir.resolve("subjects")))
                    .auditSink(AuditSink.noop()).build();
        }
    }

    @Test
    void twoInstancesSharingRingAndStore_alwaysReadEveryAcknowledgedValue() {
        qt().withFixedSeed(SEED).withExamples(30)
                .forAll(lists().of(integers().between(0, KINDS * 2 * SUBJECTS - 1)).ofSizeBetween(1, 24))
                .checkAssert(SharedRingPropertyTest::run);
    }

    private static void run(List<Integer> steps) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("shared-ring");
            KeyRing.builder().auditSink(AuditSink.noop()).create(dir.resolve("keys.pkkr"), KeyEncryptionKey.aes("p", new byte[32]));
            Instance[] instances = {new Instance(dir), new Instance(dir)};
            List<Written> written = new ArrayList<>();
            Set<String> forgotten = new HashSet<>();
            int n = 0;
            for (int step : steps) {
                int kind = step % KINDS;
                Instance at = instances[step / KINDS % 2];
                String subject = "s-" + step / (KINDS * 2);
                switch (kind) {
                    case 0, 1 -> {
                        FieldContext field = kind == 0 ? NOTE.withSubject(subject) : step % 4 == 1 ? NOTE : EMAIL;
                        String value = "v" + n++;
                        if (field.subjectId() != null && forgotten.contains(subject)) {
                            assertThatThrownBy(() -> at.fields.encrypt(field, value)).isInstanceOf(SubjectErasedException.class);
                        } else {
                            written.add(new Written(field, value, at.fields.encrypt(field, value)));
                        }
                    }
                    case 2 -> at.keys.rotate();
                    case 3 -> at.restart(dir);
                    case 4 -> {
                        at.fields.forget(subject);
                        forgotten.add(subject);
                    }
                    default -> at.keys.reload();
                }
                for (Instance reader : instances) {
                    for (Written w : written) {
                        if (w.field().subjectId() != null && forgotten.contains(w.field().subjectId())) {
                            assertThatThrownBy(() -> reader.fields.decrypt(w.field(), w.ciphertext()))
                                    .isInstanceOf(SubjectErasedException.class);
                        } else {
                            assertThat(reader.fields.decrypt(w.field(), w.ciphertext())).isEqualTo(w.value());
                        }
                    }
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
