package org.privacykit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.jspecify.annotations.Nullable;

/**
 * Re-identification risk of a Spark data set under the prosecutor model, computed with Spark's own
 * aggregation: rows are grouped by their quasi-identifiers (one shuffle), and only the histogram of
 * class sizes reaches the driver, so the table may have billions of rows. The figures are those of
 * the in-JVM {@code org.privacykit.dataset.RiskReport} (a {@code null} is a value of its own, as
 * there). Holds sizes and counts only, never a value. Immutable.
 *
 * <pre>{@code
 * SparkRiskReport risk = SparkRiskReport.of(people, List.of("age", "zip", "sex"), "diagnosis");
 * risk.assertKAnonymous(5);
 * }</pre>
 */
public final class SparkRiskReport {
    private final long rows;
    private final long classes;
    private final long k;
    private final long l;
    private final SortedMap<Long, Long> histogram;

    private SparkRiskReport(SortedMap<Long, Long> histogram, long l) {
        long n = 0;
        long c = 0;
        for (Map.Entry<Long, Long> e : histogram.entrySet()) {
            n += e.getKey() * e.getValue();
            c += e.getValue();
        }
        this.rows = n;
        this.classes = c;
        this.k = histogram.isEmpty() ? 0 : histogram.firstKey();
        this.l = l;
        this.histogram = Collections.unmodifiableSortedMap(histogram);
    }

    /**
     * Measures a data set.
     *
     * @param data the data set
     * @param quasiIdentifiers the columns an attacker may know
     * @param sensitiveAttribute the sensitive column whose distinct values per class give ℓ, or {@code null}
     * @return the report
     * @throws IllegalArgumentException when a column is missing or no quasi-identifier is given
     */
    public static SparkRiskReport of(Dataset<Row> data, List<String> quasiIdentifiers, @Nullable String sensitiveAttribute) {
        if (quasiIdentifiers.isEmpty()) {
            throw new IllegalArgumentException("name at least one quasi-identifier");
        }
        Column[] keys = new Column[quasiIdentifiers.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = column(data, quasiIdentifiers.get(i));
        }
        Dataset<Row> perClass;
        if (sensitiveAttribute == null) {
            perClass = data.groupBy(keys).agg(count(lit(1)).as("f"));
        } else {
            // a null sensitive value counts as a value, as in the in-JVM report
            Column s = column(data, sensitiveAttribute);
            perClass = data.groupBy(keys).agg(count(lit(1)).as("f"),
                    size(collect_set(org.apache.spark.sql.functions.coalesce(s.cast("string"), lit("\u0000null")))).as("d"));
        }
        List<Row> sizes = perClass.groupBy("f").agg(count(lit(1)).as("classes"),
                sensitiveAttribute == null ? lit(-1L).as("l") : min(col("d")).cast("long").as("l")).collectAsList();
        TreeMap<Long, Long> histogram = new TreeMap<>();
        long l = sensitiveAttribute == null ? -1 : sizes.isEmpty() ? 0 : Long.MAX_VALUE;
        for (Row r : sizes) {
            histogram.put(r.getLong(0), r.getLong(1));
            if (sensitiveAttribute != null) {
                l = Math.min(l, r.getLong(2));
            }
        }
        return new SparkRiskReport(histogram, l);
    }

    private static Column column(Dataset<Row> data, String name) {
        StructField f = SparkPrivacy.find(data.schema(), name, false);
        return col("`" + java.util.Objects.requireNonNull(f).name().replace("`", "``") + "`");
    }

    /**
     * Returns the number of rows.
     *
     * @return the rows
     */
    public long rows() {
        return rows;
    }

    /**
     * Returns the number of equivalence classes.
     *
     * @return the classes
     */
    public long equivalenceClasses() {
        return classes;
    }

    /**
     * Returns k, the size of the smallest class.
     *
     * @return k, 0 for an empty data set
     */
    public long k() {
        return k;
    }

    /**
     * Returns ℓ, the fewest distinct sensitive values in a class, when a sensitive attribute was named.
     *
     * @return ℓ, or empty
     */
    public OptionalLong l() {
        return l < 0 ? OptionalLong.empty() : OptionalLong.of(l);
    }

    /**
     * Returns the highest prosecutor risk, {@code 1/k}.
     *
     * @return the risk, 0 for an empty data set
     */
    public double highestProsecutorRisk() {
        return k == 0 ? 0 : 1.0 / k;
    }

    /**
     * Returns the average prosecutor risk, classes / rows.
     *
     * @return the risk, 0 for an empty data set
     */
    public double averageProsecutorRisk() {
        return rows == 0 ? 0 : (double) classes / rows;
    }

    /**
     * Returns the share of rows whose prosecutor risk (1/f) is above a threshold.
     *
     * @param threshold from 0 to 1
     * @return the share of rows at risk
     */
    public double prosecutorRowsAtRisk(double threshold) {
        if (rows == 0) {
            return 0;
        }
        long atRisk = 0;
        for (Map.Entry<Long, Long> e : histogram.entrySet()) {
            if (1.0 / e.getKey() > threshold) {
                atRisk += e.getKey() * e.getValue();
            }
        }
        return (double) atRisk / rows;
    }

    /**
     * Returns the rows alone in their class.
     *
     * @return the unique rows
     */
    public long uniqueRows() {
        return histogram.getOrDefault(1L, 0L);
    }

    /**
     * Returns the share of rows alone in their class.
     *
     * @return 0 to 1
     */
    public double uniqueShare() {
        return rows == 0 ? 0 : (double) uniqueRows() / rows;
    }

    /**
     * Returns the histogram of class sizes: size to number of classes of that size.
     *
     * @return an unmodifiable sorted map
     */
    public SortedMap<Long, Long> classSizes() {
        return histogram;
    }

    /**
     * Returns the rows in classes smaller than k.
     *
     * @param k the class size
     * @return the rows below it
     */
    public long rowsBelow(long k) {
        long n = 0;
        for (Map.Entry<Long, Long> e : histogram.headMap(k).entrySet()) {
            n += e.getKey() * e.getValue();
        }
        return n;
    }

    /**
     * Tells whether every class has at least k rows.
     *
     * @param k at least 1
     * @return {@code true} when k-anonymous
     */
    public boolean isKAnonymous(long k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1; got " + k);
        }
        return rows == 0 || this.k >= k;
    }

    /**
     * Fails when the data set is not k-anonymous, saying how far it is.
     *
     * @param k at least 1
     * @throws AssertionError naming the smallest class and the rows below k
     */
    public void assertKAnonymous(long k) {
        if (!isKAnonymous(k)) {
            throw new AssertionError("not " + k + "-anonymous: smallest equivalence class has " + this.k + " row"
                    + (this.k == 1 ? "" : "s") + "; " + rowsBelow(k) + " of " + rows + " rows are in classes smaller than "
                    + k + " (" + uniqueRows() + " unique, " + percent(uniqueShare()) + ")");
        }
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    @Override
    public String toString() {
        return "SparkRiskReport[" + rows + " rows, " + classes + " equivalence classes, k=" + k
                + (l < 0 ? "" : ", l=" + l) + ", highest risk " + percent(highestProsecutorRisk()) + ", average risk "
                + percent(averageProsecutorRisk()) + ", unique " + percent(uniqueShare()) + "]";
    }
}
