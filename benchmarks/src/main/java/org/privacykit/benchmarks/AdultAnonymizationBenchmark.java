package org.privacykit.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

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
import org.privacykit.dataset.AnonymizedDataset;
import org.privacykit.dataset.Dataset;
import org.privacykit.dataset.GlobalRecoding;
import org.privacykit.dataset.Mondrian;
import org.privacykit.dataset.RiskReport;
import org.privacykit.dataset.hierarchy.Hierarchy;
import org.privacykit.dataset.io.CsvReader;
import org.privacykit.dataset.model.PrivacyModel;
import org.privacykit.dataset.risk.PopulationUniqueness;

/**
 * The releases of the README on the real UCI Adult data (30,162 rows, the 8 usual quasi-identifiers,
 * salary-class sensitive), read from {@code ../shared/data/adult/adult.csv} beside the project (or
 * {@code -Dadult.csv=FILE}) with the hierarchies in {@code examples/adult}:
 * <ul>
 *   <li>local recoding (Mondrian) at k = 5 with the hierarchies, and without them as the anchor it is
 *       measured beside (the Mondrian that published alphabetical sets);</li>
 *   <li>global recoding at k = 5 with at most 5% of rows suppressed;</li>
 *   <li>t-closeness 0.2 (equal distance) with k = 5, locally and globally;</li>
 *   <li>the risk of the original data, with population uniqueness for the US population.</li>
 * </ul>
 * ARX, the reference tool, is not on Maven Central and so cannot run in this JMH run; its CPU times on
 * the same data and machine kind are printed beside ours, with the ratio, by the tear-down, which also
 * prints the information loss (NCP), classes and suppressed rows of every release.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class AdultAnonymizationBenchmark {
    static final String[] QUASI_IDENTIFIERS = {"age", "workclass", "education", "marital-status", "occupation",
        "race", "sex", "native-country"};
    static final String SENSITIVE = "salary-class";
    /** ARX 3.9 on the same data and machine kind (2026-12-03, 2-core AMD EPYC, JDK 17), CPU ms. */
    static final double ARX_GLOBAL_K5_MS = 478;
    static final double ARX_LOCAL_K5_MS = 1_800;
    /** Runs timed by CPU after the measurement. */
    private static final int CPU_RUNS = 5;

    private Dataset plain;
    private Dataset withHierarchies;
    private final Mondrian localK5 = Mondrian.builder().k(5).build();
    private final GlobalRecoding globalK5 = GlobalRecoding.builder().k(5).suppressionLimit(0.05).build();
    private final Mondrian localTClose = Mondrian.builder().k(5).model(PrivacyModel.tCloseness(0.2)).build();
    private final GlobalRecoding globalTClose = GlobalRecoding.builder().k(5).suppressionLimit(0.05)
            .model(PrivacyModel.tCloseness(0.2)).build();

    /** Reads the data once, with and without hierarchies. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path root = projectRoot();
        Path file = adultFile(root);
        plain = read(file).build();
        Dataset.Builder b = read(file);
        for (String qi : QUASI_IDENTIFIERS) {
            b.hierarchy(qi, Hierarchy.fromCsv(root.resolve("examples/adult/hierarchy-" + qi + ".csv")));
        }
        withHierarchies = b.build();
    }

    private static Dataset.Builder read(Path file) throws IOException {
        return CsvReader.builder().delimiter(';').build().read(file).quasiIdentifiers(QUASI_IDENTIFIERS)
                .sensitiveAttribute(SENSITIVE);
    }

    /** @return Mondrian at k = 5 within the hierarchies */
    @Benchmark
    public AnonymizedDataset localK5Hierarchies() {
        return localK5.anonymize(withHierarchies);
    }

    /** @return the anchor: Mondrian at k = 5 without hierarchies (ranges and value sets) */
    @Benchmark
    public AnonymizedDataset localK5NoHierarchies() {
        return localK5.anonymize(plain);
    }

    /** @return global recoding at k = 5, at most 5% suppressed */
    @Benchmark
    public AnonymizedDataset globalK5Suppression5() {
        return globalK5.anonymize(withHierarchies);
    }

    /** @return Mondrian at k = 5 and 0.2-closeness, within the hierarchies */
    @Benchmark
    public AnonymizedDataset localTCloseness02() {
        return localTClose.anonymize(withHierarchies);
    }

    /** @return global recoding at k = 5 and 0.2-closeness, at most 5% suppressed */
    @Benchmark
    public AnonymizedDataset globalTCloseness02() {
        return globalTClose.anonymize(withHierarchies);
    }

    /** @return the risk of the original data and its population uniqueness (US population) */
    @Benchmark
    public PopulationUniqueness riskOfTheOriginal() {
        return PopulationUniqueness.of(plain.risk(), PopulationUniqueness.US_POPULATION);
    }

    /**
     * Prints what each release cost, beside ARX's figures, with the CPU time of the anonymizing thread
     * over a few more runs (ARX's figures are CPU times too; on a busy host they move less than the
     * scores).
     */
    @TearDown(Level.Trial)
    public void report() {
        RiskReport risk = plain.risk();
        System.out.printf(Locale.ROOT, "%noriginal: %s%n  %s%n", risk,
                PopulationUniqueness.of(risk, PopulationUniqueness.US_POPULATION));
        print("local k=5, hierarchies", this::localK5Hierarchies, ARX_LOCAL_K5_MS);
        print("local k=5, no hierarchies", this::localK5NoHierarchies, 0);
        print("global k=5, 5% suppression", this::globalK5Suppression5, ARX_GLOBAL_K5_MS);
        print("local k=5, t=0.2", this::localTCloseness02, 0);
        print("global k=5, t=0.2, 5%", this::globalTCloseness02, 0);
    }

    private static void print(String name, Supplier<AnonymizedDataset> anonymize, double arxMillis) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AnonymizedDataset release = null;
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < CPU_RUNS; i++) {
            release = anonymize.get();
        }
        double cpuMillis = (threads.getCurrentThreadCpuTime() - start) / 1e6 / CPU_RUNS;
        System.out.printf(Locale.ROOT, "%-28s %6.1f ms CPU; NCP %.4f (held values %.4f), %,d classes, %,d rows"
                + " suppressed%s%n", name, cpuMillis, release.informationLoss(), release.utility().ncpOfHeldValues(),
                release.equivalenceClasses(), release.suppressedRows(), arxMillis > 0
                        ? String.format(Locale.ROOT, "; ARX %.0f ms CPU, ratio %.2fx", arxMillis, cpuMillis / arxMillis)
                        : "");
    }

    /** The nearest directory above the working directory holding {@code mvnw}. */
    static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from the project: no mvnw above " + Path.of("").toAbsolutePath());
    }

    /** {@code -Dadult.csv}, else {@code shared/data/adult/adult.csv} one or two levels above the project. */
    static Path adultFile(Path root) {
        String property = System.getProperty("adult.csv");
        if (property != null) {
            return Path.of(property);
        }
        Path dir = root.getParent();
        for (int up = 0; up < 2 && dir != null; up++, dir = dir.getParent()) {
            Path file = dir.resolve("shared/data/adult/adult.csv");
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new IllegalStateException("the UCI Adult data is not at ../shared/data/adult/adult.csv beside the"
                + " project; give it with -Dadult.csv=FILE");
    }
}
