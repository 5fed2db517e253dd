package org.privacykit.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditEvent;
import org.privacykit.audit.AuditSink;

/**
 * Versioned keys with one primary: new data is encrypted under the primary, older keys still
 * decrypt, so keys rotate without downtime. Each key is a 256-bit root key; the working keys of
 * each field and purpose (AES-GCM, AES-SIV, FF1, HMAC) are derived from it with HKDF, so equal
 * values in two fields never give linkable ciphertexts, blind indexes or pseudonyms.
 *
 * <pre>{@code
 * KeyRing keys = KeyRing.generate();                     // one AES-256-GCM primary key
 * keys.rotate();                                         // a new primary; old data still decrypts
 * keys.save(path, KeyEncryptionKey.passphrase(secret));  // stored wrapped, never in clear
 * KeyRing loaded = KeyRing.load(path, KeyEncryptionKey.passphrase(secret));
 * }</pre>
 *
 * <p>A key ring is thread-safe. Its keys change only through {@link #rotate()}, {@link #disable},
 * {@link #enable}, {@link #destroy} and {@link #addKey}, each of which swaps an immutable snapshot
 * atomically, so every {@link FieldEncryptor} that uses the ring sees the change on its next call.
 * Each change is an audit event. {@code toString} shows key ids, algorithms and status only.
 */
public final class KeyRing {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuditSink audit;
    private final Clock clock;
    private final Object lock = new Object();
    private volatile Keyset keyset;

