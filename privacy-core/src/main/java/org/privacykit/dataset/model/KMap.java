package org.privacykit.dataset.model;

/**
 * k-map (Sweeney 2002; El Emam and Dankar 2008): every equivalence class matches at least k rows of
 * the population table the dataset was drawn from, so a person known only to be in the population
 * is re-identified with probability at most 1/k.
 *
 * @param k at least 1
 */
public record KMap(int k) implements PrivacyModel {
    /**
     * Checks k.
     *
     * @throws IllegalArgumentException when k is below 1
     */
    public KMap {
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
        return k + "-map";
    }
}
