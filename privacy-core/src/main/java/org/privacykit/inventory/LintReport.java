package org.privacykit.inventory;

import java.util.ArrayList;
import java.util.List;

/** The findings of one {@link PrivacyLint} run. Immutable. */
public final class LintReport {
    private final List<LintViolation> violations;

    LintReport(List<LintViolation> violations) {
        this.violations = List.copyOf(violations);
    }

    /**
     * Returns every finding, class by class.
     *
     * @return an unmodifiable list
     */
    public List<LintViolation> violations() {
        return violations;
    }

    /**
     * Returns the findings of one rule.
     *
     * @param rule the rule
     * @return the findings, possibly none
     */
    public List<LintViolation> violations(LintRule rule) {
        List<LintViolation> out = new ArrayList<>();
        for (LintViolation v : violations) {
            if (v.rule() == rule) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * Tells whether there are no findings.
     *
     * @return {@code true} when clean
     */
    public boolean isClean() {
        return violations.isEmpty();
    }

    /**
     * Fails with every finding listed, for a unit test: {@code PrivacyLint.check(Customer.class).assertClean()}.
     *
     * @throws AssertionError listing every violation with its rule, location and fix
     */
    public void assertClean() {
        if (!violations.isEmpty()) {
            throw new AssertionError(describe());
        }
    }

    private String describe() {
        StringBuilder out = new StringBuilder("privacy lint found ").append(violations.size())
                .append(violations.size() == 1 ? " violation:" : " violations:");
        for (LintViolation v : violations) {
            out.append("\n  ").append(v);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return violations.isEmpty() ? "privacy lint: clean" : describe();
    }
}
