package org.privacykit.dataset.model;

import org.jspecify.annotations.Nullable;

/**
 * Entropy ℓ-diversity (Machanavajjhala et al. 2007): in every equivalence class, the entropy of the
 * sensitive values, −Σ p log p, is at least log ℓ.
 *
 * @param attribute the sensitive attribute, or {@code null} for the dataset's only one
 * @param l at least 1
 */
public record EntropyLDiversity(@Nullable String attribute, double l) implements PrivacyModel {
    /**
     * Checks ℓ.
     *
     * @throws IllegalArgumentException when ℓ is below 1 or not finite, or the attribute name is blank
     */
    public EntropyLDiversity {
        Models.checkAttribute(attribute);
        if (!(l >= 1) || Double.isInfinite(l)) {
            throw new IllegalArgumentException("l must be at least 1; got " + l);
        }
    }

    @Override
    public boolean isMonotoneWithSuppression() {
        return false;
    }

    @Override
    public String toString() {
        return "entropy " + Models.number(l) + "-diversity" + Models.on(attribute);
    }
}
