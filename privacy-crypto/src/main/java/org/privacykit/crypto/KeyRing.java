package org.privacykit.crypto;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditEvent;
import org.privacykit.audit.AuditSink;

/**
 * Versioned keys with one primary: new data is encrypted under the primary, older keys still
 * decrypt, so keys rotate without downtime. Each key is a 256-bit root key; the working keys of
 * each field and purpose (AES-GCM, AES-SIV, FF1, HMAC) are derived from it with HKDF, so equal
 * values in two fields never give linkable ciphertexts, blind indexes or pseudonyms.
 *
 * <p>In production a ring lives in its file, wrapped by a key-encryption key, and every change is
 * written there before it takes effect:
 *
 * <pre>{@code
 * KeyEncryptionKey kek = KeyEncryptionKey.passphrase(secret);
 * KeyRing keys = KeyRing.create(path, kek);     // once, at installation
 * KeyRing keys = KeyRing.open(path, kek);       // at every start, in every instance
 * keys.rotate();                                // locked, written and fsynced, then used
 * }</pre>
 *
 * <p>A change ({@link #rotate()}, {@link #addKey}, {@link #promote}, {@link #disable},
 * {@link #enable}, {@link #destroy}) of a ring opened from a file takes the file's lock (other
 * processes sharing the file wait), reads the file as it is now, applies the change, writes the new
 * version durably (a new file forced to disk, renamed over the old one, the directory forced) and
 * only then makes it the ring's snapshot; a failure leaves the ring as it was. So no ciphertext and
 * no wrapped subject key ever depends on a key that is not on disk. Other processes see a change
 * when they {@link #reload()}, when they meet a key id they do not hold (one reload, then the
 * error), and on use at most {@link Builder#refreshInterval} after it. Each file carries an
 * authenticated, increasing version; an older file written back is refused (see
 * {@link Builder#allowRollback()}).
 *
 * <p>{@link #generate()} makes a ring in memory, for tests: it dies with the process, and a
 * {@link FieldEncryptor} refuses to pair it with a durable {@link SubjectKeyStore}.
 *
 * <p>A key ring is thread-safe: each change swaps an immutable snapshot, so every
 * {@link FieldEncryptor} that uses the ring sees it on its next call. Each change is an audit
 * event, recorded once the change is durable. {@code toString} shows key ids, algorithms and
 * status only.
 */
public final class KeyRing {
    /** How long a ring opened from a file goes without checking whether another process changed it. */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(30);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where the ring's keys live, which decides whether and how it can change. */
    private enum Kind {
        /** Generated or imported in memory: changes are in memory too. */
        IN_MEMORY,
        /** Loaded from a copy of a file's bytes: it cannot change. */
        COPY,
        /** Opened from its file: changes are written there first. */
        FILE
    }

    private final AuditSink audit;
    private final Clock clock;
    private final Kind kind;
    private final KeyRingFile file;
    private final long refreshNanos;
    /** Serializes changes and reloads within this process (the file lock does it between processes). */
    private final ReentrantLock changes = new ReentrantLock();
    private volatile Keyset keyset;
    private volatile long nextRefresh;

    private KeyRing(Keyset keyset, Kind kind, KeyRingFile file, Builder b) {
        this.keyset = keyset;
        this.kind = kind;
        this.file = file;
        this.audit = b.audit;
        this.clock = b.clock;
        this.refreshNanos = kind == Kind.FILE ? b.refreshInterval.toNanos() : 0;
        this.nextRefresh = System.nanoTime() + refreshNanos;
    }

    /**
     * Generates a key ring in memory with one new AES-256-GCM primary key, auditing to SLF4J. For
     * tests: its keys die with the process. Production rings are {@link #create created} in a file.
     *
     * @return the key ring
     */
    public static KeyRing generate() {
        return builder().generate();
    }

