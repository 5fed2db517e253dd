package org.privacykit.rights;

/** What {@link RetentionEnforcer} does with a field past its retention. */
public enum RetentionAction {
    /** Applies the field's anonymization operator, as {@link org.privacykit.anonymize.Anonymizer} would. */
    ANONYMIZE,
    /** Drops the value: {@code null}, zero for primitives, empty for collections. */
    DROP
}
