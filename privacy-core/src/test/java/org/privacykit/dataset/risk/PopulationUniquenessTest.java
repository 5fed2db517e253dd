package org.privacykit.dataset.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.privacykit.dataset.AdultData;
import org.privacykit.dataset.Dataset;
import org.privacykit.dataset.RiskReport;

class PopulationUniquenessTest {

    @Test
    void adult_withArxsUsPopulation_givesArxsFigures() {
        RiskReport risk = AdultData.dataset(false).risk();
        PopulationUniqueness unique = PopulationUniqueness.of(risk, PopulationUniqueness.US_POPULATION);
        assertThat(unique.pitman()).isCloseTo(0.0297, within(0.00005));
        assertThat(unique.zayatz()).isCloseTo(0.216, within(0.0005));
        assertThat(unique.dankarModel()).isEqualTo(PopulationUniqueness.Model.PITMAN);
        assertThat(unique.dankar()).isEqualTo(unique.pitman());
        assertThat(unique.sampleUniqueness()).isCloseTo(0.4649, within(0.00005));
        assertThat(unique.toString()).contains("Pitman 2.96");
    }

    /** A sample of classes, size → count, as a risk report. */
    static RiskReport sample(int... sizeAndCount) {
        Dataset.Builder b = Dataset.table("id").quasiIdentifiers("id");
        int id = 0;
        for (int i = 0; i < sizeAndCount.length; i += 2) {
            for (int c = 0; c < sizeAndCount[i + 1]; c++, id++) {
                for (int r = 0; r < sizeAndCount[i]; r++) {
                    b.addRow(id);
                }
            }
        }
        return b.build().risk();
    }

    @Test
    void zayatz_byHand() {
        // 10 classes of 1 and 5 of 2 drawn from 1,000 rows: H2/H1 = 2 (N - n) / (N - 1)
        RiskReport risk = sample(1, 10, 2, 5);
        double weighted = 10 + 5 * 2 * 980.0 / 999;
        double conditional = 10 / weighted;
        double uniques = 10 * conditional / (20 / 1000.0);
        assertThat(PopulationUniqueness.of(risk, 1000).zayatz()).isCloseTo(uniques / 1000, within(1e-12));
    }

    /** A population of shifted negative binomial class sizes, sampled row by row. */
    static double[] simulate(long seed, int classes, double alpha, double beta, double fraction, List<Integer> sizes) {
        SplittableRandom random = new SplittableRandom(seed);
        int populationUniques = 0;
        long populationRows = 0;
        List<Integer> sampleSizes = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            // 1 + NB(alpha, beta) as a Poisson-gamma mixture
            double lambda = gamma(random, alpha) * (1 - beta) / beta;
            int size = 1 + poisson(random, lambda);
            populationRows += size;
            if (size == 1) {
                populationUniques++;
            }
            int seen = 0;
            for (int r = 0; r < size; r++) {
                if (random.nextDouble() < fraction) {
                    seen++;
                }
            }
            if (seen > 0) {
                sampleSizes.add(seen);
            }
        }
        sizes.addAll(sampleSizes);
        return new double[] {populationUniques / (double) populationRows, populationRows};
    }

    private static double gamma(SplittableRandom random, double shape) {
        if (shape < 1) {
            return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = Math.pow(1 + c * x, 3);
            if (v > 0 && Math.log(random.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static int poisson(SplittableRandom random, double lambda) {
        if (lambda > 30) {
            return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * random.nextGaussian()));
        }
        double limit = Math.exp(-lambda);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    static RiskReport fromSizes(List<Integer> sizes) {
        Dataset.Builder b = Dataset.table("id").quasiIdentifiers("id");
        for (int c = 0; c < sizes.size(); c++) {
            for (int r = 0; r < sizes.get(c); r++) {
                b.addRow(c);
            }
        }
        return b.build().risk();
    }

    /**
     * A population drawn from the Pitman process itself (the two-parameter Chinese restaurant process),
     * sampled row by row; returns the population's share of unique rows.
     */
    static double pitmanPopulation(long seed, int rows, double theta, double alpha, double fraction,
                                   List<Integer> sampleSizes) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] tableOf = new int[rows];
        List<Integer> tableSizes = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int tables = tableSizes.size();
            if (i == 0 || random.nextDouble() < (theta + tables * alpha) / (i + theta)) {
                tableOf[i] = tables;
                tableSizes.add(1);
                continue;
            }
            while (true) {
                int t = tableOf[random.nextInt(i)];
                int size = tableSizes.get(t);
                if (random.nextDouble() < (size - alpha) / size) {
                    tableOf[i] = t;
                    tableSizes.set(t, size + 1);
                    break;
                }
            }
        }
        int[] seen = new int[tableSizes.size()];
        for (int i = 0; i < rows; i++) {
            if (random.nextDouble() < fraction) {
                seen[tableOf[i]]++;
            }
        }
        for (int s : seen) {
            if (s > 0) {
                sampleSizes.add(s);
            }
        }
        return tableSizes.stream().filter(s -> s == 1).count() / (double) rows;
    }

    @Test
    void pitman_recoversTheUniquesOfAPitmanPopulation_fromAFivePercentSample() {
        List<Integer> sizes = new ArrayList<>();
        double truth = pitmanPopulation(2001, 400_000, 2000, 0.6, 0.05, sizes);
        RiskReport risk = fromSizes(sizes);
        PopulationUniqueness unique = PopulationUniqueness.of(risk, 400_000);
        assertThat(unique.dankarModel()).isEqualTo(PopulationUniqueness.Model.PITMAN);
        assertThat(unique.pitman()).isCloseTo(truth, within(truth * 0.1));
    }

    @Test
    void snb_recoversTheUniquesOfAnSnbPopulation_fromAHalfSample() {
        List<Integer> sizes = new ArrayList<>();
        double[] truth = simulate(2012, 40_000, 0.8, 0.35, 0.5, sizes);
        PopulationUniqueness unique = PopulationUniqueness.of(fromSizes(sizes), (long) truth[1]);
        assertThat(unique.snb()).isCloseTo(truth[0], within(truth[0] * 0.1));
        assertThat(unique.dankarModel()).isEqualTo(PopulationUniqueness.Model.SNB);
        assertThat(unique.dankar()).isEqualTo(Math.min(unique.snb(), unique.zayatz()));
    }

    @Test
    void noSampleUniques_meansNoPopulationUniques_andBadInputIsRefused() {
        PopulationUniqueness none = PopulationUniqueness.ofFraction(sample(2, 5, 3, 2), 0.5);
        assertThat(none.pitman()).isZero();
        assertThat(none.zayatz()).isZero();
        assertThat(none.snb()).isZero();
        assertThat(none.dankar()).isZero();
        assertThatThrownBy(() -> PopulationUniqueness.ofFraction(sample(1, 3), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PopulationUniqueness.of(sample(1, 3), 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
