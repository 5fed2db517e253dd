package org.privacykit.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

import org.privacykit.crypto.FieldKeys.Purpose;

/**
 * The per-subject data keys of one {@link FieldEncryptor}: created on first encryption, wrapped by
 * the key ring, kept in a {@link SubjectKeyStore}, cached unwrapped. A cached entry is valid only
 * while the store's erasure generation is the one read before the entry was loaded, so a forget
 * anywhere invalidates every cache on its next use (no cache delay).
 *
 * <p>Record layout (70 bytes): version 2 (1) | subject key id (4) | algorithm (1) | ring key id (4)
 * | AES-GCM(nonce 12 | wrapped key 32 | tag 16) under the ring key's subject-wrapping key, with
 * associated data = the first 10 bytes || subject id.
 */
final class SubjectKeys {
    static final String WRAP_CONTEXT = "privacykit:subject-keys";
    static final int RECORD_VERSION = 2;
    private static final int RECORD_HEADER = 10;
    private static final int RECORD_LENGTH = RECORD_HEADER + 32 + AeadEngine.OVERHEAD;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DerivedKeys keys;
    private final SubjectKeyStore store;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    /** A subject's state as of an erasure generation: forgotten, without key, or with its key. */
    static final class Entry {
        final long generation;
        final boolean forgotten;
        final int keyId;
        final AeadAlgorithm algorithm;
        final AeadEngine aead;
        final boolean loaded;
        /** The ring key that wraps the stored record, and the ring version this was decided at. */
        final int wrappedBy;
        final long ringVersion;

        private Entry(long generation, boolean forgotten, int keyId, AeadAlgorithm algorithm, AeadEngine aead,
                      boolean loaded, int wrappedBy, long ringVersion) {
            this.loaded = loaded;
            this.generation = generation;
            this.forgotten = forgotten;
            this.keyId = keyId;
            this.algorithm = algorithm;
            this.aead = aead;
            this.wrappedBy = wrappedBy;
            this.ringVersion = ringVersion;
        }

        static Entry forgotten(long generation) {
            return new Entry(generation, true, 0, null, null, true, 0, -1);
        }

        static Entry withoutKey(long generation) {
            return new Entry(generation, false, 0, null, null, true, 0, -1);
        }
    }

    SubjectKeys(DerivedKeys keys, SubjectKeyStore store) {
        this.keys = keys;
        this.store = store;
    }

    SubjectKeyStore store() {
        return store;
    }

    /** The subject's state with its key loaded; with {@code create}, makes a key when it has none. */
    Entry get(String subjectId, boolean create) throws GeneralSecurityException {
        long generation = store.erasureGeneration();
        Entry e = cache.get(subjectId);
        if (e != null && e.generation == generation && e.loaded && (e.aead != null || e.forgotten || !create)
                && (e.aead == null || isCurrent(e))) {
            return e;
        }
        e = load(subjectId, generation, create);
        cache.put(subjectId, e);
        return e;
    }

    /** A cached key needs no re-wrap: wrapped by the primary, or checked against this ring version. */
    private boolean isCurrent(Entry e) {
        Keyset k = keys.keyset();
        return e.wrappedBy == k.primary.id || e.ringVersion == k.version;
    }

    /** Whether the subject was forgotten, without unwrapping its key. */
    boolean isForgotten(String subjectId) {
        long generation = store.erasureGeneration();
        Entry e = cache.get(subjectId);
        if (e != null && e.generation == generation) {
            return e.forgotten;
        }
        boolean forgotten = store.isForgotten(subjectId);
        cache.putIfAbsent(subjectId, forgotten ? Entry.forgotten(generation)
                : new Entry(generation, false, 0, null, null, false, 0, -1));
        return forgotten;
    }

    void evict(String subjectId) {
        cache.remove(subjectId);
    }

    private Entry load(String subjectId, long generation, boolean create) throws GeneralSecurityException {
        if (store.isForgotten(subjectId)) {
            return Entry.forgotten(generation);
        }
        byte[] record = store.find(subjectId);
        if (record == null && create) {
            record = store.putIfAbsent(subjectId, newRecord(subjectId));
            if (record == null) {
                return Entry.forgotten(generation);
            }
        }
        if (record == null) {
            return Entry.withoutKey(generation);
        }
        return unwrap(subjectId, record, generation);
    }

