package org.privacykit.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.privacykit.dataset.hierarchy.Generalized;

/**
 * What a release cost, in the utility metrics of the literature, overall and per quasi-identifier,
 * so two releases can be compared ({@link #compare}). Suppressed rows count as fully generalized.
 *
 * <ul>
 *   <li><b>NCP</b>, normalized certainty penalty (Xu et al. 2006), averaged over rows and
 *       quasi-identifiers: for numbers and dates the width covered over the column's width; for other
 *       values (covered values − 1) / (column's values − 1). {@link #ncp()} measures what classes
 *       publish (a hierarchy node covers all its values); {@link #ncpOfHeldValues()} what they hold
 *       (the figure ARX reports for local recoding "by the values each class holds").</li>
 *   <li><b>Discernibility</b> (Bayardo and Agrawal 2005): Σ class size², each suppressed row counting
 *       the number of rows.</li>
 *   <li><b>Average class size</b> ({@link #averageClassSize()}), and normalized by k (C<sub>AVG</sub>,
 *       LeFevre et al. 2006).</li>
 *   <li><b>Non-uniform entropy</b> (Gionis and Tassa 2009): Σ over rows and quasi-identifiers of
 *       −log<sub>2</sub> P(original value | published cell), in bits, and normalized by the same sum
 *       with every cell {@code *}.</li>
 * </ul>
 * Holds figures only. Immutable.
 *
 * @param rows the input rows
 * @param classes the equivalence classes released
 * @param suppressedRows the rows left out
 * @param k the k the release was made for (1 for a table taken as it is)
 * @param ncp NCP of what the classes publish
 * @param ncpOfHeldValues NCP of the values the classes hold
 * @param discernibility Σ class size², suppressed rows counting the number of rows each
 * @param entropyBits non-uniform entropy loss, in bits
 * @param normalizedEntropy the entropy loss over its value when every cell is {@code *}
 * @param attributes the same figures per quasi-identifier
 */
