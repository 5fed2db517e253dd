package org.privacykit.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.privacykit.dataset.model.PrivacyModel;

/**
 * Privacy models checked on a table: for each model, whether every equivalence class meets it,
 * how many classes and rows do not, and the lowest and highest figure a class reached (its size for
 * k-anonymity, its distance for t-closeness, ...). Holds counts and figures only, never a value, so
 * it can be logged. Immutable.
 *
 * <pre>{@code
 * ModelCheck check = release.check(PrivacyModel.entropyLDiversity(2), PrivacyModel.tCloseness(0.2));
 * check.assertSatisfied();          // in a unit test
 * check.results().get(1).highest(); // the largest Earth Mover's Distance of a class
 * }</pre>
 */
public final class ModelCheck {
    private final List<Result> results;

    private ModelCheck(List<Result> results) {
        this.results = List.copyOf(results);
    }

    /**
     * One model's outcome.
     *
     * @param model the model
     * @param failingClasses classes that do not meet it
     * @param failingRows rows in those classes
     * @param lowest the lowest figure a class reached
     * @param highest the highest figure a class reached
     */
    public record Result(PrivacyModel model, int failingClasses, int failingRows, double lowest, double highest) {
        /**
         * Tells whether every class meets the model.
         *
         * @return {@code true} when no class fails
         */
        public boolean satisfied() {
            return failingClasses == 0;
        }

        @Override
        public String toString() {
            return model + ": " + (satisfied() ? "satisfied" : failingClasses + " classes (" + failingRows
                    + " rows) fail") + String.format(Locale.ROOT, ", figures from %.4g to %.4g", lowest, highest);
        }
    }

    static ModelCheck of(Dataset data, List<PrivacyModel> models) {
        ModelSet set = new ModelSet(data, models);
        int[] qis = data.quasiIdentifierIndexes();
        int[][] columns = new int[qis.length][];
        for (int i = 0; i < qis.length; i++) {
            columns[i] = data.codes(qis[i]);
        }
        Grouping grouping = Grouping.of(data.size(), columns);
        int @Nullable [] population = set.needsPopulation ? PopulationMatch.exact(data, grouping) : null;
        return evaluate(set, grouping.classOf, grouping.classes, population);
    }

    /**
     * Checks every class of a table.
     *
     * @param classOf each row's class, or -1 for rows left out (suppressed)
     * @param population population rows matching each class, or {@code null}
     */
    static ModelCheck evaluate(ModelSet set, int[] classOf, int classes, int @Nullable [] population) {
        int[][] members = members(classOf, classes);
        ClassStats stats = set.newStats();
        int models = set.models.size();
        int[] failingClasses = new int[models];
        int[] failingRows = new int[models];
        double[] lowest = new double[models];
        double[] highest = new double[models];
        java.util.Arrays.fill(lowest, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(highest, Double.NEGATIVE_INFINITY);
        for (int c = 0; c < classes; c++) {
            set.collect(members[c], 0, members[c].length, stats);
            stats.population = population == null ? 0 : population[c];
            for (int i = 0; i < models; i++) {
                double figure = set.measure(i, stats);
                lowest[i] = Math.min(lowest[i], figure);
                highest[i] = Math.max(highest[i], figure);
                if (!set.accepts(i, stats)) {
                    failingClasses[i]++;
                    failingRows[i] += stats.size;
                }
            }
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < models; i++) {
            results.add(new Result(set.models.get(i), failingClasses[i], failingRows[i],
                    classes == 0 ? 0 : lowest[i], classes == 0 ? 0 : highest[i]));
        }
        return new ModelCheck(results);
    }

    static int[][] members(int[] classOf, int classes) {
        int[] sizes = new int[classes];
        for (int c : classOf) {
            if (c >= 0) {
                sizes[c]++;
            }
        }
        int[][] members = new int[classes][];
        for (int c = 0; c < classes; c++) {
            members[c] = new int[sizes[c]];
        }
        int[] fill = new int[classes];
        for (int r = 0; r < classOf.length; r++) {
            int c = classOf[r];
            if (c >= 0) {
                members[c][fill[c]++] = r;
            }
        }
        return members;
    }

    /**
     * Returns the outcome of each model, in the order given.
     *
     * @return an unmodifiable list
     */
    public List<Result> results() {
        return results;
    }

    /**
     * Returns the outcome of one model.
     *
     * @param model a model that was checked
     * @return its result
     * @throws IllegalArgumentException when the model was not checked
     */
    public Result result(PrivacyModel model) {
        Objects.requireNonNull(model, "model");
        return results.stream().filter(r -> r.model().equals(model)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(model + " was not checked"));
    }

    /**
     * Tells whether every model is met.
     *
     * @return {@code true} when no class fails any model
     */
    public boolean satisfied() {
        return results.stream().allMatch(Result::satisfied);
    }

    /**
     * Fails when a model is not met, for a unit test.
     *
     * @throws AssertionError listing each model with its failing classes and rows (never a value)
     */
    public void assertSatisfied() {
        if (!satisfied()) {
            throw new AssertionError("privacy models not met: " + this);
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("ModelCheck[");
        for (int i = 0; i < results.size(); i++) {
            out.append(i == 0 ? "" : "; ").append(results.get(i));
        }
        return out.append(']').toString();
    }
}
