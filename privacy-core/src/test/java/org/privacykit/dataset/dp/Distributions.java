package org.privacykit.dataset.dp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;

/**
 * Goodness-of-fit statistics of integer samples against an exact pmf: Pearson's chi-square over
 * bins holding at least {@value #MIN_EXPECTED} expected samples (tails merged), and the
 * Kolmogorov-Smirnov distance. Critical values are for a significance of 10⁻⁴; with fixed seeds the
 * outcome never changes between runs, and the level says how unlikely a correct sampler is to fail.
 */
final class Distributions {
    /** Expected samples a chi-square bin needs. */
    static final double MIN_EXPECTED = 5;
    /** The standard normal quantile of 1 - 10⁻⁴. */
    static final double Z_1E4 = 3.719;
    /** Kolmogorov's c(α) for α = 10⁻⁴: sqrt(-ln(α/2)/2). */
    static final double KS_C_1E4 = Math.sqrt(-Math.log(1e-4 / 2) / 2);

    private Distributions() {
    }

    /** P(x) ∝ exp(-|x| s/t), normalized. */
    static LongToDoubleFunction laplacePmf(long s, long t) {
        double a = (double) s / t;
        double norm = Math.tanh(a / 2);    // (e^a - 1)/(e^a + 1)
        return x -> norm * Math.exp(-Math.abs(x) * a);
    }

    /** P(x) ∝ exp(-x²/2σ²), normalized by summing far into the tails. */
    static LongToDoubleFunction gaussianPmf(double sigma2) {
        long reach = (long) Math.ceil(40 * Math.sqrt(sigma2)) + 40;
        double z = 0;
        for (long x = -reach; x <= reach; x++) {
            z += Math.exp(-(double) x * x / (2 * sigma2));
        }
        double norm = z;
        return x -> Math.exp(-(double) x * x / (2 * sigma2)) / norm;
    }

    /** Result of a test. */
    record Fit(double statistic, double critical, int degreesOfFreedom) {
        boolean accepted() {
            return statistic <= critical;
        }
    }

    /** Pearson's chi-square of samples in [min, max] (outside counts go to the tail bins). */
    static Fit chiSquare(long[] samples, LongToDoubleFunction pmf) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long s : samples) {
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        int n = samples.length;
        // bins: consecutive values merged until each expects MIN_EXPECTED samples
        long lo = -1;
        long hi = 1;
        while (pmf.applyAsDouble(lo) * n >= MIN_EXPECTED) {
            lo--;
        }
        while (pmf.applyAsDouble(hi) * n >= MIN_EXPECTED) {
            hi++;
        }
        // bins: (-inf, lo], lo+1 .. hi-1 one each, [hi, inf)
        List<double[]> bins = new ArrayList<>();
        double below = 0;
        for (long x = Math.min(lo, min) - 1; x <= lo; x++) {
            below += pmf.applyAsDouble(x);
        }
        below += tail(pmf, Math.min(lo, min) - 1, -1);
        bins.add(new double[] {below * n, 0});
        for (long x = lo + 1; x < hi; x++) {
            bins.add(new double[] {pmf.applyAsDouble(x) * n, 0});
        }
        double above = 0;
        for (long x = hi; x <= Math.max(hi, max) + 1; x++) {
            above += pmf.applyAsDouble(x);
        }
        above += tail(pmf, Math.max(hi, max) + 1, 1);
        bins.add(new double[] {above * n, 0});
        for (long s : samples) {
            int b = s <= lo ? 0 : s >= hi ? bins.size() - 1 : (int) (s - lo);
            bins.get(b)[1]++;
        }
        double chi = 0;
        int used = 0;
        for (double[] bin : bins) {
            if (bin[0] == 0) {
                if (bin[1] > 0) {
                    return new Fit(Double.POSITIVE_INFINITY, 0, 0);    // a value the pmf says never occurs
                }
                continue;
            }
            double d = bin[1] - bin[0];
            chi += d * d / bin[0];
            used++;
        }
        int df = used - 1;
        return new Fit(chi, chiSquareCritical(df), df);
    }

    private static double tail(LongToDoubleFunction pmf, long from, int step) {
        double sum = 0;
        for (long x = from + step, i = 0; i < 10_000; x += step, i++) {
            double p = pmf.applyAsDouble(x);
            sum += p;
            if (p < 1e-300) {
                break;
            }
        }
        return sum;
    }

    /** Wilson-Hilferty's upper 10⁻⁴ quantile of chi-square with df degrees of freedom. */
    static double chiSquareCritical(int df) {
        double c = 2.0 / (9 * df);
        double r = 1 - c + Z_1E4 * Math.sqrt(c);
        return df * r * r * r;
    }

    /** Kolmogorov-Smirnov: the largest gap between the empirical and the exact cdf, at every value. */
    static Fit kolmogorovSmirnov(long[] samples, LongToDoubleFunction pmf) {
        long[] sorted = samples.clone();
        java.util.Arrays.sort(sorted);
        long from = sorted[0];
        long to = sorted[sorted.length - 1];
        double cdf = 0;
        for (long x = from - 1, i = 0; i < 100_000; x--, i++) {
            cdf += pmf.applyAsDouble(x);
        }
        int n = sorted.length;
        int seen = 0;
        double gap = 0;
        for (long x = from; x <= to; x++) {
            cdf += pmf.applyAsDouble(x);
            while (seen < n && sorted[seen] <= x) {
                seen++;
            }
            gap = Math.max(gap, Math.abs((double) seen / n - cdf));
        }
        // discrete distributions make this conservative
        return new Fit(gap, KS_C_1E4 / Math.sqrt(n), 0);
    }
}