    /**
     * Opens the key ring stored in a file, auditing to SLF4J: the ring every change goes through
     * first (see the class description).
     *
     * @param file the key-ring file
     * @param kek the key-encryption key it was created with
     * @return the key ring
     * @throws IOException when the file is missing or cannot be read
     * @throws KeyRingStorageException when the KEK is wrong, the file is corrupted or truncated, or
     *         it is older than a version already seen ({@link KeyRingStorageException.Reason#ROLLBACK})
     */
    public static KeyRing open(Path file, KeyEncryptionKey kek) throws IOException, KeyRingStorageException {
        return builder().open(file, kek);
    }

    /**
     * Creates a key-ring file with one new AES-256-GCM primary key and opens it, auditing to SLF4J.
     *
     * @param file the file to create; it must not exist
     * @param kek the key-encryption key that wraps it
     * @return the key ring
     * @throws IOException when the file exists or cannot be written
     * @throws KeyRingStorageException when the KEK fails to wrap the ring
     */
    public static KeyRing create(Path file, KeyEncryptionKey kek) throws IOException, KeyRingStorageException {
        return builder().create(file, kek);
    }

    /**
     * Starts a key ring with a chosen audit sink, clock, refresh interval or rollback policy.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The current snapshot. A ring opened from a file checks, at most once per refresh interval,
     * whether the file changed, and reloads it when it did (on the calling thread; others go on
     * with the current snapshot meanwhile).
     */
    Keyset snapshot() {
        if (refreshNanos > 0 && System.nanoTime() - nextRefresh >= 0) {
            refreshQuietly();
        }
        return keyset;
    }

    /** Whether this ring lives in memory only and may change there (its keys die with the process). */
    boolean isEphemeral() {
        return kind == Kind.IN_MEMORY;
    }

    /**
     * Returns the id of the primary key.
     *
     * @return the primary key id
     */
    public int primaryKeyId() {
        return snapshot().primary.id;
    }

    /**
     * Returns the ring's version: it starts at 1 and every change raises it by one.
     *
     * @return the version
     */
    public long version() {
        return snapshot().version;
    }

    /**
     * Returns the file the ring lives in, when it was opened from one.
     *
     * @return the file, or empty for a ring in memory or a copy
     */
    public Optional<Path> file() {
        return file == null ? Optional.empty() : Optional.of(file.path());
    }

    /**
     * Returns every key, oldest first, without material.
     *
     * @return the keys
     */
    public List<KeyInfo> keys() {
        Keyset k = snapshot();
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
        Keyset k = snapshot();
        KeyEntry e = require(k, keyId);
        return e.info(e == k.primary);
    }

    /**
     * Adds a new key with the primary's algorithm and makes it the primary. Older keys keep
     * decrypting. Audited as {@code KEY_CREATED} and {@code KEY_ROTATED}.
     *
     * @return the new primary's id
     * @throws IOException when the ring's file cannot be read or written (the ring is unchanged)
     * @throws KeyRingStorageException when the file no longer loads with this ring's KEK, or holds
     *         an older version than seen (the ring is unchanged)
     * @throws IllegalStateException when the ring is a read-only copy
     */
    public int rotate() throws IOException, KeyRingStorageException {
        return change((k, events) -> rotate(k, k.primary.algorithm, events));
    }

    /**
     * Adds a new key with an algorithm and makes it the primary. Audited as {@code KEY_CREATED}
     * and {@code KEY_ROTATED}.
     *
     * @param algorithm the new key's algorithm
     * @return the new primary's id
     * @throws IOException when the ring's file cannot be read or written (the ring is unchanged)
     * @throws KeyRingStorageException when the file no longer loads with this ring's KEK, or holds
     *         an older version than seen (the ring is unchanged)
     */
    public int rotate(AeadAlgorithm algorithm) throws IOException, KeyRingStorageException {
        Objects.requireNonNull(algorithm, "algorithm");
        return change((k, events) -> rotate(k, algorithm, events));
    }

