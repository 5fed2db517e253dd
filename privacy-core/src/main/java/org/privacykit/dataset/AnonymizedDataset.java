package org.privacykit.dataset;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A release made by {@link Mondrian}: the generalized rows (maps from attribute to value, in the
 * order of the input, suppressed rows left out), with what it cost. Its {@link #risk()} is measured
 * afresh on the released rows. Immutable.
 */
public final class AnonymizedDataset {
    private final List<Map<String, Object>> rows;
    private final List<String> quasiIdentifiers;
    private final String sensitive;
    private final int k;
    private final int l;
    private final int classes;
    private final int suppressed;
    private final int inputRows;
    private final double informationLoss;
    private final double discernibility;

    AnonymizedDataset(List<Map<String, Object>> rows, List<String> quasiIdentifiers, String sensitive, int k, int l,
                      int classes, int suppressed, int inputRows, double informationLoss, double discernibility) {
        List<Map<String, Object>> frozen = new java.util.ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            frozen.add(Collections.unmodifiableMap(row));
        }
        this.rows = Collections.unmodifiableList(frozen);
        this.quasiIdentifiers = quasiIdentifiers;
        this.sensitive = sensitive;
        this.k = k;
        this.l = l;
        this.classes = classes;
        this.suppressed = suppressed;
        this.inputRows = inputRows;
        this.informationLoss = informationLoss;
        this.discernibility = discernibility;
    }

    /**
     * Returns the released rows: quasi-identifiers generalized, the sensitive attribute as it was,
     * and the kept columns (for object rows, their properties that are neither personal data, subject
     * ids nor nested objects).
     *
     * @return an unmodifiable list of unmodifiable maps
     */
    public List<Map<String, Object>> rows() {
        return rows;
    }

    /**
     * Returns the released rows as a dataset with the same quasi-identifiers and sensitive attribute,
     * for further checks.
     *
     * @return the dataset
     */
    public Dataset toDataset() {
        Dataset.Builder b = Dataset.builder(rows).quasiIdentifiers(quasiIdentifiers.toArray(new String[0]));
        if (sensitive != null) {
            b.sensitiveAttribute(sensitive);
        }
        return b.build();
    }

    /**
     * Measures the risk of the released rows.
     *
     * @return the report; k is at least the k asked for, unless every row was suppressed
     */
    public RiskReport risk() {
        return toDataset().risk();
    }

    /**
     * Returns the number of equivalence classes (Mondrian partitions) released.
     *
     * @return the classes
     */
    public int equivalenceClasses() {
        return classes;
    }

    /**
     * Returns the information loss as the normalized certainty penalty, averaged over rows and
     * quasi-identifiers; suppressed rows count as fully generalized.
     *
     * @return from 0 (nothing generalized) to 1 (nothing left)
     */
    public double informationLoss() {
        return informationLoss;
    }

    /**
     * Returns the discernibility metric: the sum of squared equivalence class sizes, each suppressed row
     * counting the size of the input.
     *
     * @return the discernibility
     */
    public double discernibility() {
        return discernibility;
    }

    /**
     * Returns how many input rows were suppressed.
     *
     * @return the suppressed rows
     */
    public int suppressedRows() {
        return suppressed;
    }

    /**
     * Returns the share of input rows suppressed.
     *
     * @return from 0 to 1
     */
    public double suppressedShare() {
        return inputRows == 0 ? 0 : (double) suppressed / inputRows;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "AnonymizedDataset[k=%d%s, %d rows in %d classes, information loss (NCP)"
                + " %.4f, suppressed %.2f%%]", k, l > 1 ? ", l=" + l : "", rows.size(), classes, informationLoss,
                suppressedShare() * 100);
    }
}
