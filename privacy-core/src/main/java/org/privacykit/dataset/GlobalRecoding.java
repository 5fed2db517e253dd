package org.privacykit.dataset;

import com.google.errorprone.annotations.CheckReturnValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.privacykit.dataset.hierarchy.Generalized;
import org.privacykit.dataset.model.PrivacyModel;

/**
 * Global recoding with a suppression budget: every value of a quasi-identifier is generalized to
 * the same hierarchy level (the release publishes {@code 30-39} for every age from 30 to 39), the
 * classes that still fail a model are suppressed, and the levels are chosen to lose the least
 * information (NCP of what is published, suppressed rows counting 1) among all the lattice's nodes
 * that suppress at most the budget. The search is exact, pruned by a lower bound and by monotonicity
 * in the manner of OLA and Flash; see the README for how many nodes it visits.
 *
 * <p>Quasi-identifiers without a hierarchy have two levels: the value, or {@code *}. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * AnonymizedDataset release = GlobalRecoding.builder().k(5).suppressionLimit(0.05).build()
 *         .anonymize(adult);
 * release.generalizationLevels();    // {age=2, education=1, ...}
 * }</pre>
 */
public final class GlobalRecoding {
    private final int k;
    private final double suppressionLimit;
    private final List<PrivacyModel> models;

    private GlobalRecoding(Builder b) {
        this.k = b.k();
        this.suppressionLimit = b.suppressionLimit;
        this.models = b.models();
    }

    /**
     * Starts a global recoding anonymizer.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the best release of a dataset that meets every model within the suppression budget.
     *
     * @param dataset the rows, their roles and hierarchies
     * @return the release; when no lattice node meets the models within the budget, every row is
     *         suppressed
     * @throws IllegalArgumentException when a model needs a sensitive attribute or population the dataset
     *         lacks, a value is absent from its column's hierarchy (naming the column and the row), or the
     *         lattice is too large
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
        LatticeSearch search = new LatticeSearch(qis, set, n, suppressionLimit);
        LatticeSearch.Evaluation best = search.search();
        int[] classOf = new int[n];
        Arrays.fill(classOf, -1);
        if (best == null) {
            return new AnonymizedDataset(new Release(dataset, qis, set, classOf, new Generalized[0][], null,
                    "global recoding", k));
        }
        // the classes of the best node, numbered in row order, failing groups suppressed
        int[][] ranks = new int[qis.length][];
        for (int a = 0; a < qis.length; a++) {
            ranks[a] = qis[a].rank;
        }
        int[] tupleOf = Grouping.of(n, ranks).classOf;
        int[] classOfGroup = new int[best.groups];
        Arrays.fill(classOfGroup, -1);
        List<Generalized[]> cells = new ArrayList<>();
        for (int row = 0; row < n; row++) {
            int g = best.groupOfTuple[tupleOf[row]];
            if (best.failing[g]) {
                continue;
            }
            if (classOfGroup[g] < 0) {
                classOfGroup[g] = cells.size();
                Generalized[] published = new Generalized[qis.length];
                for (int a = 0; a < qis.length; a++) {
                    int level = best.levels[a];
                    published[a] = qis[a].node[level][qis[a].group[level][qis[a].rank[row]]];
                }
                cells.add(published);
            }
            classOf[row] = classOfGroup[g];
        }
        return new AnonymizedDataset(new Release(dataset, qis, set, classOf, cells.toArray(new Generalized[0][]),
                best.levels.clone(), "global recoding", k));
    }

    @Override
    public String toString() {
        return "GlobalRecoding" + models + ", suppression limit " + suppressionLimit;
    }

    /** Builds a {@link GlobalRecoding}: k, ℓ and models as every recoding, and a suppression budget. */
    public static final class Builder extends RecodingBuilder<Builder> {
        private double suppressionLimit;

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Sets the largest share of rows that may be suppressed; the default, 0, suppresses none.
         *
         * @param share from 0 to 1, such as 0.05 for at most 5%
         * @return this builder
         * @throws IllegalArgumentException when outside 0..1
         */
        public Builder suppressionLimit(double share) {
            this.suppressionLimit = checkSuppressionShare(share);
            return this;
        }

        /**
         * Builds the anonymizer.
         *
         * @return the anonymizer
         */
        public GlobalRecoding build() {
            return new GlobalRecoding(this);
        }
    }
}
