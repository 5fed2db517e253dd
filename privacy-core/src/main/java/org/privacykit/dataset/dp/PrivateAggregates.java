package org.privacykit.dataset.dp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.privacykit.dataset.Dataset;

/**
 * Differentially private counts, sums, means and histograms of a {@link Dataset}, charged to a
 * {@link PrivacyAccountant}.
 *
 * <p>Each subject contributes at most {@link Builder#maxRowsPerSubject m} rows (the first m in row
 * order; rows without a subject are left out), values are clamped to the bounds the query names, and
 * the noise is calibrated to what one subject can change: m for a count or a histogram, m times the
 * larger bound's magnitude for a sum. Histogram categories are named by the caller, never taken
 * from the data (which would reveal them). Results are the exact integer aggregate plus integer
 * noise from {@link DiscreteSampler}; they can be negative or exceed the row count, as unbiased noise
 * must allow.
 *
 * <pre>{@code
 * PrivacyAccountant budget = PrivacyAccountant.zcdp(1.0, 1e-6);
 * PrivateAggregates dp = PrivateAggregates.builder(adult, budget).build();
 * Map<String, Long> education = dp.histogram("education", EDUCATION_LEVELS, Noise.gaussian(0.05));
 * double age = dp.mean("age", 17, 90, Noise.gaussian(0.05));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class PrivateAggregates {
    /** Ten to the number of decimals kept of ε and ρ. */
    private static final BigInteger PARAMETER_SCALE = BigInteger.TEN.pow(Noise.DECIMALS);

    private final Dataset dataset;
    private final PrivacyAccountant accountant;
    private final DiscreteSampler sampler;
    private final int[] rows;
    private final int maxRowsPerSubject;

    private PrivateAggregates(Builder b) {
        this.dataset = b.dataset;
        this.accountant = b.accountant;
        this.sampler = b.sampler;
        this.maxRowsPerSubject = b.maxRowsPerSubject;
        this.rows = boundedRows(b.dataset, b.subject, b.maxRowsPerSubject);
    }

    /**
     * Starts the queries of a dataset under a budget.
     *
     * @param dataset the rows
     * @param accountant the budget every query is charged to
     * @return a builder
     */
    public static Builder builder(Dataset dataset, PrivacyAccountant accountant) {
        return new Builder(dataset, accountant);
    }

    /**
     * Counts the rows, with noise.
     *
     * @param noise the noise, and so the cost
     * @return the noisy count
     * @throws PrivacyBudgetExceededException when the budget does not cover the cost
     */
    public long count(Noise noise) {
        long exact = exactCount();
        accountant.charge("count", noise);
        return Math.addExact(exact, sample(noise, maxRowsPerSubject));
    }

    /**
     * Sums a numeric column, each value clamped to [lower, upper] and rounded to the nearest whole
     * number; empty cells count 0. Scale a decimal column first when fractions matter.
     *
     * @param column the column
     * @param lower the lowest value counted
     * @param upper the highest value counted
     * @param noise the noise, and so the cost
     * @return the noisy sum
     * @throws IllegalArgumentException when the column does not exist, lower exceeds upper, or a cell is
     *         not a number (naming the column and row)
     * @throws PrivacyBudgetExceededException when the budget does not cover the cost
     */
    public long sum(String column, long lower, long upper, Noise noise) {
        long exact = exactSum(column, lower, upper);
        accountant.charge("sum(" + column + " in [" + lower + ", " + upper + "])", noise);
        return Math.addExact(exact, sample(noise, sumSensitivity(lower, upper)));
    }

    /**
     * Averages a numeric column over the rows that hold a value: a noisy sum over a noisy count, each
     * with half the noise parameter, the result clamped to [lower, upper].
     *
     * @param column the column
     * @param lower the lowest value counted
     * @param upper the highest value counted
     * @param noise the noise of the whole query, and so its cost
     * @return the noisy mean, within [lower, upper]
     * @throws IllegalArgumentException as {@link #sum}
     * @throws PrivacyBudgetExceededException when the budget does not cover the cost
     */
    public double mean(String column, long lower, long upper, Noise noise) {
        long exactSum = exactSum(column, lower, upper);
        long exactCount = exactPresent(column);
        Noise half = noise.half();
        accountant.charge("mean(" + column + " in [" + lower + ", " + upper + "])", List.of(half, half));
        long sum = Math.addExact(exactSum, sample(half, sumSensitivity(lower, upper)));
        long count = Math.max(1, Math.addExact(exactCount, sample(half, maxRowsPerSubject)));
        return Math.min((double) upper, Math.max((double) lower, (double) sum / (double) count));
    }

    /**
     * Counts the rows holding each category of a column, with noise on every count. Cells matching
     * no category (compared as text) are counted nowhere.
     *
     * @param column the column
     * @param categories every category to count, chosen without looking at the data
     * @param noise the noise, and so the cost of the whole histogram
     * @return the noisy count of each category, in the order given
     * @throws IllegalArgumentException when the column does not exist, or categories are empty or repeated
     * @throws PrivacyBudgetExceededException when the budget does not cover the cost
     */
    public Map<String, Long> histogram(String column, List<String> categories, Noise noise) {
        long[] exact = exactHistogram(column, categories);
        accountant.charge("histogram(" + column + ", " + categories.size() + " categories)", noise);
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < exact.length; i++) {
            out.put(categories.get(i), exact[i] + sample(noise, maxRowsPerSubject));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Returns the accountant the queries are charged to.
     *
     * @return the accountant
     */
    public PrivacyAccountant accountant() {
        return accountant;
    }

    long exactCount() {
        return rows.length;
    }

    long exactPresent(String column) {
        requireColumn(column);
        long n = 0;
        for (int row : rows) {
            if (dataset.value(row, column) != null) {
                n++;
            }
        }
        return n;
    }

    long exactSum(String column, long lower, long upper) {
        if (lower > upper) {
            throw new IllegalArgumentException("sum(" + column + "): lower bound " + lower + " exceeds upper bound "
                    + upper);
        }
        sumSensitivity(lower, upper);
        requireColumn(column);
        long sum = 0;
        for (int row : rows) {
            @Nullable Object value = dataset.value(row, column);
            if (value == null) {
                continue;
            }
            if (!(value instanceof Number number)) {
                throw new IllegalArgumentException("column '" + column + "', row " + (row + 1) + ": not a number");
            }
            sum = Math.addExact(sum, clamp(number, lower, upper));
        }
        return sum;
    }

    long[] exactHistogram(String column, List<String> categories) {
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("histogram(" + column + "): no categories");
        }
        Map<String, Integer> index = new HashMap<>();
        for (String category : categories) {
            if (index.putIfAbsent(Objects.requireNonNull(category, "category"), index.size()) != null) {
                throw new IllegalArgumentException("histogram(" + column + "): a category is named twice");
            }
        }
        requireColumn(column);
        long[] counts = new long[categories.size()];
        for (int row : rows) {
            @Nullable Object value = dataset.value(row, column);
            if (value != null) {
                Integer i = index.get(value.toString());
                if (i != null) {
                    counts[i]++;
                }
            }
        }
        return counts;
    }

    private void requireColumn(String column) {
        if (!dataset.columns().contains(column)) {
            throw new IllegalArgumentException("no column '" + column + "'");
        }
    }

    private long sumSensitivity(long lower, long upper) {
        try {
            return Math.multiplyExact(maxRowsPerSubject, Math.max(Math.absExact(lower), Math.absExact(upper)));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the bounds [" + lower + ", " + upper + "] are too wide", e);
        }
    }

    private static long clamp(Number number, long lower, long upper) {
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return Math.min(upper, Math.max(lower, number.longValue()));
        }
        BigDecimal exact = number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
        BigDecimal clamped = exact.max(BigDecimal.valueOf(lower)).min(BigDecimal.valueOf(upper));
        return clamped.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** Samples noise calibrated to a sensitivity. */
    private long sample(Noise noise, long sensitivity) {
        BigInteger delta = BigInteger.valueOf(sensitivity);
        try {
            if (noise instanceof Noise.Laplace l) {
                // scale Δ/ε, ε = a / 10^DECIMALS: t/s = Δ 10^DECIMALS / a
                BigInteger a = l.epsilon().unscaledValue();
                BigInteger t = delta.multiply(PARAMETER_SCALE);
                BigInteger g = t.gcd(a);
                return sampler.laplace(a.divide(g).longValueExact(), t.divide(g).longValueExact());
            }
            // σ² = Δ² / 2ρ, ρ = a / 10^DECIMALS: n/d = Δ² 10^DECIMALS / 2a
            BigInteger a = ((Noise.Gaussian) noise).rho().unscaledValue();
            BigInteger n = delta.multiply(delta).multiply(PARAMETER_SCALE);
            BigInteger d = a.shiftLeft(1);
            BigInteger g = n.gcd(d);
            return sampler.gaussian(n.divide(g).longValueExact(), d.divide(g).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("a sensitivity of " + sensitivity + " is too large for " + noise, e);
        }
    }

    private static int[] boundedRows(Dataset dataset, @Nullable String subject, int max) {
        if (subject == null) {
            int[] all = new int[dataset.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        Map<Object, Integer> seen = new HashMap<>();
        int[] kept = new int[dataset.size()];
        int n = 0;
        for (int row = 0; row < dataset.size(); row++) {
            @Nullable Object id = dataset.value(row, subject);
            if (id == null) {
                continue;
            }
            Integer before = seen.get(id);
            int count = before == null ? 1 : before + 1;
            seen.put(id, count);
            if (count <= max) {
                kept[n++] = row;
            }
        }
        return Arrays.copyOf(kept, n);
    }

    @Override
    public String toString() {
        return "PrivateAggregates[" + rows.length + " rows, at most " + maxRowsPerSubject + " per subject, " + accountant
                + "]";
    }

    /** Builds {@link PrivateAggregates}. */
    public static final class Builder {
        private final Dataset dataset;
        private final PrivacyAccountant accountant;
        private @Nullable String subject;
        private int maxRowsPerSubject = 1;
        private DiscreteSampler sampler;

        private Builder(Dataset dataset, PrivacyAccountant accountant) {
            this.dataset = Objects.requireNonNull(dataset, "dataset");
            this.accountant = Objects.requireNonNull(accountant, "accountant");
            this.sampler = DiscreteSampler.secure();
        }

        /**
         * Names the column identifying each row's subject; without one, each row is its own subject.
         *
         * @param column the column
         * @return this builder
         * @throws IllegalArgumentException when the column does not exist
         */
        public Builder subject(String column) {
            if (!dataset.columns().contains(column)) {
                throw new IllegalArgumentException("no column '" + column + "'");
            }
            this.subject = column;
            return this;
        }

        /**
         * Sets the most rows one subject contributes; the default is 1. The noise grows with it.
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxRowsPerSubject(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxRowsPerSubject must be at least 1; got " + max);
            }
            this.maxRowsPerSubject = max;
            return this;
        }

        Builder sampler(DiscreteSampler sampler) {
            this.sampler = sampler;
            return this;
        }

        /**
         * Builds the queries: chooses each subject's rows once.
         *
         * @return the queries
         */
        public PrivateAggregates build() {
            return new PrivateAggregates(this);
        }
    }
}