    private Edit<Integer> rotate(Keyset k, AeadAlgorithm algorithm, List<AuditEvent> events) {
        KeyEntry e = newKey(k, algorithm, clock);
        List<KeyEntry> entries = k.list();
        entries.add(e);
        events.add(event(AuditAction.KEY_CREATED, e.id, algorithm.toString()));
        events.add(event(AuditAction.KEY_ROTATED, e.id, "primary " + KeyEntry.name(e.id) + " replaces " + KeyEntry.name(k.primary.id)));
        return new Edit<>(new Keyset(entries, e.id, k.version + 1), e.id);
    }

    /**
     * Adds a new enabled key that is not primary yet: roll it out to every reader first (each
     * process reloads the ring), then {@link #promote} it (Tink's add, roll out, promote). Audited as
     * {@code KEY_CREATED}.
     *
     * @param algorithm the key's algorithm
     * @return the new key's id
     * @throws IOException when the ring's file cannot be read or written (the ring is unchanged)
     * @throws KeyRingStorageException when the file no longer loads with this ring's KEK, or holds
     *         an older version than seen (the ring is unchanged)
     */
    public int addKey(AeadAlgorithm algorithm) throws IOException, KeyRingStorageException {
        Objects.requireNonNull(algorithm, "algorithm");
        return change((k, events) -> {
            KeyEntry e = newKey(k, algorithm, clock);
            List<KeyEntry> entries = k.list();
            entries.add(e);
            events.add(event(AuditAction.KEY_CREATED, e.id, algorithm.toString()));
            return new Edit<>(new Keyset(entries, k.primary.id, k.version + 1), e.id);
        });
    }

    /**
     * Makes an enabled key the primary. Audited as {@code KEY_ROTATED}.
     *
     * @param keyId the key id
     * @throws IllegalArgumentException when the key is unknown or not enabled
     * @throws IOException when the ring's file cannot be read or written (the ring is unchanged)
     * @throws KeyRingStorageException when the file no longer loads with this ring's KEK, or holds
     *         an older version than seen (the ring is unchanged)
     */
    public void promote(int keyId) throws IOException, KeyRingStorageException {
        change((k, events) -> {
            KeyEntry e = require(k, keyId);
            if (e.status != KeyStatus.ENABLED) {
                throw new IllegalArgumentException("key " + KeyEntry.name(keyId) + " is " + e.status + "; only an enabled key can be primary");
            }
            events.add(event(AuditAction.KEY_ROTATED, keyId, "primary " + KeyEntry.name(keyId) + " replaces " + KeyEntry.name(k.primary.id)));
            return new Edit<>(new Keyset(k.list(), keyId, k.version + 1), null);
        });
    }

    /**
     * Disables a key: ciphertexts under it no longer decrypt until it is enabled again. Use it to
     * check that nothing still needs a key before destroying it. Other processes stop using it when
     * they next load the ring. Audited as {@code KEY_DISABLED}.
     *
     * @param keyId the key id
     * @throws IllegalArgumentException when the key is unknown, destroyed or the primary
     * @throws IOException when the ring's file cannot be read or written (the ring is unchanged)
     * @throws KeyRingStorageException when the file no longer loads with this ring's KEK, or holds
     *         an older version than seen (the ring is unchanged)
     */
    public void disable(int keyId) throws IOException, KeyRingStorageException {
        changeStatus(keyId, KeyStatus.DISABLED, AuditAction.KEY_DISABLED);
    }

    /**
     * Enables a disabled key again. Audited as {@code KEY_ENABLED}.
     *
     * @param keyId the key id
     * @throws IllegalArgumentException when the key is unknown or destroyed
     * @throws IOException when the ring's file cannot be read or written (the ring is unchanged)
     * @throws KeyRingStorageException when the file no longer loads with this ring's KEK, or holds
     *         an older version than seen (the ring is unchanged)
     */
    public void enable(int keyId) throws IOException, KeyRingStorageException {
        changeStatus(keyId, KeyStatus.ENABLED, AuditAction.KEY_ENABLED);
    }