public record UtilityReport(int rows, int classes, int suppressedRows, int k, double ncp, double ncpOfHeldValues,
                            double discernibility, double entropyBits, double normalizedEntropy,
                            List<AttributeLoss> attributes) {

    /** Freezes the list. */
    public UtilityReport {
        attributes = List.copyOf(attributes);
    }

    /**
     * The loss in one quasi-identifier.
     *
     * @param attribute the column
     * @param ncp NCP of what the classes publish
     * @param ncpOfHeldValues NCP of the values they hold
     * @param entropyBits non-uniform entropy loss in bits
     */
    public record AttributeLoss(String attribute, double ncp, double ncpOfHeldValues, double entropyBits) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: NCP %.4f (held %.4f), entropy %.0f bits", attribute, ncp,
                    ncpOfHeldValues, entropyBits);
        }
    }

    /**
     * One metric of two releases side by side.
     *
     * @param metric the metric's name
     * @param first this release's figure
     * @param second the other release's figure
     */
    public record Difference(String metric, double first, double second) {
        /**
         * Returns the other release's figure minus this one's.
         *
         * @return the change
         */
        public double change() {
            return second - first;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-28s %14.4f %14.4f %+14.4f", metric, first, second, change());
        }
    }

    /**
     * Returns the average size of a released class.
     *
     * @return released rows over classes, 0 without classes
     */
    public double averageClassSize() {
        return classes == 0 ? 0 : (rows - suppressedRows) / (double) classes;
    }

    /**
     * Returns C<sub>AVG</sub>: the average class size over k; 1 is the ideal.
     *
     * @return the normalized average class size
     */
    public double normalizedAverageClassSize() {
        return averageClassSize() / k;
    }

    /**
     * Returns the share of rows suppressed.
     *
     * @return from 0 to 1
     */
    public double suppressedShare() {
        return rows == 0 ? 0 : suppressedRows / (double) rows;
    }

    /**
     * Compares this release with another of the same table, metric by metric (lower is better for
     * every loss; more classes is better).
     *
     * @param other the other release's report
     * @return one line per metric: overall, then NCP per quasi-identifier present in both
     */
    public List<Difference> compare(UtilityReport other) {
        Objects.requireNonNull(other, "other");
        List<Difference> out = new ArrayList<>();
        out.add(new Difference("classes", classes, other.classes));
        out.add(new Difference("suppressed rows", suppressedRows, other.suppressedRows));
        out.add(new Difference("NCP", ncp, other.ncp));
        out.add(new Difference("NCP of held values", ncpOfHeldValues, other.ncpOfHeldValues));
        out.add(new Difference("discernibility", discernibility, other.discernibility));
        out.add(new Difference("average class size", averageClassSize(), other.averageClassSize()));
        out.add(new Difference("non-uniform entropy (norm.)", normalizedEntropy, other.normalizedEntropy));
        for (AttributeLoss mine : attributes) {
            for (AttributeLoss theirs : other.attributes) {
                if (mine.attribute().equals(theirs.attribute())) {
                    out.add(new Difference("NCP " + mine.attribute(), mine.ncp(), theirs.ncp()));
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "UtilityReport[%d classes, %d suppressed, NCP %.4f (held %.4f),"
                + " discernibility %.0f, average class %.2f, entropy %.4f]", classes, suppressedRows, ncp,
                ncpOfHeldValues, discernibility, averageClassSize(), normalizedEntropy);
    }

    static UtilityReport of(Release release) {
        QiColumn[] qis = release.qis;
        int n = release.classOf.length;
        int m = qis.length;
        double[] published = new double[m];
        double[] held = new double[m];
        double[] entropy = new double[m];
        double maximumEntropy = 0;
        double discernibility = (double) release.suppressed * n;
        for (int c = 0; c < release.classes; c++) {
            int[] rows = release.members[c];
            discernibility += (double) rows.length * rows.length;
            for (int a = 0; a < m; a++) {
                QiColumn q = qis[a];
                Generalized cell = release.cells[c][a];
                QiColumn.Coverage cover = q.coverage(cell);
                published[a] += cover.loss() * rows.length;
                held[a] += heldLoss(q, rows) * rows.length;
                for (int row : rows) {
                    entropy[a] -= log2(q.counts[q.rank[row]] / (double) cover.rows());
                }
            }
        }
        for (int row = 0; row < n; row++) {
            for (int a = 0; a < m; a++) {
                double bits = -log2(qis[a].counts[qis[a].rank[row]] / (double) n);
                maximumEntropy += bits;
                if (release.classOf[row] < 0) {
                    published[a] += 1;
                    held[a] += 1;
                    entropy[a] += bits;
                }
            }
        }
        List<AttributeLoss> attributes = new ArrayList<>();
        double ncp = 0;
        double ncpHeld = 0;
        double totalEntropy = 0;
        for (int a = 0; a < m; a++) {
            double p = n == 0 ? 0 : published[a] / n;
            double h = n == 0 ? 0 : held[a] / n;
            attributes.add(new AttributeLoss(qis[a].name, p, h, entropy[a]));
            ncp += p;
            ncpHeld += h;
            totalEntropy += entropy[a];
        }
        return new UtilityReport(n, release.classes, release.suppressed, release.k, m == 0 ? 0 : ncp / m,
                m == 0 ? 0 : ncpHeld / m, discernibility, totalEntropy,
                maximumEntropy == 0 ? 0 : totalEntropy / maximumEntropy, attributes);
    }

    /** NCP of the values some rows hold in one quasi-identifier. */
    static double heldLoss(QiColumn q, int[] rows) {
        int low = Integer.MAX_VALUE;
        int high = -1;
        if (q.numeric != null) {
            for (int row : rows) {
                low = Math.min(low, q.rank[row]);
                high = Math.max(high, q.rank[row]);
            }
            return q.loss(low, high, 0);
        }
        java.util.BitSet seen = new java.util.BitSet(q.values.length);
        for (int row : rows) {
            seen.set(q.rank[row]);
        }
        return q.loss(0, 0, seen.cardinality());
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
