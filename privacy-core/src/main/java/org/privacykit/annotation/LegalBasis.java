package org.privacykit.annotation;

/** The lawful basis for processing personal data (GDPR Art. 6(1)). */
public enum LegalBasis {
    /** Art. 6(1)(a): the person consented. */
    CONSENT,
    /** Art. 6(1)(b): needed to perform a contract with the person. */
    CONTRACT,
    /** Art. 6(1)(c): needed to comply with a legal obligation. */
    LEGAL_OBLIGATION,
    /** Art. 6(1)(d): needed to protect someone's vital interests. */
    VITAL_INTERESTS,
    /** Art. 6(1)(e): needed for a task in the public interest. */
    PUBLIC_TASK,
    /** Art. 6(1)(f): needed for legitimate interests that the person's rights do not override. */
    LEGITIMATE_INTERESTS
}
