package org.privacykit.dataset;

import java.util.Collections;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The re-identification risk of a dataset under the prosecutor model (the attacker knows the
 * person is in the data): rows sharing all quasi-identifier values form an equivalence class, and a
 * row in a class of size {@code n} is re-identified with probability {@code 1/n}.
 *
 * <ul>
 *   <li>{@link #k()}: the smallest class; the data is k-anonymous for every k up to it.</li>
 *   <li>{@link #l()}: the fewest distinct sensitive values in a class (distinct ℓ-diversity).</li>
 *   <li>{@link #highestProsecutorRisk()} = 1/k; {@link #averageProsecutorRisk()} = classes / rows, the mean of 1/n
 *       over rows; {@link #uniqueShare()}: the share of rows alone in their class.</li>
 * </ul>
 *
 * <p>Holds sizes and counts only, never a value, so it can be printed and logged. Immutable.
 */
public final class RiskReport {
    private final int rows;
    private final int classes;
    private final int k;
    private final int l;
    private final int uniqueRows;
    private final SortedMap<Integer, Integer> histogram;

    RiskReport(int rows, int[] classSizes, int[] distinctSensitive) {
        this.rows = rows;
        this.classes = classSizes.length;
        int min = Integer.MAX_VALUE;
        int unique = 0;
        TreeMap<Integer, Integer> sizes = new TreeMap<>();
        for (int size : classSizes) {
            min = Math.min(min, size);
            if (size == 1) {
                unique++;
            }
            sizes.merge(size, 1, Integer::sum);
        }
        this.k = classSizes.length == 0 ? 0 : min;
        this.uniqueRows = unique;
        int fewest = -1;
        if (distinctSensitive != null) {
            fewest = Integer.MAX_VALUE;
            for (int d : distinctSensitive) {
                fewest = Math.min(fewest, d);
            }
            if (distinctSensitive.length == 0) {
                fewest = 0;
            }
        }
        this.l = fewest;
        this.histogram = Collections.unmodifiableSortedMap(sizes);
    }

    /**
     * Returns the number of rows.
     *
     * @return the rows
     */
    public int rows() {
        return rows;
    }

    /**
     * Returns the number of equivalence classes.
     *
     * @return the classes
     */
    public int equivalenceClasses() {
        return classes;
    }

    /**
     * Returns the size of the smallest equivalence class.
     *
     * @return k, or 0 for an empty dataset
     */
    public int k() {
        return k;
    }

    /**
     * Returns the fewest distinct sensitive values in one equivalence class.
     *
     * @return distinct ℓ, or empty when the dataset has no sensitive attribute
     */
    public OptionalInt l() {
        return l < 0 ? OptionalInt.empty() : OptionalInt.of(l);
    }

    /**
     * Returns the highest probability that an attacker who knows a person is in the data re-identifies
     * their row: {@code 1/k}.
     *
     * @return the highest prosecutor risk, 0 for an empty dataset
     */
    public double highestProsecutorRisk() {
        return k == 0 ? 0 : 1.0 / k;
    }

    /**
     * Returns the average prosecutor risk over rows: the number of classes divided by the number of rows.
     *
     * @return the average risk, 0 for an empty dataset
     */
    public double averageProsecutorRisk() {
        return rows == 0 ? 0 : (double) classes / rows;
    }

    /**
     * Returns the number of rows alone in their equivalence class.
     *
     * @return the unique rows
     */
    public int uniqueRows() {
        return uniqueRows;
    }

    /**
     * Returns the share of rows alone in their equivalence class (re-identified with certainty).
     *
     * @return the share, from 0 to 1
     */
    public double uniqueShare() {
        return rows == 0 ? 0 : (double) uniqueRows / rows;
    }

    /**
     * Returns how many equivalence classes have each size.
     *
     * @return class size to number of classes, smallest first
     */
    public SortedMap<Integer, Integer> classSizes() {
        return histogram;
    }

    /**
     * Returns the number of rows in equivalence classes smaller than {@code k}.
     *
     * @param k the k of k-anonymity
     * @return the rows that break k-anonymity
     */
    public int rowsBelow(int k) {
        int count = 0;
        for (java.util.Map.Entry<Integer, Integer> e : histogram.headMap(k).entrySet()) {
            count += e.getKey() * e.getValue();
        }
        return count;
    }

    /**
     * Tells whether the data is k-anonymous.
     *
     * @param k the k of k-anonymity, at least 1
     * @return {@code true} when every class has at least {@code k} rows (an empty dataset is)
     */
    public boolean isKAnonymous(int k) {
        checkPositive("k", k);
        return rows == 0 || this.k >= k;
    }

    /**
     * Tells whether the data is distinct ℓ-diverse.
     *
     * @param l the ℓ, at least 1
     * @return {@code true} when every class holds at least {@code l} distinct sensitive values
     * @throws IllegalStateException when the dataset has no sensitive attribute
     */
    public boolean isLDiverse(int l) {
        checkPositive("l", l);
        if (this.l < 0) {
            throw new IllegalStateException("the dataset has no sensitive attribute; name one to measure ℓ-diversity");
        }
        return rows == 0 || this.l >= l;
    }

    /**
     * Fails when the data is not k-anonymous, for a unit test.
     *
     * @param k the k of k-anonymity
     * @throws AssertionError with the smallest class, the rows below k and the unique share (never a value)
     */
    public void assertKAnonymous(int k) {
        if (!isKAnonymous(k)) {
            throw new AssertionError("not " + k + "-anonymous: smallest equivalence class has " + this.k + " row"
                    + (this.k == 1 ? "" : "s") + "; " + rowsBelow(k) + " of " + rows + " rows are in classes smaller than "
                    + k + " (" + uniqueRows + " unique, " + percent(uniqueShare()) + ")");
        }
    }

    /**
     * Fails when the data is not distinct ℓ-diverse, for a unit test.
     *
     * @param l the ℓ
     * @throws AssertionError naming the fewest distinct sensitive values in a class
     */
    public void assertLDiverse(int l) {
        if (!isLDiverse(l)) {
            throw new AssertionError("not " + l + "-diverse: an equivalence class holds only " + this.l
                    + " distinct sensitive value" + (this.l == 1 ? "" : "s"));
        }
    }

    private static void checkPositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1; got " + value);
        }
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
    }

    @Override
    public String toString() {
        return "RiskReport[" + rows + " rows, " + classes + " equivalence classes, k=" + k
                + (l < 0 ? "" : ", l=" + l) + ", highest risk " + percent(highestProsecutorRisk()) + ", average risk "
                + percent(averageProsecutorRisk()) + ", unique " + percent(uniqueShare()) + "]";
    }
}
