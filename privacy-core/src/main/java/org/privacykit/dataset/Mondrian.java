package org.privacykit.dataset;

import com.google.errorprone.annotations.CheckReturnValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.privacykit.dataset.hierarchy.Generalized;
import org.privacykit.dataset.model.PrivacyModel;

/**
 * Local recoding by Mondrian multidimensional partitioning (LeFevre, DeWitt and Ramakrishnan, ICDE
 * 2006), within the quasi-identifiers' hierarchies: rows are split recursively while both halves
 * meet every privacy model, and each final partition becomes one equivalence class.
 *
 * <ul>
 *   <li>With a hierarchy, a class publishes the lowest node holding its values
 *       ({@code 30-39}, {@code Western Europe}, {@code 941**}), and splits follow the hierarchy: a
 *       partition is cut between two children of that node, so classes never mix branches without
 *       publishing the node above them.</li>
 *   <li>Without one, numbers and dates publish their range ({@code 30-37},
 *       {@code 1985-01-03..1985-11-30}) and other values the set held ({@code {Divorced, Widowed}}), or
 *       {@code *} when that is every value.</li>
 *   <li>The cut is the one whose halves hold the least (NCP summed over the quasi-identifiers) among
 *       the valid cuts of the most spread quasi-identifier; when no hierarchy boundary can be cut, the
 *       partition is cut relaxed near its middle, so equal values may fall in two classes.</li>
 *   <li>Partitions that publish the same cells are released as one class, since no reader can tell
 *       them apart.</li>
 *   <li>Rows are suppressed only when the table as a whole cannot meet the models (fewer than k rows,
 *       fewer than ℓ sensitive values, a δ-presence bound out of reach), or when partitions merged into
 *       one class together exceed δ-presence's upper bound.</li>
 * </ul>
 *
 * <p>The release's information loss is measured both over what the classes publish and over the
 * values they hold ({@link AnonymizedDataset#utility()}). Immutable and thread-safe.
 *
 * <pre>{@code
 * AnonymizedDataset release = Mondrian.builder().k(5)
 *         .model(PrivacyModel.tCloseness(0.2))
 *         .build().anonymize(dataset);
 * }</pre>
 */
public final class Mondrian {
    private final int k;
    private final List<PrivacyModel> models;

    private Mondrian(Builder b) {
        this.k = b.k();
        this.models = b.models();
    }

    /**
     * Starts a Mondrian anonymizer.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a release of a dataset that meets every model.
     *
     * @param dataset the rows, their roles and hierarchies
     * @return the generalized rows, classes and what they cost
     * @throws IllegalArgumentException when a model needs a sensitive attribute or population the dataset
     *         lacks, or a value is absent from its column's hierarchy (naming the column and the row)
     */
    @CheckReturnValue
    public AnonymizedDataset anonymize(Dataset dataset) {
        ModelSet set = new ModelSet(dataset, models);
        int[] qiIndexes = dataset.quasiIdentifierIndexes();
        QiColumn[] qis = new QiColumn[qiIndexes.length];
        for (int a = 0; a < qis.length; a++) {
            qis[a] = QiColumn.of(dataset, qiIndexes[a]);
        }
        int n = dataset.size();
        int populationRows = dataset.population().map(Dataset::size).orElse(0);
        List<Partitioner.Part> parts = new Partitioner(qis, set).partition(n, populationRows);
        int[] partOf = new int[n];
        Arrays.fill(partOf, -1);
        Generalized[][] partCells = new Generalized[parts.size()][];
        for (int p = 0; p < parts.size(); p++) {
            int[] rows = parts.get(p).rows();
            partCells[p] = publish(qis, rows);
            for (int row : rows) {
                partOf[row] = p;
            }
        }
        // Partitions that publish the same cells are one class to whoever reads the release (two halves of a
        // relaxed cut, or two children of one hierarchy node that both publish the node): they are released
        // as one class, numbered in the order of their first rows.
        Map<List<Generalized>, Integer> ids = new HashMap<>();
        List<Generalized[]> cells = new ArrayList<>();
        int[] classOfPart = new int[parts.size()];
        Arrays.fill(classOfPart, -1);
        int[] classOf = new int[n];
        Arrays.fill(classOf, -1);
        for (int row = 0; row < n; row++) {
            int p = partOf[row];
            if (p < 0) {
                continue;
            }
            if (classOfPart[p] < 0) {
                Integer id = ids.putIfAbsent(Arrays.asList(partCells[p]), cells.size());
                if (id == null) {
                    id = cells.size();
                    cells.add(partCells[p]);
                }
                classOfPart[p] = id;
            }
            classOf[row] = classOfPart[p];
        }
        Release release = new Release(dataset, qis, set, classOf, cells.toArray(new Generalized[0][]), null, "Mondrian",
                k);
        if (cells.size() < parts.size() && !set.monotoneUnderMerging) {
            release = suppressFailing(release);
        }
        return new AnonymizedDataset(release);
    }

    /**
     * Suppresses the classes that fail a model: only merged classes can, under a model that two valid
     * classes may break together (δ-presence's upper bound: the population rows of the box stay the same
     * while the class grows).
     */
    private static Release suppressFailing(Release release) {
        ModelSet set = release.models;
        int @Nullable [] population = set.needsPopulation ? release.populationPerClass() : null;
        ClassStats stats = set.newStats();
        boolean[] failing = new boolean[release.classes];
        boolean any = false;
        for (int c = 0; c < release.classes; c++) {
            int[] members = release.members[c];
            set.collect(members, 0, members.length, stats);
            stats.population = population == null ? 0 : population[c];
            failing[c] = !set.accepts(stats);
            any |= failing[c];
        }
        if (!any) {
            return release;
        }
        int[] renumbered = new int[release.classes];
        List<Generalized[]> kept = new ArrayList<>();
        for (int c = 0; c < release.classes; c++) {
            renumbered[c] = failing[c] ? -1 : kept.size();
            if (!failing[c]) {
                kept.add(release.cells[c]);
            }
        }
        int[] classOf = new int[release.classOf.length];
        for (int row = 0; row < classOf.length; row++) {
            int c = release.classOf[row];
            classOf[row] = c < 0 ? -1 : renumbered[c];
        }
        return new Release(release.source, release.qis, set, classOf, kept.toArray(new Generalized[0][]), null,
                release.method, release.k);
    }

    static Generalized[] publish(QiColumn[] qis, int[] rows) {
        Generalized[] out = new Generalized[qis.length];
        for (int a = 0; a < qis.length; a++) {
            QiColumn q = qis[a];
            int low = Integer.MAX_VALUE;
            int high = -1;
            for (int row : rows) {
                low = Math.min(low, q.rank[row]);
                high = Math.max(high, q.rank[row]);
            }
            boolean @Nullable [] held = null;
            if (q.hierarchy == null && q.numeric == null && low != high) {
                held = new boolean[q.values.length];
                for (int row : rows) {
                    held[q.rank[row]] = true;
                }
            }
            out[a] = q.publish(low, high, held);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Mondrian" + models;
    }

    /** Builds a {@link Mondrian}: k, ℓ and models as every recoding. */
    public static final class Builder extends RecodingBuilder<Builder> {
        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Builds the anonymizer.
         *
         * @return the anonymizer
         */
        public Mondrian build() {
            return new Mondrian(this);
        }
    }
}
