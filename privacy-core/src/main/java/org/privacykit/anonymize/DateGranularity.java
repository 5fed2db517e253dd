package org.privacykit.anonymize;

/** How far {@link org.privacykit.annotation.Operator#GENERALIZE} coarsens a date. */
public enum DateGranularity {
    /** To the year: {@code 1985-12-10} becomes {@code 1985-01-01} (or {@code "1985"} in a text field). */
    YEAR,
    /** To the month: {@code 1985-12-10} becomes {@code 1985-12-01} (or {@code "1985-12"} in a text field). */
    MONTH
}
