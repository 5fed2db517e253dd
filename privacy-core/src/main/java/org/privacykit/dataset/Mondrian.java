package org.privacykit.dataset;

import com.google.errorprone.annotations.CheckReturnValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.privacykit.dataset.hierarchy.Generalized;
import org.privacykit.dataset.model.KAnonymity;
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
 *   <li>Rows are suppressed only when the table as a whole cannot meet the models (fewer than k rows,
 *       fewer than ℓ sensitive values, a δ-presence bound out of reach).</li>
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
        this.k = b.k;
        List<PrivacyModel> all = new ArrayList<>();
        all.add(new KAnonymity(b.k));
        all.addAll(b.models);
        this.models = List.copyOf(all);
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
        int[] classOf = new int[n];
        java.util.Arrays.fill(classOf, -1);
        Generalized[][] cells = new Generalized[parts.size()][];
        for (int c = 0; c < parts.size(); c++) {
            int[] rows = parts.get(c).rows();
            cells[c] = publish(qis, rows);
            for (int row : rows) {
                classOf[row] = c;
            }
        }
        return new AnonymizedDataset(new Release(dataset, qis, set, classOf, cells, null, "Mondrian", k));
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

    /** Builds a {@link Mondrian}. */
    public static final class Builder {
        private int k = 2;
        private final List<PrivacyModel> models = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets k: every equivalence class of the release holds at least k rows. The default is 2.
         *
         * @param k at least 2
         * @return this builder
         * @throws IllegalArgumentException when below 2
         */
        public Builder k(int k) {
            if (k < 2) {
                throw new IllegalArgumentException("k must be at least 2; got " + k);
            }
            this.k = k;
            return this;
        }

        /**
         * Asks for distinct ℓ-diversity on the dataset's sensitive attribute; 1 asks for nothing.
         *
         * @param l at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder l(int l) {
            if (l < 1) {
                throw new IllegalArgumentException("l must be at least 1; got " + l);
            }
            if (l > 1) {
                models.add(PrivacyModel.distinctLDiversity(l));
            }
            return this;
        }

        /**
         * Adds a privacy model every class must meet as well.
         *
         * @param model the model
         * @return this builder
         */
        public Builder model(PrivacyModel model) {
            models.add(Objects.requireNonNull(model, "model"));
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
