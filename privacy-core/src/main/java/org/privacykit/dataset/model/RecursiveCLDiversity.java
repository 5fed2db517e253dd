package org.privacykit.dataset.model;

import org.jspecify.annotations.Nullable;

/**
 * Recursive (c,ℓ)-diversity (Machanavajjhala et al. 2007): in every equivalence class, with the
 * sensitive value counts sorted in decreasing order r1 ≥ r2 ≥ ... ≥ rm, r1 &lt; c (rℓ + ... + rm);
 * the most frequent value is not dominant even after an attacker rules out ℓ − 2 others.
 *
 * @param attribute the sensitive attribute, or {@code null} for the dataset's only one
 * @param c positive
 * @param l at least 2
 */
public record RecursiveCLDiversity(@Nullable String attribute, double c, int l) implements PrivacyModel {
    /**
     * Checks c and ℓ.
     *
     * @throws IllegalArgumentException when c is not positive, ℓ is below 2, or the attribute name is
     *         blank
     */
    public RecursiveCLDiversity {
        Models.checkAttribute(attribute);
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("c must be positive; got " + c);
        }
        if (l < 2) {
            throw new IllegalArgumentException("l must be at least 2; got " + l);
        }
    }

    @Override
    public boolean isMonotoneWithSuppression() {
        return false;
    }

    @Override
    public String toString() {
        return "recursive (" + Models.number(c) + "," + l + ")-diversity" + Models.on(attribute);
    }
}
