package org.privacykit.consent;

import java.util.List;
import java.util.Optional;

/**
 * Where a data subject stands, from their decisions in the order they were recorded: the latest
 * decision about a purpose wins, a decision about {@link ConsentRecord#ALL_PURPOSES} included.
 * Immutable.
 */
public final class ConsentState {
    private final List<ConsentRecord> history;

    private ConsentState(List<ConsentRecord> history) {
        this.history = history;
    }

    /**
     * Reads a subject's state from their history.
     *
     * @param history the subject's records, oldest first
     * @return the state
     */
    public static ConsentState of(List<ConsentRecord> history) {
        return new ConsentState(List.copyOf(history));
    }

    /**
     * Returns the latest decision that applies to a purpose, restrictions left aside.
     *
     * @param purpose the purpose; compared without regard to case
     * @return the record, or empty when the subject never decided about it
     */
    public Optional<ConsentRecord> latest(String purpose) {
        String p = ConsentRecord.normalizePurpose(purpose);
        for (int i = history.size() - 1; i >= 0; i--) {
            ConsentRecord r = history.get(i);
            if (!r.decision().isRestriction() && r.appliesTo(p)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * Tells whether the subject consented to a purpose and has neither withdrawn nor objected since.
     *
     * @param purpose the purpose
     * @return {@code true} when consent holds
     */
    public boolean consented(String purpose) {
        return latest(purpose).map(r -> r.decision() == ConsentDecision.GRANTED).orElse(false);
    }

    /**
     * Tells whether the subject's latest decision about a purpose is an objection.
     *
     * @param purpose the purpose
     * @return {@code true} when the subject objects
     */
    public boolean objected(String purpose) {
        return latest(purpose).map(r -> r.decision() == ConsentDecision.OBJECTED).orElse(false);
    }

    /**
     * Tells whether processing is restricted: the latest restriction record restricts.
     *
     * @return {@code true} while restricted
     */
    public boolean restricted() {
        for (int i = history.size() - 1; i >= 0; i--) {
            ConsentDecision d = history.get(i).decision();
            if (d.isRestriction()) {
                return d == ConsentDecision.RESTRICTED;
            }
        }
        return false;
    }

    /**
     * Returns the records the state was read from.
     *
     * @return an unmodifiable list, oldest first
     */
    public List<ConsentRecord> history() {
        return history;
    }

    @Override
    public String toString() {
        return "ConsentState[" + history.size() + " records" + (restricted() ? ", restricted" : "") + "]";
    }
}
