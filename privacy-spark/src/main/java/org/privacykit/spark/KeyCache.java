package org.privacykit.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.privacykit.anonymize.Anonymizer;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyRing;
import org.privacykit.crypto.KeyRingStorageException;
import org.privacykit.crypto.SubjectKeyStore;
import org.privacykit.pseudonym.Pseudonymizer;

/**
 * What each JVM opened for each {@link ExecutorKeys}: opened once, on first use, by the first task
 * that needs it, and shared by the tasks the JVM runs. This per-JVM cache is the one place keys
 * live on an executor; it is keyed by the description (paths and names), never by key material.
 */
final class KeyCache {
    private static final ConcurrentMap<ExecutorKeys, Opened> OPENED = new ConcurrentHashMap<>();

    private KeyCache() {
    }

    static Opened get(ExecutorKeys keys) {
        return OPENED.computeIfAbsent(keys, Opened::new);
    }

    static void evict(ExecutorKeys keys) {
        OPENED.remove(keys);
    }

    /** The encryptor and pseudonymizer of one description, each opened on first use. */
    static final class Opened {
        private final ExecutorKeys keys;
        private volatile @Nullable FieldEncryptor encryptor;
        private volatile @Nullable Pseudonymizer pseudonymizer;
        private volatile @Nullable Anonymizer anonymizer;

        Opened(ExecutorKeys keys) {
            this.keys = keys;
        }

        FieldEncryptor encryptor() {
            FieldEncryptor e = encryptor;
            if (e == null) {
                synchronized (this) {
                    e = encryptor;
                    if (e == null) {
                        e = openEncryptor();
                        encryptor = e;
                    }
                }
            }
            return e;
        }

        Pseudonymizer pseudonymizer() {
            Pseudonymizer p = pseudonymizer;
            if (p == null) {
                synchronized (this) {
                    p = pseudonymizer;
                    if (p == null) {
                        byte[] secret = secret();
                        try {
                            p = Pseudonymizer.hmacSha256(secret);
                        } finally {
                            Arrays.fill(secret, (byte) 0);
                        }
                        pseudonymizer = p;
                    }
                }
            }
            return p;
        }

        Anonymizer anonymizer() {
            Anonymizer a = anonymizer;
            if (a == null) {
                synchronized (this) {
                    a = anonymizer;
                    if (a == null) {
                        byte[] secret = secret();
                        try {
                            a = Anonymizer.withKey(secret);
                        } finally {
                            Arrays.fill(secret, (byte) 0);
                        }
                        anonymizer = a;
                    }
                }
            }
            return a;
        }

        private byte[] secret() {
            SecretSource source = keys.pseudonymSecret();
            if (source == null) {
                throw new ExecutorKeyException("no pseudonym secret is configured in " + keys);
            }
            try {
                return source.readBase64Key();
            } catch (IOException e) {
                throw new ExecutorKeyException("the pseudonym secret cannot be read: " + e.getMessage(), e);
            }
        }

        private FieldEncryptor openEncryptor() {
            String file = keys.keyRingFile();
            KekSource kek = keys.kek();
            if (file == null || kek == null) {
                throw new ExecutorKeyException("no key ring is configured in " + keys);
            }
            KeyRing ring;
            try {
                ring = KeyRing.open(Path.of(file), kek.open());
            } catch (IOException | KeyRingStorageException e) {
                throw new ExecutorKeyException("the key ring " + file + " cannot be opened with " + kek + ": "
                        + e.getMessage(), e);
            }
            String directory = keys.subjectKeyDirectory();
            if (directory == null) {
                return FieldEncryptor.of(ring);
            }
            try {
                return FieldEncryptor.builder(ring).subjectKeyStore(SubjectKeyStore.directory(Path.of(directory))).build();
            } catch (IOException e) {
                throw new ExecutorKeyException("the subject key store " + directory + " cannot be opened ("
                        + e.getClass().getSimpleName() + ")", e);
            }
        }
    }
}
