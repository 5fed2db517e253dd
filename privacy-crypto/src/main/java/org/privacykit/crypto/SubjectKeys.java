package org.privacykit.crypto;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-subject data keys of one {@link FieldEncryptor}: created on first encryption, wrapped by
 * the key ring, kept in a {@link SubjectKeyStore}, cached unwrapped. A cached entry is valid only
 * while the store's erasure generation is the one read before the entry was loaded, so a forget
 * anywhere invalidates every cache on its next use (no cache delay).
 *
 * <p>Record layout (70 bytes): version 1 (1) | subject key id (4) | algorithm (1) | ring key id (4)
 * | AES-GCM(nonce 12 | wrapped key 32 | tag 16) with associated data = the first 10 bytes || subject id.
 */
final class SubjectKeys {
    static final String WRAP_CONTEXT = "privacykit:subject-keys";
    private static final int RECORD_HEADER = 10;
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
        int wrappedBy;

        Entry(long generation, boolean forgotten, int keyId, AeadAlgorithm algorithm, AeadEngine aead) {
            this(generation, forgotten, keyId, algorithm, aead, true);
        }

        Entry(long generation, boolean forgotten, int keyId, AeadAlgorithm algorithm, AeadEngine aead, boolean loaded) {
            this.loaded = loaded;
            this.generation = generation;
            this.forgotten = forgotten;
            this.keyId = keyId;
            this.algorithm = algorithm;
            this.aead = aead;
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
                && (e.aead == null || e.wrappedBy == keys.keyset().primary.id)) {
            return e;
        }
        e = load(subjectId, generation, create);
        cache.put(subjectId, e);
        return e;
    }

    /** Whether the subject was forgotten, without unwrapping its key. */
    boolean isForgotten(String subjectId) {
        long generation = store.erasureGeneration();
        Entry e = cache.get(subjectId);
        if (e != null && e.generation == generation) {
            return e.forgotten;
        }
        boolean forgotten = store.isForgotten(subjectId);
        cache.putIfAbsent(subjectId, new Entry(generation, forgotten, 0, null, null, false));
        return forgotten;
    }

    void evict(String subjectId) {
        cache.remove(subjectId);
    }

    private Entry load(String subjectId, long generation, boolean create) throws GeneralSecurityException {
        if (store.isForgotten(subjectId)) {
            return new Entry(generation, true, 0, null, null);
        }
        byte[] record = store.find(subjectId);
        if (record == null && create) {
            record = store.putIfAbsent(subjectId, newRecord(subjectId));
            if (record == null) {
                return new Entry(generation, true, 0, null, null);
            }
        }
        if (record == null) {
            return new Entry(generation, false, 0, null, null);
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
        byte[] header = ByteBuffer.allocate(RECORD_HEADER).put((byte) 1).putInt(id).put((byte) algorithm.code())
                .putInt(wrapping.id).array();
        byte[] sealed = keys.context(WRAP_CONTEXT).engines(wrapping).aead().encrypt(dataKey, ad(header, subjectId));
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
        if (record.length != RECORD_HEADER + 32 + AeadEngine.OVERHEAD || record[0] != 1) {
            throw new GeneralSecurityException("the subject key record is corrupted");
        }
        ByteBuffer in = ByteBuffer.wrap(record);
        in.get();
        int id = in.getInt();
        AeadAlgorithm algorithm = AeadAlgorithm.ofCode(in.get());
        int ringKeyId = in.getInt();
        KeyEntry wrapping = keys.keyset().find(ringKeyId);
        if (algorithm == null || wrapping == null || wrapping.status != KeyStatus.ENABLED) {
            throw new UnavailableException("the subject key is wrapped by key " + KeyEntry.name(ringKeyId)
                    + ", which this key ring does not hold enabled");
        }
        byte[] dataKey = keys.context(WRAP_CONTEXT).engines(wrapping).aead()
                .decrypt(Arrays.copyOfRange(record, RECORD_HEADER, record.length), ad(Arrays.copyOf(record, RECORD_HEADER), subjectId));
        try {
            KeyEntry primary = keys.keyset().primary;
            int wrappedBy = ringKeyId;
            if (wrapping != primary && store.replace(subjectId, record, wrap(subjectId, id, algorithm, dataKey, primary))) {
                // the ring rotated since this key was wrapped: now under the new primary, so the old
                // ring key can later be disabled and destroyed without losing the subject
                wrappedBy = primary.id;
            }
            Entry entry = new Entry(generation, false, id, algorithm, algorithm.engine(dataKey));
            entry.wrappedBy = wrappedBy;
            return entry;
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private static byte[] ad(byte[] header, String subjectId) {
        byte[] subject = subjectId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(header.length + subject.length).put(header).put(subject).array();
    }

    /** Runs a store call, turning its I/O failures into a checked failure the caller can name. */
    static GeneralSecurityException storeFailure(UncheckedIOException e) {
        return new GeneralSecurityException("the subject key store failed (" + e.getCause().getClass().getSimpleName() + ")", e);
    }
}
