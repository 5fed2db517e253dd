package org.privacykit.dataset.model;

import org.jspecify.annotations.Nullable;

/**
 * Distinct ℓ-diversity: every equivalence class holds at least ℓ distinct values of the sensitive
 * attribute.
 *
 * @param attribute the sensitive attribute, or {@code null} for the dataset's only one
 * @param l at least 1
 */
public record DistinctLDiversity(@Nullable String attribute, int l) implements PrivacyModel {
    /**
     * Checks ℓ.
     *
     * @throws IllegalArgumentException when ℓ is below 1 or the attribute name is blank
     */
    public DistinctLDiversity {
        Models.checkAttribute(attribute);
        if (l < 1) {
            throw new IllegalArgumentException("l must be at least 1; got " + l);
        }
    }

    @Override
    public boolean isMonotoneWithSuppression() {
        return true;
    }

    @Override
    public String toString() {
        return "distinct " + l + "-diversity" + Models.on(attribute);
    }
}