    private byte[] newRecord(String subjectId) throws GeneralSecurityException {
        KeyEntry primary = keys.keyset().primary;
        byte[] dataKey = new byte[32];
        RANDOM.nextBytes(dataKey);
        try {
            return wrap(subjectId, RANDOM.nextInt(), primary.algorithm, dataKey, primary);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private byte[] wrap(String subjectId, int id, AeadAlgorithm algorithm, byte[] dataKey, KeyEntry wrapping) throws GeneralSecurityException {
        byte[] header = ByteBuffer.allocate(RECORD_HEADER).put((byte) RECORD_VERSION).putInt(id).put((byte) algorithm.code())
                .putInt(wrapping.id).array();
        byte[] sealed = keys.context(WRAP_CONTEXT).keys(wrapping).aead(Purpose.SUBJECT_WRAP).encrypt(dataKey, ad(header, subjectId));
        return ByteBuffer.allocate(RECORD_HEADER + sealed.length).put(header).put(sealed).array();
    }

    /** A subject's key is wrapped by a ring key this ring does not hold enabled. */
    static final class UnavailableException extends GeneralSecurityException {
        private static final long serialVersionUID = 1L;

        UnavailableException(String message) {
            super(message);
        }
    }

    private Entry unwrap(String subjectId, byte[] record, long generation) throws GeneralSecurityException {
        if (record.length != RECORD_LENGTH || record[0] != RECORD_VERSION) {
            throw new GeneralSecurityException("the subject key record is corrupted, or of another format version");
        }
        ByteBuffer in = ByteBuffer.wrap(record);
        in.get();
        int id = in.getInt();
        AeadAlgorithm algorithm = AeadAlgorithm.ofCode(in.get());
        int ringKeyId = in.getInt();
        if (algorithm == null) {
            throw new GeneralSecurityException("the subject key record is corrupted");
        }
        KeyEntry wrapping = wrappingKey(ringKeyId);
        byte[] dataKey = keys.context(WRAP_CONTEXT).keys(wrapping).aead(Purpose.SUBJECT_WRAP)
                .decrypt(Arrays.copyOfRange(record, RECORD_HEADER, record.length), ad(Arrays.copyOf(record, RECORD_HEADER), subjectId));
        try {
            Keyset ring = keys.keyset();
            KeyEntry primary = ring.primary;
            int wrappedBy = ringKeyId;
            // the ring rotated since this key was wrapped: wrap it under the new primary, so the old
            // ring key can later be disabled and destroyed without losing the subject. Never towards
            // an older key: a process that has not reloaded yet must not undo another's re-wrap.
            if (wrapping != primary && ring.isOlder(wrapping, primary)
                    && store.replace(subjectId, record, wrap(subjectId, id, algorithm, dataKey, primary))) {
                wrappedBy = primary.id;
            }
            return new Entry(generation, false, id, algorithm, algorithm.engine(dataKey), true, wrappedBy, ring.version);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** The enabled ring key that wraps a record; a key this ring does not hold enabled reloads the ring once. */
    private KeyEntry wrappingKey(int ringKeyId) throws GeneralSecurityException {
        KeyEntry wrapping = keys.keyset().find(ringKeyId);
        if (wrapping == null || wrapping.status != KeyStatus.ENABLED) {
            try {
                if (keys.ring().refreshForMissingKey()) {
                    wrapping = keys.keyset().find(ringKeyId);
                }
            } catch (IOException | KeyRingStorageException e) {
                throw new UnavailableException("the subject key is wrapped by key " + KeyEntry.name(ringKeyId)
                        + ", which this key ring does not hold enabled, and reloading the key ring failed ("
                        + (e instanceof KeyRingStorageException k ? k.reason().toString() : e.getClass().getSimpleName()) + ")");
            }
        }
        if (wrapping == null || wrapping.status != KeyStatus.ENABLED) {
            throw new UnavailableException("the subject key is wrapped by key " + KeyEntry.name(ringKeyId)
                    + ", which this key ring does not hold enabled");
        }
        return wrapping;
    }

    private static byte[] ad(byte[] header, String subjectId) {
        byte[] subject = subjectId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(header.length + subject.length).put(header).put(subject).array();
    }
}