    /**
     * Destroys a key for good: the file no longer holds it, its material and every key derived from
     * it are zeroed in this process (in others when they next load the ring), and every ciphertext
     * under it becomes unreadable: re-encrypt first (see {@link FieldEncryptor#reencrypt(Object)}).
     * Audited as {@code KEY_DESTROYED}. Copies of the file made before (backups) still hold the key.
     *
     * @param keyId the key id
     * @throws IllegalArgumentException when the key is unknown or the primary
     * @throws IOException when the ring's file cannot be read or written (the ring is unchanged)
     * @throws KeyRingStorageException when the file no longer loads with this ring's KEK, or holds
     *         an older version than seen (the ring is unchanged)
     */
    public void destroy(int keyId) throws IOException, KeyRingStorageException {
        changeStatus(keyId, KeyStatus.DESTROYED, AuditAction.KEY_DESTROYED);
    }

    private void changeStatus(int keyId, KeyStatus status, AuditAction action) throws IOException, KeyRingStorageException {
        change((k, events) -> {
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
            events.add(event(action, keyId, status.name().toLowerCase(Locale.ROOT)));
            return new Edit<>(new Keyset(entries, k.primary.id, k.version + 1), null);
        });
    }

    /** A change's next snapshot and result. */
    private record Edit<T>(Keyset next, T result) {
    }

    /** Computes a change from the ring as it is (in memory, or in its file right now). */
    private interface Change<T> {
        Edit<T> apply(Keyset current, List<AuditEvent> events);
    }

    /**
     * Applies a change: to the snapshot for a ring in memory; for a ring in a file, to the file's
     * current content under its lock, written durably before it becomes the snapshot. Audit events
     * are recorded only once the change holds.
     */
    private <T> T change(Change<T> change) throws IOException, KeyRingStorageException {
        if (kind == Kind.COPY) {
            throw new IllegalStateException("this key ring is a read-only copy of a key-ring file; open the file with"
                    + " KeyRing.open(path, kek) to change it");
        }
        changes.lock();
        try {
            Keyset before = keyset;
            List<AuditEvent> events = new ArrayList<>();
            Object[] result = new Object[1];
            Keyset next;
            if (kind == Kind.FILE) {
                next = file.change(current -> {
                    try {
                        Edit<T> edit = change.apply(sameMaterial(current, before), events);
                        result[0] = edit.result();
                        return edit.next();
                    } catch (RuntimeException e) {
                        wipeUnshared(current, before);
                        throw e;
                    }
                });
            } else {
                Edit<T> edit = change.apply(before, events);
                result[0] = edit.result();
                next = edit.next();
            }
            install(before, next);
            events.forEach(audit::record);
            @SuppressWarnings("unchecked")
            T out = (T) result[0];
            return out;
        } finally {
            changes.unlock();
        }
    }

    /**
     * Reads the ring's file again and makes it the snapshot when it holds a newer version (another
     * process changed it). Keys destroyed there are wiped here. A ring in memory, or a copy, has no
     * file: nothing happens. Audited as {@code KEY_RING_LOADED} when the ring changed.
     *
     * @return {@code true} when the ring changed
     * @throws IOException when the file cannot be read (the ring is unchanged)
     * @throws KeyRingStorageException when the file does not load with this ring's KEK, or holds an
     *         older version than seen (the ring is unchanged)
     */
    public boolean reload() throws IOException, KeyRingStorageException {
        if (kind != Kind.FILE) {
            return false;
        }
        changes.lock();
        try {
            return reloadLocked();
        } finally {
            changes.unlock();
        }
    }

    /**
     * Reloads when the file changed since this ring last read or wrote it: what an encryptor does
     * once when a ciphertext or a subject key names a key this ring does not hold enabled. A cheap
     * {@code stat} when nothing changed, so hostile ciphertexts cannot make it read the file.
     *
     * @return {@code true} when the ring changed
     */
    boolean refreshForMissingKey() throws IOException, KeyRingStorageException {
        if (kind != Kind.FILE) {
            return false;
        }
        changes.lock();
        try {
            return file.changedSince() && reloadLocked();
        } finally {
            changes.unlock();
        }
    }

