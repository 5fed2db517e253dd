package org.privacykit.anonymize;

/** Which values share a pseudonym under {@link org.privacykit.annotation.Operator#PSEUDONYMIZE}. */
public enum PseudonymScope {
    /**
     * One domain per field ({@code Customer.email}, or the {@code context} of the field's
     * {@code @Encrypted}, which survives renaming the field): the same value in two fields gives
     * unlinkable pseudonyms (ENISA's per-domain keys). The default.
     */
    FIELD,
    /**
     * One domain per personal data type ({@code EMAIL}): the same e-mail address gives the same
     * pseudonym in every class, so anonymized tables can still be joined on it.
     */
    TYPE
}
