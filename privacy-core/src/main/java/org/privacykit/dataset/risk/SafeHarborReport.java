package org.privacykit.dataset.risk;

import java.util.List;

/**
 * The outcome of a HIPAA Safe Harbor check: one finding per column that holds one of the eighteen
 * identifiers. Names columns and counts rows, never values. Immutable.
 *
 * @param findings the findings, in column order
 */
public record SafeHarborReport(List<Finding> findings) {
    /** Freezes the list. */
    public SafeHarborReport {
        findings = List.copyOf(findings);
    }

    /** Whether a column is acceptable under Safe Harbor. */
    public enum Verdict {
        /** Left out of the release (an identifier role). */
        REMOVED,
        /** Released, but only in a form Safe Harbor allows (year of a date, three ZIP digits, 90+). */
        ALLOWED,
        /** Released in a form Safe Harbor forbids. */
        VIOLATION
    }

    /**
     * One column holding an identifier.
     *
     * @param column the column
     * @param identifier which of the eighteen it is
     * @param verdict what the release does with it
     * @param rows the rows that break the rule (0 unless a violation)
     * @param reason why, in words, without values
     */
    public record Finding(String column, SafeHarborIdentifier identifier, Verdict verdict, int rows, String reason) {
        @Override
        public String toString() {
            return column + ": (" + identifier.letter() + ") " + identifier + " " + verdict
                    + (rows > 0 ? " in " + rows + " rows" : "") + " — " + reason;
        }
    }

    /**
     * Tells whether no column violates Safe Harbor.
     *
     * @return {@code true} when every finding is removed or allowed
     */
    public boolean compliant() {
        return findings.stream().noneMatch(f -> f.verdict() == Verdict.VIOLATION);
    }

    /**
     * Fails when a column violates Safe Harbor, for a unit test.
     *
     * @throws AssertionError listing the violations
     */
    public void assertCompliant() {
        if (!compliant()) {
            throw new AssertionError("HIPAA Safe Harbor violated: " + findings.stream()
                    .filter(f -> f.verdict() == Verdict.VIOLATION).map(Finding::toString).toList());
        }
    }
}
