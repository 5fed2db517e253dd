package org.privacykit.crypto;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the per-subject data keys of crypto-shredding live, each wrapped by the key ring (the store
 * never sees a clear key). Forgetting a subject deletes its key and leaves a tombstone, so the
 * subject's ciphertexts become unreadable everywhere, backups of the data included, and no new key
 * is ever made for it. Built in: {@link #inMemory()} and {@link #directory(Path)}; a database table
 * plugs in by implementing this interface (a primary key on the subject id gives
 * {@link #putIfAbsent} its atomicity).
 *
 * <p>{@link #erasureGeneration()} is how erasure takes effect at once: every {@link FieldEncryptor}
 * reads it on each use of a cached subject key and drops its cache when it changed, so no encryptor
 * keeps using a key after {@link #forget} returns. Implementations are thread-safe; I/O failures are
 * thrown as {@link java.io.UncheckedIOException}.
 */
public interface SubjectKeyStore {

    /**
     * Returns a subject's wrapped key record.
     *
     * @param subjectId the subject id
     * @return the record, or {@code null} when the subject has no key (never had one, or was forgotten)
     */
    byte[] find(String subjectId);

    /**
     * Stores a subject's wrapped key record unless it already has one, atomically.
     *
     * @param subjectId the subject id
     * @param record the wrapped key record
     * @return the record now stored (the existing one when another writer came first), or
     *         {@code null} when the subject was forgotten
     */
    byte[] putIfAbsent(String subjectId, byte[] record);

    /**
     * Replaces a subject's key record when it still equals {@code expected}; used to re-wrap a data
     * key under the key ring's new primary after a rotation (the data key itself does not change).
     * Must not bring back the key of a subject forgotten meanwhile.
     *
     * @param subjectId the subject id
     * @param expected the record read before
     * @param record the new record
     * @return {@code true} when replaced
     */
    boolean replace(String subjectId, byte[] expected, byte[] record);

    /**
     * Forgets a subject: deletes its key record and leaves a tombstone, so {@link #putIfAbsent}
     * refuses it from now on, and changes the {@link #erasureGeneration()}.
     *
     * @param subjectId the subject id
     * @return {@code true} when a key was deleted
     */
    boolean forget(String subjectId);

    /**
     * Tells whether a subject was forgotten.
     *
     * @param subjectId the subject id
     * @return {@code true} once {@link #forget} ran for it
     */
    boolean isForgotten(String subjectId);

    /**
     * Returns a number that changes whenever a subject is forgotten, here or, for stores shared
     * between processes, elsewhere. Encryptors compare it on each use of a cached subject key.
     *
     * @return the erasure generation
     */
    long erasureGeneration();

    /**
     * Tells whether the store keeps its keys across restarts. A {@link FieldEncryptor} refuses to
     * pair a durable store with a key ring that lives in memory only (its subject keys would be
     * wrapped by ring keys lost at exit). Stores are durable unless they say otherwise.
     *
     * @return {@code true} unless the store lives in memory
     */
    default boolean isDurable() {
        return true;
    }

    /**
     * Returns a store in memory, for tests and single-process applications whose data dies with the
     * process.
     *
     * @return the store
     */
    static SubjectKeyStore inMemory() {
        return new InMemorySubjectKeyStore();
    }

    /**
     * Returns a store in a directory: one file per subject under {@code keys/}, one tombstone per
     * forgotten subject under {@code erased/}, named by a salted SHA-256 of the subject id (so file
     * names do not show subject ids), owner-only. Every write is forced to disk (file, then
     * directory) before the call returns, and opening the store completes or removes what a crash
     * left. Several processes may share the directory: they lock each other out per subject, and a
     * forget in one changes the modification time of {@code erased/}, which the others read as their
     * erasure generation on every use of a cached key.
     *
     * @param directory the directory, created when missing
     * @return the store
     * @throws IOException when the directory cannot be created or read
     */
    static SubjectKeyStore directory(Path directory) throws IOException {
        return new DirectorySubjectKeyStore(directory);
    }
}