    private KeyRing(Keyset keyset, AuditSink audit, Clock clock) {
        this.keyset = keyset;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Generates a key ring with one new AES-256-GCM primary key, auditing to SLF4J.
     *
     * @return the key ring
     */
    public static KeyRing generate() {
        return builder().generate();
    }

    /**
     * Loads a key ring saved by {@link #save}, auditing to SLF4J.
     *
     * @param file the key-ring file
     * @param kek the key-encryption key it was saved with
     * @return the key ring
     * @throws IOException when the file cannot be read
     * @throws KeyRingStorageException when the KEK is wrong or the file is corrupted or truncated
     */
    public static KeyRing load(Path file, KeyEncryptionKey kek) throws IOException, KeyRingStorageException {
        return builder().load(file, kek);
    }

    /**
     * Starts a key ring with a chosen audit sink and clock.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    Keyset snapshot() {
        return keyset;
    }

    /**
     * Returns the id of the primary key.
     *
     * @return the primary key id
     */
    public int primaryKeyId() {
        return keyset.primary.id;
    }

    /**
     * Returns every key, oldest first, without material.
     *
     * @return the keys
     */
    public List<KeyInfo> keys() {
        Keyset k = keyset;
        List<KeyInfo> out = new ArrayList<>();
        for (KeyEntry e : k.entries) {
            out.add(e.info(e == k.primary));
        }
        return List.copyOf(out);
    }

    /**
     * Returns one key.
     *
     * @param keyId the key id
     * @return the key
     * @throws IllegalArgumentException when the ring has no such key
     */
    public KeyInfo key(int keyId) {
        Keyset k = keyset;
        KeyEntry e = require(k, keyId);
        return e.info(e == k.primary);
    }

    /**
     * Adds a new key with the primary's algorithm and makes it the primary. Older keys keep
     * decrypting. Audited as {@code KEY_ROTATED}.
     *
     * @return the new primary's id
     */
    public int rotate() {
        return rotate(keyset.primary.algorithm);
    }

    /**
     * Adds a new key with an algorithm and makes it the primary. Audited as {@code KEY_ROTATED}.
     *
     * @param algorithm the new key's algorithm
     * @return the new primary's id
     */
    public int rotate(AeadAlgorithm algorithm) {
        synchronized (lock) {
            int id = addKey(algorithm);
            promote(id);
            return id;
        }
    }

    /**
     * Adds a new enabled key that is not primary yet: roll it out to every reader first, then
     * {@link #promote} it (Tink's add, roll out, promote). Audited as {@code KEY_CREATED}.
     *
     * @param algorithm the key's algorithm
     * @return the new key's id
     */
    public int addKey(AeadAlgorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        synchronized (lock) {
            Keyset k = keyset;
            KeyEntry e = newKey(k, algorithm, clock);
            List<KeyEntry> entries = k.list();
            entries.add(e);
            keyset = new Keyset(entries, k.primary.id);
            record(AuditAction.KEY_CREATED, e.id, algorithm.toString());
            return e.id;
        }
    }

    /**
     * Makes an enabled key the primary. Audited as {@code KEY_ROTATED}.
     *
     * @param keyId the key id
     * @throws IllegalArgumentException when the key is unknown or not enabled
     */
    public void promote(int keyId) {
        synchronized (lock) {
            Keyset k = keyset;
            KeyEntry e = require(k, keyId);
            if (e.status != KeyStatus.ENABLED) {
                throw new IllegalArgumentException("key " + KeyEntry.name(keyId) + " is " + e.status + "; only an enabled key can be primary");
            }
            keyset = new Keyset(k.list(), keyId);
            record(AuditAction.KEY_ROTATED, keyId, "primary " + KeyEntry.name(keyId) + " replaces " + KeyEntry.name(k.primary.id));
        }
    }

    /**
     * Disables a key: ciphertexts under it no longer decrypt until it is enabled again. Use it to
     * check that nothing still needs a key before destroying it. Audited as {@code KEY_DISABLED}.
     *
     * @param keyId the key id
     * @throws IllegalArgumentException when the key is unknown, destroyed or the primary
     */
    public void disable(int keyId) {
        changeStatus(keyId, KeyStatus.DISABLED, AuditAction.KEY_DISABLED);
    }

    /**
     * Enables a disabled key again. Audited as {@code KEY_CREATED} with detail {@code enabled}.
     *
     * @param keyId the key id
     * @throws IllegalArgumentException when the key is unknown or destroyed
     */
    public void enable(int keyId) {
        changeStatus(keyId, KeyStatus.ENABLED, AuditAction.KEY_CREATED);
    }

    /**
     * Destroys a key for good: its material is zeroed and dropped, and every ciphertext under it
     * becomes unreadable (re-encrypt first, see {@link FieldEncryptor#reencrypt(Object)}). Audited as
     * {@code KEY_DESTROYED}. A saved key-ring file still holds the key until the ring is saved again.
     *
     * @param keyId the key id
     * @throws IllegalArgumentException when the key is unknown or the primary
     */
    public void destroy(int keyId) {
        changeStatus(keyId, KeyStatus.DESTROYED, AuditAction.KEY_DESTROYED);
    }

    private void changeStatus(int keyId, KeyStatus status, AuditAction action) {
        synchronized (lock) {
            Keyset k = keyset;
            KeyEntry e = require(k, keyId);
            if (e == k.primary && status != KeyStatus.ENABLED) {
                throw new IllegalArgumentException("key " + KeyEntry.name(keyId) + " is the primary; rotate first");
            }
            if (e.status == KeyStatus.DESTROYED) {
                throw new IllegalArgumentException("key " + KeyEntry.name(keyId) + " is destroyed");
            }
            List<KeyEntry> entries = new ArrayList<>();
            for (KeyEntry x : k.entries) {
                entries.add(x == e ? e.withStatus(status) : x);
            }
            keyset = new Keyset(entries, k.primary.id);
            if (status == KeyStatus.DESTROYED) {
                e.wipe();
            }
            record(action, keyId, status == KeyStatus.ENABLED ? "enabled" : status.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * Saves the ring wrapped by a key-encryption key, atomically (a temporary file, then a rename).
     *
     * @param file where to write
     * @param kek the key-encryption key
     * @throws IOException when the file cannot be written
     * @throws GeneralSecurityException when the KEK fails to wrap
     */
    public void save(Path file, KeyEncryptionKey kek) throws IOException, GeneralSecurityException {
        byte[] bytes = toWrappedBytes(kek);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".keyring", ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Returns the ring wrapped by a key-encryption key, in the key-ring file format.
     *
     * @param kek the key-encryption key
     * @return the file bytes
     * @throws GeneralSecurityException when the KEK fails to wrap
     */
    public byte[] toWrappedBytes(KeyEncryptionKey kek) throws GeneralSecurityException {
        return KeyRingCodec.write(keyset, kek);
    }

    /**
     * Returns an {@link Aead} over this ring for one context: it encrypts under the primary key,
     * decrypts under any enabled key, and prefixes each ciphertext with an authenticated header
     * (version, algorithm, key id) as the field ciphertext format does.
     *
     * @param context the name the derived keys are bound to, such as {@code "orders.note"}
     * @return the AEAD
     */
    public Aead aead(String context) {
        return new RingPrimitives(this, context).aead();
    }

    /**
     * Returns a {@link DeterministicAead} (AES-SIV) over this ring for one context, with the same
     * authenticated header.
     *
     * @param context the name the derived keys are bound to
     * @return the deterministic AEAD
     */
    public DeterministicAead deterministicAead(String context) {
        return new RingPrimitives(this, context).deterministicAead();
    }

    /**
     * Returns an HMAC-SHA256 {@link Mac} over this ring for one context: tags are made under the
     * primary key and carry its id in a 5-byte prefix; verification accepts any enabled key.
     *
     * @param context the name the derived keys are bound to
     * @return the MAC
     */
    public Mac mac(String context) {
        return new RingPrimitives(this, context).mac();
    }

    /**
     * Returns FF1 under this ring's primary key for one context. A format-preserving value cannot
     * carry a key id, so values encrypted before a rotation need
     * {@link FieldEncryptor#reencryptFormatPreserving} with the old key id.
     *
     * @param context the name the derived key and the tweak are bound to
     * @param alphabet the alphabet of values
     * @return the cipher
     */
    public FormatPreservingCipher formatPreserving(String context, Alphabet alphabet) {
        return new RingPrimitives(this, context).formatPreserving(alphabet);
    }

    private void record(AuditAction action, int keyId, String detail) {
        audit.record(AuditEvent.builder(action).time(clock.instant()).detail(KeyEntry.name(keyId) + ": " + detail).build());
    }

    private static KeyEntry require(Keyset k, int keyId) {
        KeyEntry e = k.find(keyId);
        if (e == null) {
            throw new IllegalArgumentException("no key " + KeyEntry.name(keyId) + " in this key ring");
        }
        return e;
    }

    private static KeyEntry newKey(Keyset existing, AeadAlgorithm algorithm, Clock clock) {
        int id;
        do {
            id = RANDOM.nextInt();
        } while (id == 0 || (existing != null && existing.find(id) != null));
        byte[] material = new byte[KeyEntry.ROOT_LENGTH];
        RANDOM.nextBytes(material);
        return new KeyEntry(id, algorithm, KeyStatus.ENABLED, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), material);
    }

    /** Shows key ids, algorithms and status; never key material. */
    @Override
    public String toString() {
        Keyset k = keyset;
        StringBuilder out = new StringBuilder("KeyRing[primary=").append(KeyEntry.name(k.primary.id)).append(", keys=[");
        for (int i = 0; i < k.entries.length; i++) {
            out.append(i == 0 ? "" : ", ").append(k.entries[i]);
        }
        return out.append("]]").toString();
    }

    /** Builds a {@link KeyRing} with a chosen audit sink and clock. */
    public static final class Builder {
        private AuditSink audit = AuditSink.slf4j();
        private Clock clock = Clock.systemUTC();
        private AeadAlgorithm algorithm = AeadAlgorithm.AES_256_GCM;

        private Builder() {
        }

        /**
         * Sets where key events go; the default is {@link AuditSink#slf4j()}.
         *
         * @param sink the audit sink
         * @return this builder
         */
        public Builder auditSink(AuditSink sink) {
            this.audit = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * Sets the clock for key creation times and audit events.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the algorithm of the first key of {@link #generate()}; the default is AES-256-GCM.
         *
         * @param algorithm the algorithm
         * @return this builder
         */
        public Builder algorithm(AeadAlgorithm algorithm) {
            this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        /**
         * Generates a ring with one new primary key. Audited as {@code KEY_CREATED}.
         *
         * @return the key ring
         */
        public KeyRing generate() {
            KeyEntry first = newKey(null, algorithm, clock);
            KeyRing ring = new KeyRing(new Keyset(List.of(first), first.id), audit, clock);
            ring.record(AuditAction.KEY_CREATED, first.id, algorithm + ", primary");
            return ring;
        }

        /**
         * Builds a ring whose one primary key is existing key material instead of a new random key:
         * to adopt a key that another system already holds (a KMS-generated data key), or to give tests
         * reproducible ciphertexts (privacy-test's {@code TestKeyRings}). The material must come from
         * a cryptographically secure source and be kept like any key. Audited as {@code KEY_CREATED}.
         *
         * @param keyId the key id, not 0
         * @param material 32 bytes of key material; copied
         * @return the key ring
         * @throws IllegalArgumentException when the id is 0 or the material is not 32 bytes
         */
        public KeyRing importKey(int keyId, byte[] material) {
            Objects.requireNonNull(material, "material");
            if (keyId == 0) {
                throw new IllegalArgumentException("key id 0 is reserved");
            }
            if (material.length != KeyEntry.ROOT_LENGTH) {
                throw new IllegalArgumentException("key material must be " + KeyEntry.ROOT_LENGTH + " bytes; got "
                        + material.length);
            }
            KeyEntry first = new KeyEntry(keyId, algorithm, KeyStatus.ENABLED,
                    clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), material.clone());
            KeyRing ring = new KeyRing(new Keyset(List.of(first), first.id), audit, clock);
            ring.record(AuditAction.KEY_CREATED, first.id, algorithm + ", primary, imported");
            return ring;
        }

        /**
         * Loads a ring saved by {@link KeyRing#save}. Audited as {@code KEY_RING_LOADED}.
         *
         * @param file the key-ring file
         * @param kek the key-encryption key it was saved with
         * @return the key ring
         * @throws IOException when the file cannot be read
         * @throws KeyRingStorageException when the KEK is wrong or the file is corrupted or truncated
         */
        public KeyRing load(Path file, KeyEncryptionKey kek) throws IOException, KeyRingStorageException {
            return load(Files.readAllBytes(file), kek);
        }

        /**
         * Loads a ring from the bytes of a key-ring file. Audited as {@code KEY_RING_LOADED}.
         *
         * @param bytes the file content
         * @param kek the key-encryption key it was saved with
         * @return the key ring
         * @throws KeyRingStorageException when the KEK is wrong or the content is corrupted or truncated
         */
        public KeyRing load(byte[] bytes, KeyEncryptionKey kek) throws KeyRingStorageException {
            Keyset keyset = KeyRingCodec.read(bytes, kek);
            KeyRing ring = new KeyRing(keyset, audit, clock);
            audit.record(AuditEvent.builder(AuditAction.KEY_RING_LOADED).time(clock.instant())
                    .detail(keyset.entries.length + " keys, primary " + KeyEntry.name(keyset.primary.id)).build());
            return ring;
        }
    }
}
