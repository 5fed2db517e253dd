package org.privacykit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.privacykit.dataset.Dataset;
import org.privacykit.dataset.dp.Noise;
import org.privacykit.dataset.dp.PrivacyAccountant;
import org.privacykit.dataset.dp.PrivateAggregates;
import org.privacykit.dataset.io.CsvReader;

/**
 * A differentially private histogram of {@code education} (16 categories) on the UCI Adult data
 * (30,162 rows), one subject per row, beside two anchors in the same run: the exact histogram
 * computed the same way (what privacy costs in time), and the textbook floating-point Laplace
 * mechanism (a double drawn by inverse transform, open to Mironov's attack: what exactness costs).
 * Each invocation charges a fresh budget, so the figures include the accountant.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class DpHistogramBenchmark {
    /** ε of the Laplace histograms; ρ of the Gaussian one gives about the same error. */
    private static final double EPSILON = 0.1;
    private static final double RHO = 0.005;
    private static final String COLUMN = "education";

    private Dataset adult;
    private List<String> levels;
    private final SecureRandom random = new SecureRandom();

    /** Reads the data and the education levels (the first field of each hierarchy line). */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path root = AdultAnonymizationBenchmark.projectRoot();
        adult = CsvReader.builder().delimiter(';').build().read(AdultAnonymizationBenchmark.adultFile(root))
                .quasiIdentifiers(AdultAnonymizationBenchmark.QUASI_IDENTIFIERS).build();
        levels = Files.readAllLines(root.resolve("examples/adult/hierarchy-" + COLUMN + ".csv")).stream()
                .filter(line -> !line.isBlank()).map(line -> line.substring(0, line.indexOf(';'))).toList();
    }

    /** @return the histogram with discrete Laplace noise, ε = 0.1, under a basic budget */
    @Benchmark
    public Map<String, Long> discreteLaplace() {
        return PrivateAggregates.builder(adult, PrivacyAccountant.basic(1)).build().histogram(COLUMN, levels,
                Noise.laplace(EPSILON));
    }

    /** @return the histogram with discrete Gaussian noise, ρ = 0.005, under a zCDP budget */
    @Benchmark
    public Map<String, Long> discreteGaussian() {
        return PrivateAggregates.builder(adult, PrivacyAccountant.zcdp(1, 1e-6)).build().histogram(COLUMN, levels,
                Noise.gaussian(RHO));
    }

    /** @return anchor: the exact histogram, no noise */
    @Benchmark
    public Map<String, Long> exactAnchor() {
        return exact();
    }

    /** @return anchor: the textbook floating-point Laplace mechanism (insecure, for comparison only) */
    @Benchmark
    public Map<String, Double> floatingPointLaplaceAnchor() {
        Map<String, Long> exact = exact();
        Map<String, Double> out = new HashMap<>();
        double scale = 1 / EPSILON;
        for (Map.Entry<String, Long> e : exact.entrySet()) {
            double u = random.nextDouble() - 0.5;
            out.put(e.getKey(), e.getValue() - scale * Math.signum(u) * Math.log(1 - 2 * Math.abs(u)));
        }
        return out;
    }

    private Map<String, Long> exact() {
        Map<String, Long> counts = new HashMap<>();
        for (String level : levels) {
            counts.put(level, 0L);
        }
        for (int row = 0; row < adult.size(); row++) {
            Object value = adult.value(row, COLUMN);
            if (value != null) {
                counts.computeIfPresent(value.toString(), (k, n) -> n + 1);
            }
        }
        return counts;
    }

    /** Prints one noisy histogram beside the exact one, and the largest error. */
    @TearDown(Level.Trial)
    public void report() {
        Map<String, Long> exact = exact();
        Map<String, Long> noisy = discreteGaussian();
        long worst = 0;
        for (String level : levels) {
            worst = Math.max(worst, Math.abs(noisy.get(level) - exact.get(level)));
        }
        System.out.printf(Locale.ROOT, "%neducation, %d categories, %,d rows; Gaussian ρ = %s: largest error %d%n",
                levels.size(), adult.size(), RHO, worst);
    }
}
