package org.privacykit.dataset.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import java.util.function.LongToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The samplers against their exact distributions, from fixed seeds: chi-square and
 * Kolmogorov-Smirnov at a significance of 10⁻⁴ (see {@link Distributions}), and the same tests
 * rejecting a distribution 5% off, so they can fail.
 */
class DiscreteSamplerTest {
    private static final int SAMPLES = 200_000;

    private static DiscreteSampler seeded(long seed) {
        return DiscreteSampler.withRandom(new SplittableRandom(seed));
    }

    private static long[] draw(LongSupplier sampler) {
        long[] out = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            out[i] = sampler.getAsLong();
        }
        return out;
    }

    private static void assertFits(long[] samples, LongToDoubleFunction pmf) {
        Distributions.Fit chi = Distributions.chiSquare(samples, pmf);
        assertThat(chi.accepted()).as("chi-square %s", chi).isTrue();
        Distributions.Fit ks = Distributions.kolmogorovSmirnov(samples, pmf);
        assertThat(ks.accepted()).as("Kolmogorov-Smirnov %s", ks).isTrue();
    }

    @ParameterizedTest(name = "scale {1}/{0}")
    @CsvSource({"1, 1", "2, 3", "3, 1", "1, 10", "7, 50", "1000000000, 3000000000"})
    void laplaceHasTheExactDistribution(long s, long t) {
        DiscreteSampler sampler = seeded(s * 31 + t);
        assertFits(draw(() -> sampler.laplace(s, t)), Distributions.laplacePmf(s, t));
    }

    @ParameterizedTest(name = "σ² = {0}/{1}")
    @CsvSource({"1, 3", "1, 1", "4, 1", "25, 2", "400, 1", "1000000001, 10000000"})
    void gaussianHasTheExactDistribution(long n, long d) {
        DiscreteSampler sampler = seeded(n * 17 + d);
        assertFits(draw(() -> sampler.gaussian(n, d)), Distributions.gaussianPmf((double) n / d));
    }

    @Test
    void theTestsRejectADistributionFivePercentOff() {
        DiscreteSampler sampler = seeded(5);
        long[] laplace = draw(() -> sampler.laplace(1, 4));
        assertThat(Distributions.chiSquare(laplace, Distributions.laplacePmf(100, 420)).accepted()).isFalse();
        long[] gaussian = draw(() -> sampler.gaussian(9, 1));
        assertThat(Distributions.chiSquare(gaussian, Distributions.gaussianPmf(9 * 1.05)).accepted()).isFalse();
        assertThat(Distributions.kolmogorovSmirnov(gaussian, x -> Distributions.gaussianPmf(9).applyAsDouble(x - 1))
                .accepted()).isFalse();
    }

    @ParameterizedTest(name = "exp(-{0}/{1})")
    @CsvSource({"0, 1", "1, 3", "1, 1", "5, 2", "7, 1"})
    void bernoulliExpHasProbabilityExpMinusGamma(long num, long den) {
        DiscreteSampler sampler = seeded(num * 101 + den);
        int n = SAMPLES;
        int hits = 0;
        for (int i = 0; i < n; i++) {
            hits += sampler.bernoulliExp(num, den) ? 1 : 0;
        }
        double p = Math.exp(-(double) num / den);
        // chi-square with one degree of freedom over the two outcomes
        double chi = sq(hits - n * p) / (n * p) + (p < 1 ? sq(n - hits - n * (1 - p)) / (n * (1 - p)) : 0);
        if (p == 1) {
            assertThat(hits).isEqualTo(n);
        } else {
            assertThat(chi).isLessThan(Distributions.chiSquareCritical(1));
        }
    }

    @Test
    void uniformIsUnbiasedForBoundsThatAreNotPowersOfTwo() {
        DiscreteSampler sampler = seeded(11);
        long[] samples = draw(() -> sampler.uniform(3));
        assertThat(java.util.Arrays.stream(samples).allMatch(x -> x >= 0 && x <= 2)).isTrue();
        assertFits(samples, x -> x >= 0 && x < 3 ? 1.0 / 3 : 0);
        assertThat(sampler.uniform(1)).isZero();
        long big = (1L << 62) + 1;
        for (int i = 0; i < 1000; i++) {
            assertThat(sampler.uniform(big)).isBetween(0L, big - 1);
        }
    }

    @Test
    void samplesAreSymmetricAroundZero() {
        DiscreteSampler sampler = seeded(3);
        long positive = 0;
        long negative = 0;
        for (int i = 0; i < SAMPLES; i++) {
            long x = sampler.gaussian(2, 1);
            positive += x > 0 ? 1 : 0;
            negative += x < 0 ? 1 : 0;
        }
        // sign test: |P - N| / sqrt(P + N) is a standard normal under symmetry
        assertThat(Math.abs(positive - negative) / Math.sqrt(positive + negative)).isLessThan(Distributions.Z_1E4);
    }

    @Test
    void refusesParametersThatAreNotPositive() {
        DiscreteSampler sampler = DiscreteSampler.secure();
        assertThatThrownBy(() -> sampler.laplace(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive s and t; got s = 0, t = 1");
        assertThatThrownBy(() -> sampler.laplace(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sampler.gaussian(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("σ² = n/d");
        assertThatThrownBy(() -> sampler.gaussian(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sampler.uniform(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSecureSamplerDrawsFromSecureRandom() {
        DiscreteSampler sampler = DiscreteSampler.secure();
        long[] samples = new long[2000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = sampler.laplace(1, 2);
        }
        assertThat(java.util.Arrays.stream(samples).distinct().count()).isGreaterThan(3);
        assertThat(sampler.toString()).isEqualTo("DiscreteSampler");
    }

    private static double sq(double x) {
        return x * x;
    }
}
