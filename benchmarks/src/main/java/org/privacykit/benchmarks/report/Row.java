package org.privacykit.benchmarks.report;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One line of the performance table: a hot path of privacy-kit, the anchor it is measured beside in
 * the same JMH run, and the target the ratio must meet.
 *
 * @param path       what is measured, as the table names it (with the benchmark class)
 * @param ours       privacy-kit's benchmark methods, whose times (or rates) are added
 * @param anchorName what the anchor is, as the table names it (empty when there is no anchor)
 * @param anchor     the anchor's benchmark methods, whose times (or rates) are added
 * @param unit       the unit the table prints
 * @param target     the target, or null
 */
public record Row(String path, List<Ref> ours, String anchorName, List<Ref> anchor, Unit unit, @Nullable Target target) {

    /**
     * A benchmark method with the parameters it runs under.
     *
     * @param benchmark simple class name and method, {@code FieldEncryptionBenchmark.gcmEncrypt_rawJdkCipher}
     * @param params    JMH parameters that select one result ({@code size=1024}), possibly none
     */
    public record Ref(String benchmark, Map<String, String> params) {

        /**
         * @param benchmark class and method
         * @param params    alternating names and values
         * @return the reference
         */
        static Ref of(String benchmark, String... params) {
            if (params.length % 2 != 0) {
                throw new IllegalArgumentException("parameters come as name, value pairs");
            }
            Map<String, String> map = new java.util.TreeMap<>();
            for (int i = 0; i < params.length; i += 2) {
                map.put(params[i], params[i + 1]);
            }
            return new Ref(benchmark, Map.copyOf(map));
        }

        /** @return the benchmark's class name */
        String className() {
            return benchmark.substring(0, benchmark.indexOf('.'));
        }
    }

    /** How the table prints a figure, and from which JMH unit it comes. */
    public enum Unit {
        NANOSECONDS("ns", "ns/op", false),
        MILLISECONDS("ms", "ms/op", false),
        DOCUMENTS_PER_SECOND("docs/s", "ops/s", true),
        MIB_PER_SECOND("MiB/s", "ops/s", true);

        final String symbol;
        final String jmhUnit;
        final boolean higherIsBetter;

        Unit(String symbol, String jmhUnit, boolean higherIsBetter) {
            this.symbol = symbol;
            this.jmhUnit = jmhUnit;
            this.higherIsBetter = higherIsBetter;
        }

        static Unit ofSymbol(String symbol) {
            for (Unit unit : values()) {
                if (unit.symbol.equals(symbol)) {
                    return unit;
                }
            }
            throw new IllegalArgumentException("unknown unit " + symbol);
        }
    }

    /**
     * A target: a bound on the ratio ours ÷ anchor, or on our own figure.
     *
     * @param kind  what is bounded and in which direction
     * @param bound the bound
     */
    public record Target(Kind kind, double bound) {

        /** What a target bounds. */
        public enum Kind { RATIO_AT_MOST, RATIO_AT_LEAST, VALUE_AT_LEAST }

        static Target ratioAtMost(double bound) {
            return new Target(Kind.RATIO_AT_MOST, bound);
        }

        static Target ratioAtLeast(double bound) {
            return new Target(Kind.RATIO_AT_LEAST, bound);
        }

        static Target valueAtLeast(double bound) {
            return new Target(Kind.VALUE_AT_LEAST, bound);
        }

        /**
         * @param value the figure (printed)
         * @param ratio the ratio (printed), or NaN without an anchor
         * @return whether the target is met by what the table prints
         */
        boolean isMet(double value, double ratio) {
            return switch (kind) {
                case RATIO_AT_MOST -> ratio <= bound;
                case RATIO_AT_LEAST -> ratio >= bound;
                case VALUE_AT_LEAST -> value >= bound;
            };
        }
    }
}
