package org.privacykit.dataset.model;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.privacykit.dataset.hierarchy.Hierarchy;

/**
 * t-closeness (Li, Li and Venkatasubramanian 2007): in every equivalence class, the distribution of
 * the sensitive attribute is within Earth Mover's Distance t of its distribution in the whole
 * table. The ground distance is equal (categories), ordered (numbers, dates) or hierarchical.
 *
 * @param attribute the sensitive attribute, or {@code null} for the dataset's only one
 * @param t from 0 to 1
 * @param distance the ground distance
 * @param hierarchy the hierarchy of the hierarchical distance, else {@code null}
 */
public record TCloseness(@Nullable String attribute, double t, GroundDistance distance, @Nullable Hierarchy hierarchy)
        implements PrivacyModel {
    /**
     * Checks the parameters.
     *
     * @throws IllegalArgumentException when t is outside 0..1, or a hierarchy is missing for the
     *         hierarchical distance or given for another
     */
    public TCloseness {
        Models.checkAttribute(attribute);
        Objects.requireNonNull(distance, "distance");
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("t must be from 0 to 1; got " + t);
        }
        if ((distance == GroundDistance.HIERARCHICAL) != (hierarchy != null)) {
            throw new IllegalArgumentException("the hierarchical distance, and only it, takes a hierarchy");
        }
    }

    @Override
    public boolean isMonotoneWithSuppression() {
        return false;
    }

    @Override
    public String toString() {
        return Models.number(t) + "-closeness (" + distance.name().toLowerCase(java.util.Locale.ROOT) + " distance)"
                + Models.on(attribute);
    }
}
