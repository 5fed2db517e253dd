package org.privacykit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.privacykit.dataset.AnonymizedDataset;
import org.privacykit.dataset.Dataset;
import org.privacykit.dataset.GlobalRecoding;
import org.privacykit.dataset.Mondrian;
import org.privacykit.dataset.RecodingBuilder;
import org.privacykit.dataset.io.CsvWriter;
import org.privacykit.dataset.model.PrivacyModel;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code privacy anonymize}: a k-anonymous (ℓ-diverse, t-close) release of a CSV file. */
@Command(name = "anonymize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a k-anonymous release of a CSV file with the same header: a generalized cell holds a "
                + "label of its column's hierarchy (or a range, a set, *), a suppressed row holds * in every "
                + "quasi-identifier.", "Prints a summary on standard error."})
final class AnonymizeCommand implements Callable<Integer> {
    /** How the release is searched. */
    enum Method {
        /** Mondrian local recoding: each class generalized on its own. */
        local,
        /** Global recoding: one hierarchy level per column, with a suppression budget. */
        global
    }

    @ParentCommand
    @SuppressWarnings("NullAway.Init") // injected by picocli
    private PrivacyCli root;

    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private TableOptions table = new TableOptions();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the release "
            + "(default: standard output).")
    private @Nullable Path output;

    @Option(names = "--k", paramLabel = "K", defaultValue = "5", description = "Every class holds at least K rows "
            + "(default: ${DEFAULT-VALUE}).")
    private int k = 5;

    @Option(names = "--l", paramLabel = "L", description = "Distinct ℓ-diversity of the sensitive attribute.")
    private @Nullable Integer l;

    @Option(names = "--t", paramLabel = "T", description = "t-closeness of the sensitive attribute, from 0 to 1.")
    private @Nullable Double t;

    @Option(names = "--suppression", paramLabel = "SHARE", defaultValue = "0", description = "The largest share of "
            + "rows global recoding may suppress, such as 0.05 (default: ${DEFAULT-VALUE}).")
    private double suppression;

    @Option(names = "--method", paramLabel = "local|global", defaultValue = "local", description = "local "
            + "(Mondrian) or global recoding (default: ${DEFAULT-VALUE}).")
    private Method method = Method.local;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if ((l != null || t != null) && !table.hasSensitive()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--l and --t need --sensitive");
        }
        if (method == Method.local && suppression != 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--suppression applies to --method global");
        }
        long start = System.nanoTime();
        Dataset data = table.read(root);
        err.printf(Locale.ROOT, "read %,d rows, %d columns in %d ms%n", data.size(), data.columns().size(),
                millisSince(start));
        err.flush();
        long anonymizing = System.nanoTime();
        AnonymizedDataset release = switch (method) {
            case local -> {
                Mondrian.Builder b = Mondrian.builder().k(k);
                addModels(b);
                yield b.build().anonymize(data);
            }
            case global -> {
                GlobalRecoding.Builder b = GlobalRecoding.builder().k(k).suppressionLimit(suppression);
                addModels(b);
                yield b.build().anonymize(data);
            }
        };
        long took = millisSince(anonymizing);
        CsvWriter writer = CsvWriter.builder().delimiter(table.delimiter()).suppressedRows(true).build();
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            writer.write(release, out);
            out.flush();
        } else {
            writer.write(release, output);
        }
        err.printf(Locale.ROOT, "%s, k = %d: %,d classes, %,d rows suppressed (%.2f%%), information loss (NCP) %.4f, "
                + "%d ms%n", method == Method.local ? "local recoding" : "global recoding", k,
                release.equivalenceClasses(), release.suppressedRows(), 100 * release.suppressedShare(),
                release.informationLoss(), took);
        if (!release.generalizationLevels().isEmpty()) {
            err.println("levels " + release.generalizationLevels());
        }
        err.flush();
        return PrivacyCli.OK;
    }

    private void addModels(RecodingBuilder<?> builder) {
        if (l != null) {
            builder.l(l);
        }
        if (t != null) {
            builder.model(PrivacyModel.tCloseness(t));
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
