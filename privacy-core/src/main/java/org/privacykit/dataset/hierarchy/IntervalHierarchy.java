package org.privacykit.dataset.hierarchy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Comparator;

import org.jspecify.annotations.Nullable;

/** Nested intervals of numbers, aligned at an origin; see {@link IntervalBuilder}. */
final class IntervalHierarchy implements Hierarchy {
    private final BigDecimal[] widths;
    private final BigDecimal origin;
    private final @Nullable BigDecimal lowest;
    private final @Nullable BigDecimal highest;

    IntervalHierarchy(BigDecimal[] widths, BigDecimal origin, @Nullable BigDecimal lowest,
                      @Nullable BigDecimal highest) {
        this.widths = widths;
        this.origin = origin;
        this.lowest = lowest;
        this.highest = highest;
    }

    @Override
    public int height() {
        return widths.length + 1;
    }

    @Override
    public boolean contains(@Nullable Object value) {
        if (!(value instanceof Number n) || (n instanceof Double d && !Double.isFinite(d))
                || (n instanceof Float f && !Float.isFinite(f))) {
            return false;
        }
        BigDecimal v = decimal(n);
        return (lowest == null || v.compareTo(lowest) >= 0) && (highest == null || v.compareTo(highest) <= 0);
    }

    @Override
    public Generalized generalize(@Nullable Object value, int level) {
        if (level < 0 || level > height()) {
            throw new IllegalArgumentException("level " + level + " is outside 0.." + height());
        }
        if (!contains(value) || !(value instanceof Number number)) {
            throw new IllegalArgumentException("a value is absent from the hierarchy");
        }
        if (level == 0) {
            return Generalized.of(value);
        }
        if (level == height()) {
            return Generalized.any();
        }
        BigDecimal width = widths[level - 1];
        BigDecimal v = decimal(number);
        BigDecimal steps = v.subtract(origin).divide(width, 0, RoundingMode.FLOOR);
        BigDecimal low = origin.add(steps.multiply(width));
        BigDecimal high = low.add(width);
        boolean whole = isWhole(number) && isInteger(width) && isInteger(origin);
        if (whole) {
            BigDecimal last = high.subtract(BigDecimal.ONE);
            return range(number, low, last, true, plain(low) + "-" + plain(last));
        }
        return range(number, low, high, false, "[" + plain(low) + ", " + plain(high) + ")");
    }

    private static Generalized range(Object like, BigDecimal low, BigDecimal high, boolean highIncluded, String label) {
        if ((like instanceof Integer || like instanceof Short || like instanceof Byte) && isInteger(low)
                && isInteger(high)) {
            if (fitsInt(low) && fitsInt(high)) {
                return new Generalized.Range<>(low.intValueExact(), high.intValueExact(), highIncluded, label);
            }
            return new Generalized.Range<>(low.longValueExact(), high.longValueExact(), highIncluded, label);
        }
        if (like instanceof Long && isInteger(low) && isInteger(high)) {
            return new Generalized.Range<>(low.longValueExact(), high.longValueExact(), highIncluded, label);
        }
        if (like instanceof BigInteger && isInteger(low) && isInteger(high)) {
            return new Generalized.Range<>(low.toBigIntegerExact(), high.toBigIntegerExact(), highIncluded, label);
        }
        if (like instanceof Double || like instanceof Float) {
            return new Generalized.Range<>(low.doubleValue(), high.doubleValue(), highIncluded, label);
        }
        return new Generalized.Range<>(low, high, highIncluded, label);
    }

    @Override
    public Comparator<Object> order() {
        return Comparator.comparing(v -> decimal((Number) v));
    }

    static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("an interval bound or value is not finite");
            }
            return BigDecimal.valueOf(d);
        }
        return BigDecimal.valueOf(n.longValue());
    }

    private static boolean isWhole(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger;
    }

    private static boolean isInteger(BigDecimal d) {
        return d.signum() == 0 || d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0;
    }

    private static boolean fitsInt(BigDecimal d) {
        return d.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
                && d.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
    }

    private static String plain(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return "Hierarchy[intervals of " + java.util.Arrays.toString(widths) + " from " + plain(origin) + "]";
    }
}
