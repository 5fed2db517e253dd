package org.privacykit.audit;

/** What happened to personal data or keys. */
public enum AuditAction {
    /** A protected field was shown in clear because a declared purpose allowed it. */
    REVEAL,
    /** A protected field was decrypted. */
    DECRYPT,
    /** A data subject's personal data was exported (GDPR Art. 15 access, Art. 20 portability). */
    EXPORT,
    /** A data subject's personal data was erased (GDPR Art. 17), by crypto-shredding or anonymization. */
    ERASE,
    /** A forgotten subject's field was read, and returned as erased. */
    ERASED_READ,
    /** Fields past their retention period were anonymized or dropped. */
    RETENTION_APPLIED,
    /** A key was generated or added to a key ring. */
    KEY_CREATED,
    /** A key ring was rotated: a new primary key. */
    KEY_ROTATED,
    /** A key was disabled: it no longer decrypts. */
    KEY_DISABLED,
    /** A disabled key was enabled again: it decrypts again. */
    KEY_ENABLED,
    /** A key was destroyed. */
    KEY_DESTROYED,
    /** A key ring was loaded from storage, or reloaded after another process changed it. */
    KEY_RING_LOADED,
    /** Data was re-encrypted under the primary key. */
    REENCRYPTED,
    /**
     * Processing of a field for a purpose was refused: the field does not declare the purpose, or the
     * subject's legal basis for it does not hold (no consent, consent withdrawn, objection, restriction).
     */
    PROCESSING_REFUSED,
    /** A data subject gave or withdrew consent, objected, or had processing restricted or the restriction lifted. */
    CONSENT_CHANGED,
    /** A step of a data subject's request: received, identity checked, deadline extended, completed. */
    SUBJECT_REQUEST,
    /** A data subject's personal data was corrected (GDPR Art. 16). */
    RECTIFY
}
