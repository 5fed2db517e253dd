package org.privacykit.dataset.model;

/**
 * k-anonymity (Sweeney 2002): every equivalence class holds at least k rows, so a row is
 * re-identified with probability at most 1/k by someone who knows a person is in the data.
 *
 * @param k at least 1
 */
public record KAnonymity(int k) implements PrivacyModel {
    /**
     * Checks k.
     *
     * @throws IllegalArgumentException when k is below 1
     */
    public KAnonymity {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1; got " + k);
        }
    }

    @Override
    public boolean isMonotoneWithSuppression() {
        return true;
    }

    @Override
    public String toString() {
        return k + "-anonymity";
    }
}
