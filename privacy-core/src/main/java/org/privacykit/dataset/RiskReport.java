package org.privacykit.dataset;

import org.jspecify.annotations.Nullable;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The re-identification risk of a table, in the three attacker models of El Emam's <i>Guide to the
 * De-Identification of Personal Health Information</i> (as ARX reports them). Rows sharing every
 * quasi-identifier value form an equivalence class of size f in the table and F in the population.
 *
 * <ul>
 *   <li><b>Prosecutor</b> (the attacker knows the person is in the table): a row is re-identified with
 *       probability 1/f; {@link #highestProsecutorRisk()} = 1/k, {@link #averageProsecutorRisk()} =
 *       classes / rows.</li>
 *   <li><b>Journalist</b> (the attacker knows the person is in the population): 1/F;
 *       {@link #highestJournalistRisk()} = 1/min F, {@link #averageJournalistRisk()} =
 *       max(classes / Σ F, Σ (f/F) / rows).</li>
 *   <li><b>Marketer</b> (the attacker matches as many rows as possible): {@link #marketerRisk()} =
 *       Σ (f/F) / rows.</li>
 * </ul>
 * Without a population table F = f, so journalist risk equals prosecutor risk and marketer risk is
 * classes / rows; population uniqueness can then be estimated from a sampling fraction
 * ({@code org.privacykit.dataset.risk.PopulationUniqueness}).
 *
 * <p>Also: {@link #k()}, the smallest class; {@link #l()}, the fewest distinct sensitive values in a
 * class; {@link #uniqueShare()}, the share of rows alone in their class. Holds sizes and counts only,
 * never a value, so it can be printed and logged. Immutable.
 */
public final class RiskReport {
    private final int rows;
    private final int classes;
    private final int k;
    private final int l;
    private final int uniqueRows;
    private final SortedMap<Integer, Integer> histogram;
    private final int[] sizes;
    private final int @Nullable [] population;

    RiskReport(int rows, int[] classSizes, int @Nullable [] distinctSensitive, int @Nullable [] populationSizes) {
        this.rows = rows;
        this.classes = classSizes.length;
        this.sizes = classSizes.clone();
        int min = Integer.MAX_VALUE;
        int unique = 0;
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        for (int size : classSizes) {
            min = Math.min(min, size);
            if (size == 1) {
                unique++;
            }
            counts.merge(size, 1, Integer::sum);
        }
        this.k = classSizes.length == 0 ? 0 : min;
        this.uniqueRows = unique;
        int fewest = -1;
        if (distinctSensitive != null) {
            fewest = distinctSensitive.length == 0 ? 0 : Integer.MAX_VALUE;
            for (int d : distinctSensitive) {
                fewest = Math.min(fewest, d);
            }
        }
        this.l = fewest;
        this.histogram = Collections.unmodifiableSortedMap(counts);
        if (populationSizes == null) {
            this.population = null;
        } else {
            // the population holds the table's rows: a class is never smaller there
            this.population = new int[classes];
            for (int c = 0; c < classes; c++) {
                population[c] = Math.max(populationSizes[c], classSizes[c]);
            }
        }
    }

    static RiskReport of(Dataset data) {
        int[] qis = data.quasiIdentifierIndexes();
        int[][] columns = new int[qis.length][];
        for (int i = 0; i < qis.length; i++) {
            columns[i] = data.codes(qis[i]);
        }
        Grouping grouping = Grouping.of(data.size(), columns);
        int @Nullable [] distinct = null;
        if (!data.sensitiveAttributes().isEmpty()) {
            distinct = new int[grouping.classes];
            java.util.Arrays.fill(distinct, Integer.MAX_VALUE);
            for (String attribute : data.sensitiveAttributes()) {
                int column = data.indexOf(attribute);
                int[] perClass = distinctPerClass(grouping, data.codes(column), data.dictionary(column).length);
                for (int c = 0; c < distinct.length; c++) {
                    distinct[c] = Math.min(distinct[c], perClass[c]);
                }
            }
        }
        int @Nullable [] population = data.population().isPresent() ? PopulationMatch.exact(data, grouping) : null;
        return new RiskReport(data.size(), grouping.sizes, distinct, population);
    }

    static int[] distinctPerClass(Grouping grouping, int[] codes, int domain) {
        int[] distinct = new int[grouping.classes];
        LongIntMap seen = new LongIntMap(Math.max(16, grouping.classes));
        for (int r = 0; r < codes.length; r++) {
            int before = seen.size();
            seen.idOf(((long) grouping.classOf[r] << 32) | codes[r]);
            if (seen.size() > before) {
                distinct[grouping.classOf[r]]++;
            }
        }
        return distinct;
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
     * Returns the fewest distinct values of a sensitive attribute in one equivalence class (the lowest
     * over every sensitive attribute).
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
     * Returns the share of rows whose prosecutor risk (1/f) is above a threshold.
     *
     * @param threshold the highest acceptable risk, from 0 to 1
     * @return the share of rows at risk
     */
    public double prosecutorRowsAtRisk(double threshold) {
        return atRisk(sizes, threshold);
    }

    /**
     * Tells whether the risks in the population model come from a population table; without one,
     * journalist risk equals prosecutor risk.
     *
     * @return {@code true} with a population table
     */
    public boolean hasPopulation() {
        return population != null;
    }

    /**
     * Returns the highest probability that an attacker who knows a person is in the population
     * re-identifies their row: 1 / the smallest population class.
     *
     * @return the highest journalist risk
     */
    public double highestJournalistRisk() {
        if (population == null) {
            return highestProsecutorRisk();
        }
        int min = Integer.MAX_VALUE;
        for (int f : population) {
            min = Math.min(min, f);
        }
        return classes == 0 ? 0 : 1.0 / min;
    }

    /**
     * Returns the average journalist risk: max(classes / Σ F, Σ (f/F) / rows).
     *
     * @return the average journalist risk
     */
    public double averageJournalistRisk() {
        if (population == null) {
            return averageProsecutorRisk();
        }
        long total = 0;
        for (int f : population) {
            total += f;
        }
        return rows == 0 ? 0 : Math.max((double) classes / total, marketerRisk());
    }

    /**
     * Returns the share of rows whose journalist risk (1/F) is above a threshold.
     *
     * @param threshold the highest acceptable risk, from 0 to 1
     * @return the share of rows at risk
     */
    public double journalistRowsAtRisk(double threshold) {
        if (population == null) {
            return prosecutorRowsAtRisk(threshold);
        }
        long atRisk = 0;
        for (int c = 0; c < classes; c++) {
            if (1.0 / population[c] > threshold) {
                atRisk += sizes[c];
            }
        }
        return rows == 0 ? 0 : (double) atRisk / rows;
    }

    /**
     * Returns the marketer risk: the expected share of rows re-identified by an attacker who matches
     * every row against the population, Σ (f/F) / rows.
     *
     * @return the marketer risk
     */
    public double marketerRisk() {
        if (population == null) {
            return averageProsecutorRisk();
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += sizes[c] / (double) population[c];
        }
        return rows == 0 ? 0 : sum / rows;
    }

    private double atRisk(int[] classSizes, double threshold) {
        long count = 0;
        for (int size : classSizes) {
            if (1.0 / size > threshold) {
                count += size;
            }
        }
        return rows == 0 ? 0 : (double) count / rows;
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
        for (Map.Entry<Integer, Integer> e : histogram.headMap(k).entrySet()) {
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
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    @Override
    public String toString() {
        return "RiskReport[" + rows + " rows, " + classes + " equivalence classes, k=" + k
                + (l < 0 ? "" : ", l=" + l) + ", highest risk " + percent(highestProsecutorRisk()) + ", average risk "
                + percent(averageProsecutorRisk()) + ", unique " + percent(uniqueShare())
                + (population == null ? "" : ", journalist " + percent(averageJournalistRisk()) + ", marketer "
                + percent(marketerRisk())) + "]";
    }
}
