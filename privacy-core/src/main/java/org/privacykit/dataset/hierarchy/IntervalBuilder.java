package org.privacykit.dataset.hierarchy;

import java.math.BigDecimal;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Builds an interval hierarchy for numbers: {@code Hierarchy.intervals(5, 10, 20).build()} maps 37
 * to {@code 35-39}, {@code 30-39}, {@code 20-39}, then {@code *}.
 */
public final class IntervalBuilder {
    private final BigDecimal[] widths;
    private BigDecimal origin = BigDecimal.ZERO;
    private @Nullable BigDecimal lowest;
    private @Nullable BigDecimal highest;

    IntervalBuilder(Number... widths) {
        Objects.requireNonNull(widths, "widths");
        if (widths.length == 0) {
            throw new IllegalArgumentException("give at least one interval width");
        }
        this.widths = new BigDecimal[widths.length];
        for (int i = 0; i < widths.length; i++) {
            BigDecimal w = IntervalHierarchy.decimal(Objects.requireNonNull(widths[i], "width"));
            if (w.signum() <= 0) {
                throw new IllegalArgumentException("interval width " + (i + 1) + " is not positive");
            }
            if (i > 0 && (w.compareTo(this.widths[i - 1]) <= 0
                    || w.remainder(this.widths[i - 1]).signum() != 0)) {
                throw new IllegalArgumentException("interval width " + (i + 1) + " must be a larger multiple of width "
                        + i + ", so the intervals nest");
            }
            this.widths[i] = w;
        }
    }

    /**
     * Aligns the intervals at a value other than 0: with origin 1 and width 10, 37 falls in {@code 31-40}.
     *
     * @param origin a boundary of every level's intervals
     * @return this builder
     */
    public IntervalBuilder origin(Number origin) {
        this.origin = IntervalHierarchy.decimal(Objects.requireNonNull(origin, "origin"));
        return this;
    }

    /**
     * Limits the values the hierarchy holds; values outside are absent from it (an error when a
     * dataset is anonymized with it, naming the column and the row).
     *
     * @param lowest the lowest value held
     * @param highest the highest value held
     * @return this builder
     * @throws IllegalArgumentException when {@code lowest} is above {@code highest}
     */
    public IntervalBuilder bounds(Number lowest, Number highest) {
        BigDecimal low = IntervalHierarchy.decimal(Objects.requireNonNull(lowest, "lowest"));
        BigDecimal high = IntervalHierarchy.decimal(Objects.requireNonNull(highest, "highest"));
        if (low.compareTo(high) > 0) {
            throw new IllegalArgumentException("the lowest value is above the highest");
        }
        this.lowest = low;
        this.highest = high;
        return this;
    }

    /**
     * Builds the hierarchy.
     *
     * @return the hierarchy
     */
    public Hierarchy build() {
        return new IntervalHierarchy(widths.clone(), origin, lowest, highest);
    }
}
