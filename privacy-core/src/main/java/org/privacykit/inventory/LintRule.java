package org.privacykit.inventory;

/** The checks {@link PrivacyLint} runs, each with a stable id for suppressions and reports. */
public enum LintRule {
    /** A field looks personal by its name or type but carries no classification. */
    UNCLASSIFIED_PERSONAL_FIELD("PK001", Severity.ERROR),
    /** A RESTRICTED field (special category, criminal data, national id, secret) is not {@code @Encrypted}. */
    RESTRICTED_NOT_ENCRYPTED("PK002", Severity.ERROR),
    /** Deterministic or format-preserving encryption of a low-entropy value: equal ciphertexts reveal it by frequency or guessing. */
    DETERMINISTIC_LOW_ENTROPY("PK003", Severity.ERROR),
    /** Pseudonyms of a low-entropy value: every possible value can be tried against the pseudonyms. */
    PSEUDONYM_LOW_ENTROPY("PK004", Severity.WARNING),
    /** {@code @Encrypted} on a field that is neither {@code @PersonalData} nor {@code @Sensitive}, so no inventory lists it. */
    ENCRYPTED_UNCLASSIFIED("PK005", Severity.WARNING),
    /**
     * An {@code @Encrypted} property that a storage path cannot store encrypted
     * ({@link org.privacykit.metadata.EncryptionPath#decide}): an {@code @Encrypted int} or
     * {@code LocalDate} that a {@code FieldEncryptor} copy or privacy-jpa cannot hold as ciphertext.
     * Checked for the paths {@link PrivacyLint.Builder#encryptionPaths} names, by default all.
     */
    ENCRYPTION_PATH_UNSUPPORTED("PK006", Severity.ERROR),
    /**
     * A class that holds personal data prints it in clear in its {@code toString}: a record's
     * generated one, or one it declares or inherits that reads personal fields without
     * {@code Masked.toString(this)}.
     */
    TO_STRING_UNMASKED("PK007", Severity.ERROR),
    /**
     * A map of personal data keyed by something that looks personal (by the key's type, or by the
     * map's name: {@code ordersByEmail}, {@code emailToCustomer}) whose keys are not declared, so they
     * are shown in clear; declare them on the key's type argument.
     */
    PERSONAL_MAP_KEY_UNDECLARED("PK008", Severity.WARNING),
    /** Strict mode: personal data without declared purposes (GDPR Art. 5(1)(b)). */
    MISSING_PURPOSE("PK101", Severity.ERROR),
    /** Strict mode: personal data without a retention period (GDPR Art. 5(1)(e)). */
    MISSING_RETENTION("PK102", Severity.ERROR),
    /** Strict mode: personal data without a legal basis (GDPR Art. 6). */
    MISSING_LEGAL_BASIS("PK103", Severity.ERROR),
    /** Strict mode: a class holds personal data but no {@code @SubjectId} says whose it is, so exports and erasure cannot find it. */
    MISSING_SUBJECT_ID("PK104", Severity.WARNING),
    /**
     * Strict mode: deterministic or format-preserving encryption of a data subject's personal data. It
     * stays under the field key so it can be searched, so forgetting the subject does not crypto-shred
     * it (privacy-jpa clears such columns on {@code forget}; other stores must erase them explicitly).
     */
    DETERMINISTIC_NOT_ERASABLE("PK105", Severity.WARNING);

    private final String id;
    private final Severity severity;

    LintRule(String id, Severity severity) {
        this.id = id;
        this.severity = severity;
    }

    /**
     * Returns the stable id, such as {@code PK001}.
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * Returns how serious a violation is.
     *
     * @return the severity
     */
    public Severity severity() {
        return severity;
    }

    /**
     * Tells whether the rule runs only in strict mode.
     *
     * @return {@code true} for strict-mode rules
     */
    public boolean isStrictOnly() {
        return id.startsWith("PK1");
    }

    /** How serious a violation is. Both fail {@link LintReport#assertClean()}. */
    public enum Severity {
        /** Personal data is unprotected or undeclared. */
        ERROR,
        /** A weaker protection than the data calls for. */
        WARNING
    }
}
