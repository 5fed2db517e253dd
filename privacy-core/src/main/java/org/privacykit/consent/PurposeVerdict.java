package org.privacykit.consent;

/** What {@link PurposeCheck} decided about processing one field of one subject for one purpose, and why. */
public enum PurposeVerdict {
    /** Allowed: the field declares the purpose, and the subject consented to it and has not withdrawn. */
    ALLOWED_BY_CONSENT(true, "the subject consented to the purpose"),
    /** Allowed: the field declares the purpose and a legal basis other than consent that holds. */
    ALLOWED_BY_DECLARED_BASIS(true, "the field declares a legal basis other than consent"),
    /** Refused: the field does not declare the purpose. */
    PURPOSE_NOT_DECLARED(false, "the field does not declare the purpose"),
    /** Refused: the data subject of the value is not known, so no legal basis can be checked. */
    SUBJECT_UNKNOWN(false, "the value's data subject is unknown (no @SubjectId around it)"),
    /** Refused: processing of the subject's data is restricted (GDPR Art. 18). */
    RESTRICTED(false, "processing of the subject's data is restricted"),
    /** Refused: the subject objected to the purpose (GDPR Art. 21). */
    OBJECTED(false, "the subject objected to the purpose"),
    /** Refused: the basis is consent and the subject withdrew it (GDPR Art. 7(3)). */
    CONSENT_WITHDRAWN(false, "the subject withdrew consent to the purpose"),
    /** Refused: the basis is consent (declared, or no basis declared) and the subject never gave it. */
    NO_CONSENT(false, "the basis is consent and the subject has not consented to the purpose");

    private final boolean allowed;
    private final String reason;

    PurposeVerdict(boolean allowed, String reason) {
        this.allowed = allowed;
        this.reason = reason;
    }

    /**
     * Tells whether the processing may go ahead.
     *
     * @return {@code true} for the two ALLOWED verdicts
     */
    public boolean allowed() {
        return allowed;
    }

    /**
     * Says why, in words that name no value.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }
}
