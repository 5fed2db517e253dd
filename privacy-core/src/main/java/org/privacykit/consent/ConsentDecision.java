package org.privacykit.consent;

/** What a data subject decided about a purpose, as a {@link ConsentRecord} stores it. */
public enum ConsentDecision {
    /** Consent given (GDPR Art. 6(1)(a), Art. 7); also withdraws an earlier objection to the purpose. */
    GRANTED,
    /** Consent withdrawn (Art. 7(3)): processing that relies on consent stops from the next call. */
    WITHDRAWN,
    /**
     * Objection to processing (Art. 21): processing on legitimate interests or a public task stops,
     * and so does processing on consent until the subject consents again.
     */
    OBJECTED,
    /**
     * Restriction of processing (Art. 18), for every purpose ({@link ConsentRecord#ALL_PURPOSES}):
     * the data is only stored, no purpose may process it.
     */
    RESTRICTED,
    /** The restriction of processing is lifted ({@link ConsentRecord#ALL_PURPOSES}). */
    RESTRICTION_LIFTED;

    /**
     * Tells whether this decision applies to every purpose at once.
     *
     * @return {@code true} for {@link #RESTRICTED} and {@link #RESTRICTION_LIFTED}
     */
    public boolean isRestriction() {
        return this == RESTRICTED || this == RESTRICTION_LIFTED;
    }
}