    private void refreshQuietly() {
        if (!changes.tryLock()) {
            return;
        }
        try {
            nextRefresh = System.nanoTime() + refreshNanos;
            if (file.changedSince()) {
                reloadLocked();
            }
        } catch (IOException | KeyRingStorageException e) {
            // the next explicit reload, unknown key or refresh reports or retries; the ring stays usable
        } finally {
            changes.unlock();
        }
    }

    private boolean reloadLocked() throws IOException, KeyRingStorageException {
        Keyset before = keyset;
        Keyset fresh = file.read();
        if (fresh.version <= before.version) {
            wipeUnshared(fresh, before);
            return false;
        }
        Keyset next = sameMaterial(fresh, before);
        install(before, next);
        audit.record(AuditEvent.builder(AuditAction.KEY_RING_LOADED).time(clock.instant())
                .detail("reloaded version " + next.version + ": " + next.entries.length + " keys, primary "
                        + KeyEntry.name(next.primary.id)).build());
        return true;
    }

    /** Makes {@code next} the snapshot and wipes the material of keys it no longer holds. */
    private void install(Keyset before, Keyset next) {
        keyset = next;
        for (KeyEntry old : before.entries) {
            KeyEntry now = next.find(old.id);
            if (old.hasMaterial() && (now == null || now.material() != old.material())) {
                old.material().wipe();
            }
        }
    }

    /**
     * The keys of {@code fresh} (just read from the file) with the material objects of {@code held}
     * where the bytes are equal, so derived keys stay cached across reloads and a key lives in one
     * copy; the duplicates are wiped.
     */
    private static Keyset sameMaterial(Keyset fresh, Keyset held) {
        List<KeyEntry> entries = new ArrayList<>(fresh.entries.length);
        boolean changed = false;
        for (KeyEntry e : fresh.entries) {
            KeyEntry h = held.find(e.id);
            if (e.hasMaterial() && h != null && h.hasMaterial() && e.material() != h.material()
                    && e.material().sameAs(h.material())) {
                e.material().wipe();
                entries.add(e.withMaterial(h.material()));
                changed = true;
            } else {
                entries.add(e);
            }
        }
        return changed ? new Keyset(entries, fresh.primary.id, fresh.version) : fresh;
    }

    /** Wipes the material copies of a keyset read but not installed. */
    private static void wipeUnshared(Keyset unused, Keyset held) {
        for (KeyEntry e : unused.entries) {
            KeyEntry h = held.find(e.id);
            if (e.hasMaterial() && (h == null || h.material() != e.material())) {
                e.material().wipe();
            }
        }
    }

    /**
     * Returns the ring wrapped by a key-encryption key, in the key-ring file format: an export (a
     * backup, a transfer to a KMS), not a way to store the ring. {@link Builder#load(byte[],
     * KeyEncryptionKey)} reads it back as a read-only copy.
     *
     * @param kek the key-encryption key
     * @return the file bytes
     * @throws GeneralSecurityException when the KEK fails to wrap
     */
    public byte[] toWrappedBytes(KeyEncryptionKey kek) throws GeneralSecurityException {
        return KeyRingCodec.write(snapshot(), kek);
    }

    /**
     * Returns an {@link Aead} over this ring for one context: it encrypts under the primary key,
     * decrypts under any enabled key, and prefixes each ciphertext with an authenticated header
     * (version, algorithm, key id) as the field ciphertext format does. Its keys are derived for
     * this purpose only: they are not the keys a {@link FieldEncryptor} uses for a field of the
     * same name.
     *
     * @param context the name the derived keys are bound to, such as {@code "orders.note"}
     * @return the AEAD
     */
    public Aead aead(String context) {
        return new RingPrimitives(this, context).aead();
    }

    /**
     * Returns a {@link DeterministicAead} (AES-SIV) over this ring for one context, with the same
     * authenticated header; its keys are its own, not a {@link FieldEncryptor}'s.
     *
     * @param context the name the derived keys are bound to
     * @return the deterministic AEAD
     */
    public DeterministicAead deterministicAead(String context) {
        return new RingPrimitives(this, context).deterministicAead();
    }

