package org.privacykit.jpa;

import java.util.List;

/**
 * Where an {@link EncryptionJob} stands: counts so far and the last identifier committed. Passed to
 * the progress callback after each batch, and returned by {@link EncryptionJob#run} at the end. To
 * resume an interrupted job, start a new one {@link EncryptionJob.Builder#startAfter after}
 * {@link #lastId()}; running from the start again is also safe, only slower. Immutable.
 */
public final class JobProgress {
    private final String entity;
    private final long rowsScanned;
    private final long rowsUpdated;
    private final long valuesEncrypted;
    private final long valuesReencrypted;
    private final long indexesUpdated;
    private final long valuesErased;
    private final long conflicts;
    private final long rowsFailed;
    private final List<Object> failedIds;
    private final List<String> failures;
    private final Object lastId;
    private final boolean finished;

    JobProgress(String entity, long rowsScanned, long rowsUpdated, long valuesEncrypted, long valuesReencrypted,
                long indexesUpdated, long valuesErased, long conflicts, long rowsFailed, List<Object> failedIds, List<String> failures,
                Object lastId, boolean finished) {
        this.entity = entity;
        this.rowsScanned = rowsScanned;
        this.rowsUpdated = rowsUpdated;
        this.valuesEncrypted = valuesEncrypted;
        this.valuesReencrypted = valuesReencrypted;
        this.indexesUpdated = indexesUpdated;
        this.valuesErased = valuesErased;
        this.conflicts = conflicts;
        this.rowsFailed = rowsFailed;
        this.failedIds = List.copyOf(failedIds);
        this.failures = List.copyOf(failures);
        this.lastId = lastId;
        this.finished = finished;
    }

    /**
     * Returns the entity the job works on.
     *
     * @return the entity name
     */
    public String entity() {
        return entity;
    }

    /**
     * Returns how many rows were read.
     *
     * @return the rows scanned
     */
    public long rowsScanned() {
        return rowsScanned;
    }

    /**
     * Returns how many rows were written.
     *
     * @return the rows updated
     */
    public long rowsUpdated() {
        return rowsUpdated;
    }

    /**
     * Returns how many clear values were encrypted (plaintext migration).
     *
     * @return the values encrypted
     */
    public long valuesEncrypted() {
        return valuesEncrypted;
    }

    /**
     * Returns how many ciphertexts were moved to the primary key.
     *
     * @return the values re-encrypted
     */
    public long valuesReencrypted() {
        return valuesReencrypted;
    }

    /**
     * Returns how many blind index values were (re)computed.
     *
     * @return the indexes updated
     */
    public long indexesUpdated() {
        return indexesUpdated;
    }

    /**
     * Returns how many values were left alone because their subject was forgotten.
     *
     * @return the erased values skipped
     */
    public long valuesErased() {
        return valuesErased;
    }

    /**
     * Returns how many rows changed between the job's read and its write, and were left for the
     * application's own write (which is under the primary key anyway) or a later run.
     *
     * @return the rows skipped on conflict
     */
    public long conflicts() {
        return conflicts;
    }

    /**
     * Returns how many rows could not be processed (a value that does not decrypt, or cannot be
     * encrypted); they were left unchanged.
     *
     * @return the rows that failed
     */
    public long rowsFailed() {
        return rowsFailed;
    }

    /**
     * Returns the identifiers of the rows that could not be processed, at most 100, in order.
     *
     * @return the identifiers
     */
    public List<Object> failedIds() {
        return failedIds;
    }

    /**
     * Returns why those rows failed, one entry each, in the same order: entity, attribute and
     * reason, never a value.
     *
     * @return the reasons
     */
    public List<String> failures() {
        return failures;
    }

    /**
     * Returns the identifier of the last row of the last committed batch: resume after it.
     *
     * @return the identifier, or {@code null} before the first batch
     */
    public Object lastId() {
        return lastId;
    }

    /**
     * Tells whether the job went through the whole table.
     *
     * @return {@code true} at the end
     */
    public boolean isFinished() {
        return finished;
    }

    /** Shows the counts; never identifiers or values. */
    @Override
    public String toString() {
        return "JobProgress[" + entity + ": " + rowsScanned + " rows scanned, " + rowsUpdated + " updated, "
                + valuesEncrypted + " values encrypted, " + valuesReencrypted + " re-encrypted, " + indexesUpdated
                + " indexes updated, " + valuesErased + " erased values skipped, " + conflicts + " conflicts, "
                + rowsFailed + " failed" + (finished ? ", finished" : "") + "]";
    }
}
