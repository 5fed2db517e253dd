package org.privacykit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.privacykit.dataset.Dataset;
import org.privacykit.dataset.RiskReport;
import org.privacykit.dataset.risk.PopulationUniqueness;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code privacy risk}: re-identification risk of a CSV file's quasi-identifiers. */
@Command(name = "risk", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Prints the re-identification risk of a CSV file: classes, k, distinct ℓ, prosecutor and "
                + "marketer risk, unique rows, and population uniqueness estimates when the sampling fraction is "
                + "given.")
final class RiskCommand implements Callable<Integer> {
    /** The risk threshold reported by default: a one-in-five chance of being picked out. */
    private static final double DEFAULT_THRESHOLD = 0.2;

    @ParentCommand
    @SuppressWarnings("NullAway.Init") // injected by picocli
    private PrivacyCli root;

    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private TableOptions table = new TableOptions();

    @Option(names = "--sampling-fraction", paramLabel = "SHARE", description = "The share of the population the "
            + "file holds, from 0 to 1: adds Pitman, Zayatz, SNB and Dankar population uniqueness.")
    private @Nullable Double samplingFraction;

    @Option(names = "--threshold", paramLabel = "RISK", defaultValue = "0.2", description = "Counts the rows whose "
            + "prosecutor risk exceeds RISK (default: ${DEFAULT-VALUE}).")
    private double threshold = DEFAULT_THRESHOLD;

    @Override
    public Integer call() throws IOException {
        Dataset data = table.read(root);
        RiskReport risk = data.risk();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "rows                        %,d%n", risk.rows());
        out.printf(Locale.ROOT, "equivalence classes         %,d%n", risk.equivalenceClasses());
        out.printf(Locale.ROOT, "k (smallest class)          %d%n", risk.k());
        if (risk.l().isPresent()) {
            out.printf(Locale.ROOT, "distinct l                  %d%n", risk.l().getAsInt());
        }
        out.printf(Locale.ROOT, "unique rows                 %,d (%.2f%%)%n", risk.uniqueRows(), 100 * risk.uniqueShare());
        out.printf(Locale.ROOT, "prosecutor risk, highest    %.6f%n", risk.highestProsecutorRisk());
        out.printf(Locale.ROOT, "prosecutor risk, average    %.6f%n", risk.averageProsecutorRisk());
        out.printf(Locale.ROOT, "rows above risk %.2f        %.2f%%%n", threshold,
                100 * risk.prosecutorRowsAtRisk(threshold));
        out.printf(Locale.ROOT, "marketer risk               %.6f%n", risk.marketerRisk());
        if (samplingFraction != null) {
            PopulationUniqueness u = PopulationUniqueness.ofFraction(risk, samplingFraction);
            out.printf(Locale.ROOT, "population uniqueness       Pitman %s, Zayatz %s, SNB %s%n", estimate(u.pitman()),
                    estimate(u.zayatz()), estimate(u.snb()));
            out.printf(Locale.ROOT, "Dankar's choice             %s: %s%n", u.dankarModel(), estimate(u.dankar()));
        }
        out.flush();
        return PrivacyCli.OK;
    }

    /** An estimate, or {@code n/a} where the model has none (too few classes to fit it). */
    private static String estimate(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.6f", value);
    }
}
