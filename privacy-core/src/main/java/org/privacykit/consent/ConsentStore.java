package org.privacykit.consent;

import java.util.List;

import javax.sql.DataSource;

/**
 * Keeps the consent decisions of data subjects: an append-only history per subject, from which
 * {@link PurposeCheck} reads whether a legal basis holds. Implementations are thread-safe, and a
 * recorded decision is seen by every later {@link #history} call (a withdrawal takes effect on the
 * next check, so implementations do not cache across calls).
 *
 * <pre>{@code
 * ConsentStore consents = JdbcConsentStore.builder(dataSource).build();   // or ConsentStore.inMemory()
 * consents.record(ConsentRecord.of("c-1001", "marketing", GRANTED, Instant.now(), "2026-11", "signup-form"));
 * }</pre>
 */
public interface ConsentStore {

    /**
     * Appends a decision to its subject's history.
     *
     * @param record the decision
     * @throws ConsentStoreException when the store cannot write it
     */
    void record(ConsentRecord record);

    /**
     * Returns a subject's decisions in the order they were recorded.
     *
     * @param subjectId the subject
     * @return the records, oldest first; empty when the subject never decided
     * @throws ConsentStoreException when the store cannot be read
     */
    List<ConsentRecord> history(String subjectId);

    /**
     * Returns where a subject stands now.
     *
     * @param subjectId the subject
     * @return the state read from the current history
     * @throws ConsentStoreException when the store cannot be read
     */
    default ConsentState state(String subjectId) {
        return ConsentState.of(history(subjectId));
    }

    /**
     * Returns a store that keeps decisions in memory, for tests and single-process tools: they are
     * lost when the process ends.
     *
     * @return a new, empty store
     */
    static ConsentStore inMemory() {
        return new InMemoryConsentStore();
    }

    /**
     * Returns a store in the table {@code privacykit_consent} of a database, created when missing;
     * {@link JdbcConsentStore#builder} chooses another table.
     *
     * @param dataSource the database
     * @return the store
     * @throws ConsentStoreException when the table cannot be created
     */
    static ConsentStore jdbc(DataSource dataSource) {
        return JdbcConsentStore.builder(dataSource).build();
    }
}
