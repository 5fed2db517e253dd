package org.privacykit.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.privacykit.dataset.AnonymizedDataset;
import org.privacykit.dataset.Dataset;
import org.privacykit.dataset.EquivalenceClass;
import org.privacykit.dataset.GlobalRecoding;
import org.privacykit.dataset.Mondrian;
import org.privacykit.dataset.RiskReport;
import org.privacykit.dataset.UtilityReport;
import org.privacykit.dataset.hierarchy.Hierarchy;
import org.privacykit.dataset.io.CsvReader;
import org.privacykit.dataset.io.CsvWriter;
import org.privacykit.dataset.model.PrivacyModel;
import org.privacykit.dataset.risk.PopulationUniqueness;

/**
 * Dataset anonymization on the real UCI Adult data (30,162 rows): its risk, then a release by local
 * recoding within generalization hierarchies, one by global recoding with a 5% suppression budget,
 * and one under t-closeness, each with its time, information loss and suppressed rows. The data is
 * read from {@code ../shared/data/adult/adult.csv} beside the project (never copied into it), the
 * hierarchies from {@code examples/adult/}; without the data the section says so and is skipped.
 */
public final class DatasetDemo {
    static final String[] QUASI_IDENTIFIERS = {"age", "workclass", "education", "marital-status", "occupation",
        "race", "sex", "native-country"};
    static final String SENSITIVE = "salary-class";
    private static final double NANOS_PER_MILLI = 1e6;

    private DatasetDemo() {
    }

    /**
     * Runs the demo.
     *
     * @param out where to print
     */
    public static void run(PrintStream out) {
        Path root = projectRoot();
        Optional<Path> file = adultFile(root);
        if (file.isEmpty()) {
            out.println("   (the UCI Adult data is not at ../shared/data/adult/adult.csv beside the project: skipped)");
            return;
        }
        Dataset adult = read(file.get(), root);

        out.println("-- the UCI Adult data: " + adult);
        RiskReport risk = adult.risk();
        out.println("   risk of the original: " + risk);
        out.println("   population uniques (US population): "
                + PopulationUniqueness.of(risk, PopulationUniqueness.US_POPULATION));

        out.println();
        out.println("-- local recoding (Mondrian) within the hierarchies, k = 5:");
        AnonymizedDataset local = timed(out, () -> Mondrian.builder().k(5).build().anonymize(adult));
        EquivalenceClass first = local.classes().get(0);
        out.println("   first class: " + first.generalization().values() + ", " + first.size() + " rows, salaries "
                + first.sensitiveValues().get(SENSITIVE));

        out.println();
        out.println("-- global recoding, k = 5, at most 5% of rows suppressed:");
        AnonymizedDataset global = timed(out, () -> GlobalRecoding.builder().k(5).suppressionLimit(0.05).build()
                .anonymize(adult));
        out.println("   hierarchy levels chosen: " + global.generalizationLevels());

        out.println();
        out.println("-- t-closeness 0.2 on salary-class (k = 5), local recoding:");
        AnonymizedDataset close = timed(out, () -> Mondrian.builder().k(5).model(PrivacyModel.tCloseness(0.2))
                .build().anonymize(adult));
        out.println("   " + close.check(PrivacyModel.tCloseness(0.2), PrivacyModel.entropyLDiversity(1.5)));

        out.println();
        out.println("-- the two k = 5 releases compared (local, global, change):");
        for (UtilityReport.Difference d : local.utility().compare(global.utility())) {
            out.println("   " + d);
        }

        out.println();
        out.println("-- the global release as CSV, suppressed rows kept as *:");
        StringWriter csv = new StringWriter();
        try {
            CsvWriter.builder().delimiter(';').suppressedRows(true).build().write(global, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        csv.toString().lines().limit(4).forEach(line -> out.println("   " + line));
    }

    private static AnonymizedDataset timed(PrintStream out, Supplier<AnonymizedDataset> release) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        AnonymizedDataset result = release.get();
        double millis = (threads.getCurrentThreadCpuTime() - start) / NANOS_PER_MILLI;
        out.printf(Locale.ROOT, "   %.0f ms of CPU (first run, cold JVM): NCP %.4f (of the values classes hold"
                + " %.4f), %,d classes, %,d rows suppressed%n", millis, result.informationLoss(),
                result.utility().ncpOfHeldValues(), result.equivalenceClasses(), result.suppressedRows());
        return result;
    }

    static Dataset read(Path file, Path root) {
        try {
            Dataset.Builder b = CsvReader.builder().delimiter(';').build().read(file)
                    .quasiIdentifiers(QUASI_IDENTIFIERS).sensitiveAttribute(SENSITIVE);
            for (String qi : QUASI_IDENTIFIERS) {
                b.hierarchy(qi, Hierarchy.fromCsv(root.resolve("examples/adult/hierarchy-" + qi + ".csv")));
            }
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The nearest directory above the working directory holding {@code mvnw}. */
    static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run the demo from the project: no mvnw above " + Path.of("").toAbsolutePath());
    }

    /** {@code shared/data/adult/adult.csv} beside the project, or one level further up. */
    static Optional<Path> adultFile(Path root) {
        Path dir = root.getParent();
        for (int up = 0; up < 2 && dir != null; up++, dir = dir.getParent()) {
            Path file = dir.resolve("shared/data/adult/adult.csv");
            if (Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }
}
