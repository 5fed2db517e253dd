package org.privacykit.dataset.hierarchy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * What a release publishes in place of a quasi-identifier value: the value itself, a range, a
 * label of a generalization hierarchy, a set of values, or {@code *}. A closed set of types, so a
 * reader switches over them instead of parsing text:
 *
 * <pre>{@code
 * switch (cell) {
 *     case Generalized.Value v -> v.value();                 // 39, unchanged
 *     case Generalized.Range<?> r -> r.low() + " to " + r.high();
 *     case Generalized.Label l -> l.label();                  // "Western Europe"
 *     case Generalized.ValueSet s -> s.values();              // {Divorced, Widowed}
 *     case Generalized.Any any -> "*";
 * }
 * }</pre>
 *
 * (pattern matching for {@code switch} needs Java 21; on 17 use {@code instanceof}). Each
 * {@code toString()} is the published text, the one a CSV release holds.
 */
public sealed interface Generalized permits Generalized.Value, Generalized.Range, Generalized.Label,
        Generalized.ValueSet, Generalized.Any {

    /**
     * Tells whether an original value lies within this generalization.
     *
     * @param value an original value, possibly {@code null}
     * @return {@code true} when an observer of this cell cannot exclude the value
     */
    boolean covers(@Nullable Object value);

    /**
     * Returns {@code *}, the fully generalized (or suppressed) value.
     *
     * @return the one instance
     */
    static Generalized any() {
        return Any.STAR;
    }

    /**
     * Returns an unchanged value.
     *
     * @param value the value, possibly {@code null}
     * @return the cell
     */
    static Value of(@Nullable Object value) {
        return new Value(value);
    }

    /**
     * An unchanged value.
     *
     * @param value the value, possibly {@code null}
     */
    record Value(@Nullable Object value) implements Generalized {
        @Override
        public boolean covers(@Nullable Object other) {
            return Objects.equals(value, other) || (value != null && other != null && compareNumbers(value, other) == 0);
        }

        @Override
        public String toString() {
            return value == null ? "" : Range.plain(value);
        }
    }

    /**
     * An interval of ordered values (numbers, dates, times), from {@code low} (included) to
     * {@code high} (included, or excluded for the half-open intervals of decimal hierarchies).
     *
     * @param <T> the type of the values
     * @param low the lowest value covered
     * @param high the upper bound
     * @param highIncluded whether {@code high} itself is covered
     * @param label the published text, such as {@code 30-39}, {@code [2.5, 5)} or {@code 2020-03}
     */
    record Range<T extends Comparable<? super T>>(T low, T high, boolean highIncluded, String label)
            implements Generalized {
        /**
         * Checks the bounds.
         *
         * @throws IllegalArgumentException when {@code low} is above {@code high}
         */
        public Range {
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(high, "high");
            Objects.requireNonNull(label, "label");
            if (low.compareTo(high) > 0 || (!highIncluded && low.compareTo(high) == 0)) {
                throw new IllegalArgumentException("a range's low bound must be below its high bound");
            }
        }

        /**
         * Returns the closed range {@code low..high}, labelled {@code low-high} for numbers and
         * {@code low..high} for other values.
         *
         * @param <T> the type of the values
         * @param low the lowest value
         * @param high the highest value
         * @return the range
         */
        public static <T extends Comparable<? super T>> Range<T> closed(T low, T high) {
            String separator = low instanceof Number ? "-" : "..";
            return new Range<>(low, high, true, plain(low) + separator + plain(high));
        }

        @Override
        public boolean covers(@Nullable Object value) {
            if (value == null) {
                return false;
            }
            int fromLow;
            int toHigh;
            if (value instanceof Number && low instanceof Number) {
                fromLow = compareNumbers(value, low);
                toHigh = compareNumbers(value, high);
            } else if (low instanceof java.time.LocalDate lowDate && !(value instanceof java.time.LocalDate)
                    && (Object) DateHierarchy.toDate(value) instanceof java.time.LocalDate date) {
                fromLow = date.compareTo(lowDate);
                toHigh = date.compareTo((java.time.LocalDate) high);
            } else if (low.getClass().isInstance(value)) {
                @SuppressWarnings("unchecked")
                T v = (T) value;
                fromLow = v.compareTo(low);
                toHigh = v.compareTo(high);
            } else {
                return false;
            }
            return fromLow >= 0 && (highIncluded ? toHigh <= 0 : toHigh < 0);
        }

        @Override
        public String toString() {
            return label;
        }

        static String plain(@Nullable Object v) {
            if (v instanceof Double || v instanceof Float) {
                double d = ((Number) v).doubleValue();
                return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : v.toString();
            }
            if (v instanceof BigDecimal decimal) {
                return decimal.toPlainString();
            }
            return String.valueOf(v);
        }
    }

    /**
     * A node of a generalization hierarchy above the original values: {@code Western Europe},
     * {@code 941**}.
     *
     * @param label the published text
     * @param level the hierarchy level, 1 for the parents of original values
     * @param hierarchy the hierarchy the label belongs to, which says what it covers
     */
    record Label(String label, int level, Hierarchy hierarchy) implements Generalized {
        /**
         * Checks the components.
         *
         * @throws IllegalArgumentException when the level is below 1
         */
        public Label {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(hierarchy, "hierarchy");
            if (level < 1) {
                throw new IllegalArgumentException("a label's level is at least 1");
            }
        }

        @Override
        public boolean covers(@Nullable Object value) {
            return hierarchy.contains(value) && equals(hierarchy.generalize(value, level));
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Label l && l.level == level && l.hierarchy == hierarchy && l.label.equals(label);
        }

        @Override
        public int hashCode() {
            return label.hashCode() * 31 + level;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * The set of values an equivalence class holds, for attributes without a hierarchy:
     * {@code {Divorced, Widowed}}.
     *
     * @param values the values, in the attribute's order
     */
    record ValueSet(Set<@Nullable Object> values) implements Generalized {
        /** Freezes the set, keeping its order. */
        public ValueSet {
            values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
        }

        @Override
        public boolean covers(@Nullable Object value) {
            if (values.contains(value)) {
                return true;
            }
            for (Object v : values) {
                if (v != null && value != null && compareNumbers(v, value) == 0) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            StringJoiner joined = new StringJoiner(", ", "{", "}");
            for (Object v : values) {
                joined.add(v == null ? "" : Range.plain(v));
            }
            return joined.toString();
        }
    }

    /** {@code *}: every value, as published for a fully generalized or suppressed cell. */
    enum Any implements Generalized {
        /** The one instance. */
        STAR;

        @Override
        public boolean covers(@Nullable Object value) {
            return true;
        }

        @Override
        public String toString() {
            return "*";
        }
    }

    /**
     * Compares two numbers of any JDK type by value; other objects compare as unequal.
     *
     * @return the comparison, or 2 when either is not a number
     */
    private static int compareNumbers(@Nullable Object a, @Nullable Object b) {
        if (!(a instanceof Number x) || !(b instanceof Number y)) {
            return 2;
        }
        return decimal(x).compareTo(decimal(y));
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : BigDecimal.valueOf(d > 0 ? Double.MAX_VALUE : -Double.MAX_VALUE);
        }
        return BigDecimal.valueOf(n.longValue());
    }
}
