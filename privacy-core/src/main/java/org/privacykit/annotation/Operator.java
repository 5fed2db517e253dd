package org.privacykit.annotation;

/** How the anonymizer transforms a personal-data field in an anonymized copy. */
public enum Operator {
    /** Replaces the value with a fixed marker that reveals nothing, not even its length. */
    REDACT,
    /** Drops the value: {@code null}, or the empty value of a primitive. */
    SUPPRESS,
    /** Applies the field's mask. */
    MASK,
    /** Replaces the value with a keyed pseudonym, consistent per key and field. */
    PSEUDONYMIZE,
    /** Replaces the value with a realistic fake, consistent per key: the same input gives the same fake. */
    FAKE,
    /** Coarsens the value: dates to year or month, numbers to ranges, postcodes to a prefix. */
    GENERALIZE,
    /** Shifts a date by a bounded number of days, consistent per data subject. */
    DATE_SHIFT,
    /** Adds bounded noise to a number. */
    NOISE,
    /** Keeps the value as it is. Never the default for CONFIDENTIAL or RESTRICTED data. */
    KEEP
}
