package org.privacykit.consent;

/**
 * Processing a field for a purpose was refused by {@link PurposeCheck}: the field does not declare
 * the purpose, or the subject's legal basis for it does not hold. The message names the field, the
 * processing, the purpose and the reason, never a value or the subject.
 */
public final class PurposeRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final Processing processing;
    private final String purpose;
    private final PurposeVerdict verdict;

    PurposeRefusedException(String field, Processing processing, String purpose, PurposeVerdict verdict) {
        super(field + ": " + processing + " for purpose '" + purpose + "' refused: " + verdict.reason());
        this.field = field;
        this.processing = processing;
        this.purpose = purpose;
        this.verdict = verdict;
    }

    /**
     * Returns the field, as {@code Class.property}.
     *
     * @return the field
     */
    public String field() {
        return field;
    }

    /**
     * Returns what was refused.
     *
     * @return the processing
     */
    public Processing processing() {
        return processing;
    }

    /**
     * Returns the purpose asked for, normalized.
     *
     * @return the purpose
     */
    public String purpose() {
        return purpose;
    }

    /**
     * Returns why it was refused.
     *
     * @return a verdict that is not allowed
     */
    public PurposeVerdict verdict() {
        return verdict;
    }
}
