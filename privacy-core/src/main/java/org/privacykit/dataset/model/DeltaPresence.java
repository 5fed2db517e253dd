package org.privacykit.dataset.model;

/**
 * δ-presence (Nergiz, Atzori and Clifton 2007): for a dataset drawn from a known population table,
 * every equivalence class holds between δmin and δmax of the population rows it matches, bounding
 * what an attacker learns about whether a person is in the dataset at all.
 *
 * @param min δmin, from 0
 * @param max δmax, at most 1 and at least δmin
 */
public record DeltaPresence(double min, double max) implements PrivacyModel {
    /**
     * Checks the bounds.
     *
     * @throws IllegalArgumentException when they are outside 0..1 or min exceeds max
     */
    public DeltaPresence {
        if (!(min >= 0 && max <= 1 && min <= max)) {
            throw new IllegalArgumentException("δ-presence needs 0 <= min <= max <= 1; got " + min + " and " + max);
        }
    }

    @Override
    public boolean isMonotoneWithSuppression() {
        return false;
    }

    @Override
    public String toString() {
        return "(" + Models.number(min) + "," + Models.number(max) + ")-presence";
    }
}
