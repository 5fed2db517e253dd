package org.privacykit.consent;

/** What is done with a field for a purpose, as {@link PurposeCheck} names it in refusals and audit events. */
public enum Processing {
    /** Showing the value in clear (a reveal in an API response, a support screen). */
    REVEAL,
    /** Handing the value out of the system (an export, a report, a data feed). */
    EXPORT,
    /** Turning the value into a pseudonym for analysis. */
    PSEUDONYMIZE,
    /** Reading the value for the purpose in the application's own code (a query, a job). */
    READ
}
