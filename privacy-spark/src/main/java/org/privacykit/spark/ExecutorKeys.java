package org.privacykit.spark;

import java.io.Serializable;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.privacykit.anonymize.Anonymizer;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.pseudonym.Pseudonymizer;

/**
 * Where each executor finds its keys: the wrapped key-ring file and the KEK that opens it, the
 * subject key store (for crypto-shredding), and the pseudonym secret. This object travels with
 * every task; it holds paths and names only, never key material, so a serialized closure, a plan,
 * the UI and the event log show nothing secret.
 *
 * <p>Each JVM opens what it needs once, on first use, and keeps it (see {@link #evictCached()});
 * a subject forgotten anywhere is refused by every executor's next use of its key, since the
 * directory subject key store checks its erasure generation on each use.
 *
 * <pre>{@code
 * ExecutorKeys keys = ExecutorKeys.builder()
 *     .keyRing("/etc/privacykit/ring.pkr", KekSource.passphrase(SecretSource.environment("PRIVACYKIT_PASSPHRASE")))
 *     .subjectKeys("/mnt/shared/privacykit/subject-keys")
 *     .pseudonymSecret(SecretSource.file("/var/run/secrets/privacykit/pseudonym-key"))
 *     .build();
 * }</pre>
 */
public final class ExecutorKeys implements Serializable {
    private static final long serialVersionUID = 1L;

    private final @Nullable String keyRingFile;
    private final @Nullable KekSource kek;
    private final @Nullable String subjectKeyDirectory;
    private final @Nullable SecretSource pseudonymSecret;

    private ExecutorKeys(Builder b) {
        this.keyRingFile = b.keyRingFile;
        this.kek = b.kek;
        this.subjectKeyDirectory = b.subjectKeyDirectory;
        this.pseudonymSecret = b.pseudonymSecret;
    }

    /**
     * Starts a description of the executors' keys.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns this JVM's field encryptor over the key ring, opening it on first use.
     *
     * @return the encryptor
     * @throws ExecutorKeyException when no key ring is configured or it cannot be opened
     */
    public FieldEncryptor encryptor() {
        return KeyCache.get(this).encryptor();
    }

    /**
     * Returns this JVM's pseudonymizer (the default token format), opening the secret on first use.
     *
     * @return the pseudonymizer
     * @throws ExecutorKeyException when no pseudonym secret is configured or it cannot be read
     */
    public Pseudonymizer pseudonymizer() {
        return KeyCache.get(this).pseudonymizer();
    }

    /**
     * Returns this JVM's anonymizer keyed by the pseudonym secret (its pseudonyms equal
     * {@link #pseudonymizer()}'s), opening the secret on first use.
     *
     * @return the anonymizer
     * @throws ExecutorKeyException when no pseudonym secret is configured or it cannot be read
     */
    public Anonymizer anonymizer() {
        return KeyCache.get(this).anonymizer();
    }

    /**
     * Drops what this JVM opened for these keys (key ring, subject keys, secrets): the next use
     * opens them again, so a rotated ring or a replaced secret file is read. Call it in a task, or
     * on the driver in local mode.
     */
    public void evictCached() {
        KeyCache.evict(this);
    }

    @Nullable String keyRingFile() {
        return keyRingFile;
    }

    @Nullable KekSource kek() {
        return kek;
    }

    @Nullable String subjectKeyDirectory() {
        return subjectKeyDirectory;
    }

    @Nullable SecretSource pseudonymSecret() {
        return pseudonymSecret;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ExecutorKeys k && Objects.equals(keyRingFile, k.keyRingFile) && Objects.equals(kek, k.kek)
                && Objects.equals(subjectKeyDirectory, k.subjectKeyDirectory) && Objects.equals(pseudonymSecret, k.pseudonymSecret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyRingFile, kek, subjectKeyDirectory, pseudonymSecret);
    }

    @Override
    public String toString() {
        return "ExecutorKeys[ring " + (keyRingFile == null ? "none" : keyRingFile + " with " + kek)
                + ", subject keys " + (subjectKeyDirectory == null ? "none" : subjectKeyDirectory)
                + ", pseudonym secret " + (pseudonymSecret == null ? "none" : "from " + pseudonymSecret) + "]";
    }

    /** Builds {@link ExecutorKeys}. */
    public static final class Builder {
        private @Nullable String keyRingFile;
        private @Nullable KekSource kek;
        private @Nullable String subjectKeyDirectory;
        private @Nullable SecretSource pseudonymSecret;

        private Builder() {
        }

        /**
         * Sets the wrapped key-ring file (as {@code KeyRing.create} wrote it) and its KEK.
         *
         * @param file the file's path on each executor (a read-only copy is enough)
         * @param kek how each executor opens the KEK
         * @return this builder
         */
        public Builder keyRing(String file, KekSource kek) {
            this.keyRingFile = requireText(file, "key-ring file");
            this.kek = Objects.requireNonNull(kek, "kek");
            return this;
        }

        /**
         * Sets the directory subject key store (shared by the application and the executors), so
         * values bound to a subject use per-subject keys and {@code forget} shreds them.
         *
         * @param directory the store's directory, on a file system every executor mounts
         * @return this builder
         */
        public Builder subjectKeys(String directory) {
            this.subjectKeyDirectory = requireText(directory, "subject key directory");
            return this;
        }

        /**
         * Sets the pseudonym secret (Base64 of at least 16 bytes, 32 recommended), the one the
         * application gives {@code Pseudonymizer.hmacSha256} and {@code Anonymizer.withKey}.
         *
         * @param secret where each executor reads it
         * @return this builder
         */
        public Builder pseudonymSecret(SecretSource secret) {
            this.pseudonymSecret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /**
         * Builds the description.
         *
         * @return the executor keys
         * @throws IllegalStateException when nothing is configured, or subject keys without a key ring
         */
        public ExecutorKeys build() {
            if (keyRingFile == null && pseudonymSecret == null) {
                throw new IllegalStateException("configure a key ring, a pseudonym secret, or both");
            }
            if (subjectKeyDirectory != null && keyRingFile == null) {
                throw new IllegalStateException("subject keys are wrapped by the key ring: configure keyRing(...) too");
            }
            return new ExecutorKeys(this);
        }

        private static String requireText(String value, String what) {
            Objects.requireNonNull(value, what);
            if (value.isBlank()) {
                throw new IllegalArgumentException("the " + what + " is blank");
            }
            return value;
        }
    }
}