    /**
     * Returns an HMAC-SHA256 {@link Mac} over this ring for one context: full 32-byte tags made
     * under the primary key, carrying its id in a 5-byte prefix; verification accepts any enabled
     * key and only full-length tags. Its keys are its own, not a {@link BlindIndex}'s.
     *
     * @param context the name the derived keys are bound to
     * @return the MAC
     */
    public Mac mac(String context) {
        return new RingPrimitives(this, context).mac();
    }

    /**
     * Returns FF1 under this ring's primary key for one context. A format-preserving value cannot
     * carry a key id, so values encrypted before a rotation need their old key. Its keys are its
     * own, not a {@link FieldEncryptor}'s.
     *
     * @param context the name the derived key and the tweak are bound to
     * @param alphabet the alphabet of values
     * @return the cipher
     */
    public FormatPreservingCipher formatPreserving(String context, Alphabet alphabet) {
        return new RingPrimitives(this, context).formatPreserving(alphabet);
    }

    private AuditEvent event(AuditAction action, int keyId, String detail) {
        return AuditEvent.builder(action).time(clock.instant()).detail(KeyEntry.name(keyId) + ": " + detail).build();
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
        return new KeyEntry(id, algorithm, KeyStatus.ENABLED, clock.instant().truncatedTo(ChronoUnit.SECONDS), new KeyMaterial(material));
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

    /** Builds a {@link KeyRing} with a chosen audit sink, clock, refresh interval and rollback policy. */
    public static final class Builder {
        private AuditSink audit = AuditSink.slf4j();
        private Clock clock = Clock.systemUTC();
        private AeadAlgorithm algorithm = AeadAlgorithm.AES_256_GCM;
        private Duration refreshInterval = DEFAULT_REFRESH_INTERVAL;
        private boolean allowRollback;
        private FileOps ops = FileOps.DEFAULT;

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
         * Sets the algorithm of the first key of a new ring; the default is AES-256-GCM.
         *
         * @param algorithm the algorithm
         * @return this builder
         */
        public Builder algorithm(AeadAlgorithm algorithm) {
            this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        /**
         * Sets how long a ring opened from a file goes, at most, before it checks on use whether
         * another process changed the file (one {@code stat}; a reload when it changed). The default
         * is {@link #DEFAULT_REFRESH_INTERVAL}; {@link Duration#ZERO} turns the check off, leaving
         * {@link KeyRing#reload()} and the reload on an unknown key id. After promoting a key, wait
         * this long before disabling the old primary, so no process still encrypts under it.
         *
         * @param interval the interval, zero or positive
         * @return this builder
         */
        public Builder refreshInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("the refresh interval must not be negative, was " + interval);
            }
            this.refreshInterval = interval;
            return this;
        }

        /**
         * Accepts, when the ring is opened, a file older than the version witness beside it (a
         * backup deliberately restored). The ring is written again at once under a version above any
         * seen, so the acceptance is durable and audited ({@code KEY_RING_LOADED}); keys created
         * after the restored copy are lost, with every ciphertext under them.
         *
         * @return this builder
         */
        public Builder allowRollback() {
            this.allowRollback = true;
            return this;
        }

        /** The file-system seam, for tests that record and check every forced write. */
        Builder fileOps(FileOps ops) {
            this.ops = Objects.requireNonNull(ops, "ops");
            return this;
        }

        /**
         * Generates a ring in memory with one new primary key (for tests: it dies with the process).
         * Audited as {@code KEY_CREATED}.
         *
         * @return the key ring
         */
        public KeyRing generate() {
            KeyEntry first = newKey(null, algorithm, clock);
            KeyRing ring = new KeyRing(new Keyset(List.of(first), first.id, 1), Kind.IN_MEMORY, null, this);
            audit.record(ring.event(AuditAction.KEY_CREATED, first.id, algorithm + ", primary"));
            return ring;
        }

        /**
         * Builds a ring in memory whose one primary key is existing key material instead of a new
         * random key: to adopt a key that another system already holds (a KMS-generated data key),
         * or to give tests reproducible ciphertexts (privacy-test's {@code TestKeyRings}). The
         * material must come from a cryptographically secure source and be kept like any key.
         * Audited as {@code KEY_CREATED}.
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
                    clock.instant().truncatedTo(ChronoUnit.SECONDS), new KeyMaterial(material.clone()));
            KeyRing ring = new KeyRing(new Keyset(List.of(first), first.id, 1), Kind.IN_MEMORY, null, this);
            audit.record(ring.event(AuditAction.KEY_CREATED, first.id, algorithm + ", primary, imported"));
            return ring;
        }

        /**
         * Opens the ring stored in a file (see {@link KeyRing#open}). Removes temporary files a
         * crash left, refuses a file older than its version witness unless {@link #allowRollback()}.
         * Audited as {@code KEY_RING_LOADED}.
         *
         * @param file the key-ring file
         * @param kek the key-encryption key it was created with
         * @return the key ring
         * @throws IOException when the file is missing or cannot be read
         * @throws KeyRingStorageException when the KEK is wrong, the file is corrupted or truncated,
         *         or it is a rollback
         */
        public KeyRing open(Path file, KeyEncryptionKey kek) throws IOException, KeyRingStorageException {
            KeyRingFile stored = KeyRingFile.of(file, kek, ops);
            KeyRingFile.Opened opened = stored.open(allowRollback);
            KeyRing ring = new KeyRing(opened.keyset(), Kind.FILE, stored, this);
            Keyset k = opened.keyset();
            audit.record(AuditEvent.builder(AuditAction.KEY_RING_LOADED).time(clock.instant())
                    .detail(k.entries.length + " keys, primary " + KeyEntry.name(k.primary.id) + ", version " + k.version
                            + (opened.rolledBackFrom() >= 0 ? ", rollback from version " + opened.rolledBackFrom() + " accepted" : ""))
                    .build());
            return ring;
        }

        /**
         * Creates a key-ring file with one new primary key, durably, and opens it (see
         * {@link KeyRing#create}). Audited as {@code KEY_CREATED}.
         *
         * @param file the file to create; it must not exist
         * @param kek the key-encryption key that wraps it
         * @return the key ring
         * @throws IOException when the file exists or cannot be written
         * @throws KeyRingStorageException when the KEK fails to wrap the ring
         */
        public KeyRing create(Path file, KeyEncryptionKey kek) throws IOException, KeyRingStorageException {
            KeyRingFile stored = KeyRingFile.of(file, kek, ops);
            KeyEntry first = newKey(null, algorithm, clock);
            Keyset written = stored.create(new Keyset(List.of(first), first.id, 1));
            KeyRing ring = new KeyRing(written, Kind.FILE, stored, this);
            audit.record(ring.event(AuditAction.KEY_CREATED, first.id, algorithm + ", primary, in " + stored.path().getFileName()));
            return ring;
        }

        /**
         * Loads a read-only copy of a ring from the bytes of a key-ring file (a secret handed over
         * by a platform, an export): it encrypts and decrypts, but cannot change. Audited as
         * {@code KEY_RING_LOADED}.
         *
         * @param bytes the file content
         * @param kek the key-encryption key it was written with
         * @return the key ring
         * @throws KeyRingStorageException when the KEK is wrong or the content is corrupted or truncated
         */
        public KeyRing load(byte[] bytes, KeyEncryptionKey kek) throws KeyRingStorageException {
            Objects.requireNonNull(kek, "kek");
            Keyset keyset = KeyRingCodec.read(bytes, kek);
            KeyRing ring = new KeyRing(keyset, Kind.COPY, null, this);
            audit.record(AuditEvent.builder(AuditAction.KEY_RING_LOADED).time(clock.instant())
                    .detail(keyset.entries.length + " keys, primary " + KeyEntry.name(keyset.primary.id) + ", version "
                            + keyset.version + ", read-only copy").build());
            return ring;
        }
    }
}
