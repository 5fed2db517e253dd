package org.privacykit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;
import org.jspecify.annotations.Nullable;
import org.privacykit.dataset.EquivalenceClass;
import org.privacykit.dataset.Mondrian;
import org.privacykit.dataset.hierarchy.Generalized;

/**
 * Mondrian k-anonymization of a Spark data set too large for one JVM: the top of the partition tree
 * is cut on a sample at the driver (median cuts of the most spread quasi-identifier, as Mondrian
 * cuts), every row is routed to a leaf, leaves with fewer than k rows are folded into their parent
 * (counted by Spark), and each leaf is repartitioned to one task and anonymized there by the
 * in-JVM {@link Mondrian}. The release is then verified k-anonymous by a {@link SparkRiskReport} and
 * its information loss measured by Spark as the in-JVM Mondrian measures it: NCP of the values each
 * class holds, against the whole table's ranges and domains.
 *
 * <p>Quasi-identifiers are numbers, dates and timestamps (published as ranges) or other values
 * (published as sets, or {@code *}); hierarchies are not used here. Released quasi-identifier
 * columns are strings.
 *
 * <pre>{@code
 * SparkMondrian.Release release = SparkMondrian.builder().k(5).quasiIdentifiers("age", "zip", "sex").build().anonymize(people);
 * release.rows().write().parquet("s3://bucket/people-k5");
 * release.ncp();      // 0.083
 * }</pre>
 */
public final class SparkMondrian {
    private static final String LEAF = "__privacykit_leaf";
    private static final String CLASS = "__privacykit_class";
    private static final String ORIGINAL = "__privacykit_original_";
    /** Rows per class id block of one leaf: class ids are leaf * this + class index. */
    private static final long CLASSES_PER_LEAF = 1L << 32;

    private final int k;
    private final List<String> quasiIdentifiers;
    private final int sampleRows;
    private final long leafRows;
    private final long seed;

    private SparkMondrian(Builder b) {
        this.k = b.k;
        this.quasiIdentifiers = List.copyOf(b.quasiIdentifiers);
        this.sampleRows = b.sampleRows;
        this.leafRows = b.leafRows;
        this.seed = b.seed;
    }

    /**
     * Starts a distributed Mondrian.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A release: the anonymized rows and what they cost.
     *
     * @param rows the released rows: every input column, quasi-identifiers generalized to text
     * @param risk the release's risk report over the generalized quasi-identifiers
     * @param ncp the NCP of the values each class holds, averaged over rows and quasi-identifiers
     * @param ncpByAttribute the same per quasi-identifier
     * @param leaves the partitions anonymized in parallel
     */
    public record Release(Dataset<Row> rows, SparkRiskReport risk, double ncp, Map<String, Double> ncpByAttribute, int leaves) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Release[%s, NCP %.4f, %d leaves]", risk, ncp, leaves);
        }
    }

    /**
     * Anonymizes a data set.
     *
     * @param data the data set, holding every quasi-identifier
     * @return the release, verified k-anonymous
     * @throws IllegalArgumentException when a quasi-identifier is missing or the data has fewer than k rows
     * @throws IllegalStateException when the release is not k-anonymous (a defect, never expected)
     */
    public Release anonymize(Dataset<Row> data) {
        StructType schema = data.schema();
        int m = quasiIdentifiers.size();
        String[] names = new String[m];
        boolean[] numeric = new boolean[m];
        Column[] values = new Column[m];
        for (int i = 0; i < m; i++) {
            StructField f = SparkPrivacy.find(schema, quasiIdentifiers.get(i), false);
            names[i] = Objects.requireNonNull(f).name();
            numeric[i] = f.dataType() instanceof NumericType || f.dataType() instanceof DateType
                    || f.dataType() instanceof TimestampType;
            values[i] = numericValue(col(quote(names[i])), f).as(ORIGINAL + i);
        }
        Dataset<Row> keyed = data.select(concat(data.columns(), values));
        // the whole table's ranges and domains: the denominators of NCP
        List<Column> stats = new ArrayList<>();
        stats.add(count(lit(1)));
        for (int i = 0; i < m; i++) {
            Column v = col(ORIGINAL + i);
            if (numeric[i]) {
                stats.add(min(v));
                stats.add(max(v));
            } else {
                stats.add(countDistinct(org.apache.spark.sql.functions.coalesce(v, lit("\u0000null"))));
            }
        }
        Row totals = keyed.agg(stats.get(0), stats.subList(1, stats.size()).toArray(Column[]::new)).first();
        long n = totals.getLong(0);
        if (n < k) {
            throw new IllegalArgumentException("the data set has " + n + " rows, fewer than k = " + k);
        }
        double[] width = new double[m];
        int at = 1;
        for (int i = 0; i < m; i++) {
            if (numeric[i]) {
                width[i] = totals.isNullAt(at) ? 0 : totals.getDouble(at + 1) - totals.getDouble(at);
                at += 2;
            } else {
                width[i] = totals.getLong(at) - 1;
                at++;
            }
        }

        // the top of the tree, cut on a sample
        double fraction = Math.min(1.0, (double) sampleRows / n);
        Column[] originals = new Column[m];
        for (int i = 0; i < m; i++) {
            originals[i] = col(ORIGINAL + i);
        }
        List<Row> sample = keyed.select(originals).sample(false, fraction, seed).collectAsList();
        Cut root = Cut.grow(sample, numeric, width, Math.max(1, (long) (leafRows * fraction)), 0);
        List<Cut> leaves = new ArrayList<>();
        root.number(leaves);
        Router router = new Router(root);
        Dataset<Row> routed = keyed.withColumn(LEAF, org.apache.spark.sql.functions.udf(router, DataTypes.IntegerType)
                .apply(org.apache.spark.sql.functions.struct(originals)));
        Map<Integer, Long> counts = new HashMap<>();
        for (Row r : routed.groupBy(LEAF).count().collectAsList()) {
            counts.put(r.getInt(0), r.getLong(1));
        }
        Map<Integer, Integer> folded = new HashMap<>();
        root.fold(counts, k, folded);
        int leafCount = (int) folded.values().stream().distinct().count();
        Router finalRouter = router.withFolds(folded);
        Dataset<Row> assigned = keyed.withColumn(LEAF, org.apache.spark.sql.functions.udf(finalRouter, DataTypes.IntegerType)
                .apply(org.apache.spark.sql.functions.struct(originals))).repartition(Math.max(1, leafCount), col(LEAF));

        // each leaf anonymized by the in-JVM Mondrian
        StructType in = assigned.schema();
        StructType out = new StructType();
        int[] qiIndex = new int[m];
        for (int i = 0; i < m; i++) {
            qiIndex[i] = in.fieldIndex(names[i]);
        }
        for (StructField f : in.fields()) {
            boolean qi = Arrays.asList(names).contains(f.name());
            out = out.add(f.name(), qi ? DataTypes.StringType : f.dataType(), f.nullable() || qi);
        }
        out = out.add(CLASS, DataTypes.LongType, false);
        Dataset<Row> anonymized = assigned.mapPartitions(new LeafMondrian(k, names, qiIndex, in.fieldIndex(LEAF), numeric, in.length()),
                Encoders.row(out));
        anonymized = anonymized.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());

        // information loss of the values each class holds, against the whole table
        List<Column> perClass = new ArrayList<>();
        perClass.add(count(lit(1)).as("size"));
        for (int i = 0; i < m; i++) {
            Column v = col(ORIGINAL + i);
            Column loss = numeric[i]
                    ? (width[i] == 0 ? lit(0.0) : max(v).minus(min(v)).divide(lit(width[i])))
                    : (width[i] <= 0 ? lit(0.0) : countDistinct(org.apache.spark.sql.functions.coalesce(v, lit("\u0000null")))
                            .minus(1).divide(lit(width[i])));
            perClass.add(loss.as("loss" + i));
        }
        Dataset<Row> classes = anonymized.groupBy(CLASS).agg(perClass.get(0), perClass.subList(1, m + 1).toArray(Column[]::new));
        Column[] weighted = new Column[m];
        for (int i = 0; i < m; i++) {
            weighted[i] = sum(col("loss" + i).multiply(col("size")));
        }
        Row loss = classes.agg(weighted[0], Arrays.copyOfRange(weighted, 1, m)).first();
        Map<String, Double> byAttribute = new LinkedHashMap<>();
        double total = 0;
        for (int i = 0; i < m; i++) {
            double a = loss.isNullAt(i) ? 0 : loss.getDouble(i) / n;
            byAttribute.put(names[i], a);
            total += a;
        }
        List<String> keep = new ArrayList<>(Arrays.asList(data.columns()));
        Dataset<Row> released = anonymized.select(keep.stream().map(c -> col(quote(c))).toArray(Column[]::new));
        SparkRiskReport risk = SparkRiskReport.of(released, Arrays.asList(names), null);
        if (!risk.isKAnonymous(k)) {
            throw new IllegalStateException("the release is not " + k + "-anonymous: " + risk);
        }
        return new Release(released, risk, total / m, Collections.unmodifiableMap(byAttribute), leafCount);
    }

    private static Column numericValue(Column c, StructField f) {
        if (f.dataType() instanceof DateType) {
            return org.apache.spark.sql.functions.unix_date(c).cast("double");
        }
        if (f.dataType() instanceof TimestampType) {
            return org.apache.spark.sql.functions.unix_micros(c).cast("double");
        }
        return f.dataType() instanceof NumericType ? c.cast("double") : c.cast("string");
    }

    private static Column[] concat(String[] columns, Column[] more) {
        Column[] all = new Column[columns.length + more.length];
        for (int i = 0; i < columns.length; i++) {
            all[i] = col(quote(columns[i]));
        }
        System.arraycopy(more, 0, all, columns.length, more.length);
        return all;
    }

    private static String quote(String column) {
        return "`" + column.replace("`", "``") + "`";
    }

    @Override
    public String toString() {
        return "SparkMondrian[k=" + k + ", quasi-identifiers " + quasiIdentifiers + ", sample " + sampleRows
                + " rows, leaves of about " + leafRows + " rows]";
    }

    /** A node of the partition tree cut on the sample: a numeric threshold or a set of values going left. */
    static final class Cut implements Serializable {
        private static final long serialVersionUID = 1L;
        final int attribute;
        final double threshold;
        final @Nullable TreeSet<String> left;
        final @Nullable Cut low;
        final @Nullable Cut high;
        int id = -1;

        private Cut(int attribute, double threshold, @Nullable TreeSet<String> left, @Nullable Cut low, @Nullable Cut high) {
            this.attribute = attribute;
            this.threshold = threshold;
            this.left = left;
            this.low = low;
            this.high = high;
        }

        static Cut leaf() {
            return new Cut(-1, 0, null, null, null);
        }

        /** Cuts the sample rows at the median of the most spread quasi-identifier while a node holds more than {@code target}. */
        static Cut grow(List<Row> rows, boolean[] numeric, double[] width, long target, int depth) {
            if (rows.size() <= 2 * target || depth > 40) {
                return leaf();
            }
            int best = -1;
            double spread = 0;
            for (int a = 0; a < numeric.length; a++) {
                double s = spread(rows, a, numeric[a], width[a]);
                if (s > spread) {
                    spread = s;
                    best = a;
                }
            }
            if (best < 0) {
                return leaf();
            }
            int a = best;
            List<Row> lo = new ArrayList<>();
            List<Row> hi = new ArrayList<>();
            if (numeric[a]) {
                double[] v = rows.stream().filter(r -> !r.isNullAt(a)).mapToDouble(r -> r.getDouble(a)).sorted().toArray();
                double median = v[(v.length - 1) / 2];
                if (median >= v[v.length - 1]) {
                    // the upper half is one value: cut just below it
                    int below = java.util.Arrays.binarySearch(v, median);
                    while (below > 0 && v[below - 1] >= median) {
                        below--;
                    }
                    median = v[below - 1];
                }
                for (Row r : rows) {
                    (r.isNullAt(a) || r.getDouble(a) <= median ? lo : hi).add(r);
                }
                return new Cut(a, median, null, grow(lo, numeric, width, target, depth + 1), grow(hi, numeric, width, target, depth + 1));
            }
            java.util.TreeMap<String, Integer> counts = new java.util.TreeMap<>();
            for (Row r : rows) {
                counts.merge(r.isNullAt(a) ? "" : r.getString(a), 1, Integer::sum);
            }
            // the values in order up to the middle row, leaving at least one value to the right
            TreeSet<String> left = new TreeSet<>();
            int seen = 0;
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                if (left.size() == counts.size() - 1 || (seen > 0 && seen + e.getValue() / 2 >= rows.size() / 2)) {
                    break;
                }
                left.add(e.getKey());
                seen += e.getValue();
            }
            for (Row r : rows) {
                (left.contains(r.isNullAt(a) ? "" : r.getString(a)) ? lo : hi).add(r);
            }
            return new Cut(a, 0, left, grow(lo, numeric, width, target, depth + 1), grow(hi, numeric, width, target, depth + 1));
        }

        private static double spread(List<Row> rows, int a, boolean numeric, double width) {
            if (width <= 0) {
                return 0;
            }
            if (numeric) {
                double lo = Double.MAX_VALUE;
                double hi = -Double.MAX_VALUE;
                for (Row r : rows) {
                    if (!r.isNullAt(a)) {
                        lo = Math.min(lo, r.getDouble(a));
                        hi = Math.max(hi, r.getDouble(a));
                    }
                }
                return hi < lo ? 0 : (hi - lo) / width;
            }
            return (rows.stream().map(r -> r.isNullAt(a) ? "" : r.getString(a)).distinct().count() - 1) / width;
        }

        boolean isLeaf() {
            return low == null;
        }

        /** Numbers every node, depth first; the list holds them by id. */
        void number(List<Cut> nodes) {
            id = nodes.size();
            nodes.add(this);
            if (low != null && high != null) {
                low.number(nodes);
                high.number(nodes);
            }
        }

        int route(Row values) {
            Cut c = this;
            while (!c.isLeaf()) {
                int a = c.attribute;
                boolean goLow = c.left == null ? values.isNullAt(a) || values.getDouble(a) <= c.threshold
                        : c.left.contains(values.isNullAt(a) ? "" : values.getString(a));
                c = Objects.requireNonNull(goLow ? c.low : c.high);
            }
            return c.id;
        }

        /** The rows under this node. */
        long count(Map<Integer, Long> leafCounts) {
            if (low == null || high == null) {
                return leafCounts.getOrDefault(id, 0L);
            }
            return low.count(leafCounts) + high.count(leafCounts);
        }

        /** Maps every tree leaf to the node it is anonymized in: a node whose children both hold k rows is split. */
        void fold(Map<Integer, Long> leafCounts, int k, Map<Integer, Integer> into) {
            if (low != null && high != null && low.count(leafCounts) >= k && high.count(leafCounts) >= k) {
                low.fold(leafCounts, k, into);
                high.fold(leafCounts, k, into);
            } else {
                assign(id, into);
            }
        }

        private void assign(int target, Map<Integer, Integer> into) {
            if (low == null || high == null) {
                into.put(id, target);
            } else {
                low.assign(target, into);
                high.assign(target, into);
            }
        }
    }

    /** Routes a row's quasi-identifier values to its leaf. Holds the cut tree (values of the sample's medians only). */
    static final class Router implements UDF1<Row, Integer> {
        private static final long serialVersionUID = 1L;
        private final Cut root;
        private final @Nullable HashMap<Integer, Integer> folds;

        Router(Cut root) {
            this(root, null);
        }

        private Router(Cut root, @Nullable HashMap<Integer, Integer> folds) {
            this.root = root;
            this.folds = folds;
        }

        Router withFolds(Map<Integer, Integer> into) {
            return new Router(root, new HashMap<>(into));
        }

        @Override
        public Integer call(Row values) {
            int leaf = root.route(values);
            return folds == null ? leaf : folds.getOrDefault(leaf, leaf);
        }
    }

    /** Anonymizes the rows of each leaf in a partition with the in-JVM Mondrian. */
    static final class LeafMondrian implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final int k;
        private final String[] names;
        private final int[] qiIndex;
        private final int leafIndex;
        private final boolean[] numeric;
        private final int width;

        LeafMondrian(int k, String[] names, int[] qiIndex, int leafIndex, boolean[] numeric, int width) {
            this.k = k;
            this.names = names;
            this.qiIndex = qiIndex;
            this.leafIndex = leafIndex;
            this.numeric = numeric;
            this.width = width;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> input) {
            Map<Integer, List<Row>> byLeaf = new HashMap<>();
            while (input.hasNext()) {
                Row r = input.next();
                byLeaf.computeIfAbsent(r.getInt(leafIndex), x -> new ArrayList<>()).add(r);
            }
            List<Row> out = new ArrayList<>();
            for (Map.Entry<Integer, List<Row>> e : byLeaf.entrySet()) {
                anonymize(e.getKey(), e.getValue(), out);
            }
            return out.iterator();
        }

        private void anonymize(int leaf, List<Row> rows, List<Row> out) {
            org.privacykit.dataset.Dataset.Builder table = org.privacykit.dataset.Dataset.table(names).quasiIdentifiers(names);
            for (Row r : rows) {
                Object[] values = new Object[names.length];
                for (int i = 0; i < names.length; i++) {
                    Object v = r.get(qiIndex[i]);
                    values[i] = v == null ? null : numeric[i] ? comparable(v) : v.toString();
                }
                table.addRow(values);
            }
            List<EquivalenceClass> classes = Mondrian.builder().k(k).build().anonymize(table.build()).classes();
            Object[][] cells = new Object[rows.size()][];
            long[] classOf = new long[rows.size()];
            Arrays.fill(classOf, -1);
            for (int c = 0; c < classes.size(); c++) {
                EquivalenceClass ec = classes.get(c);
                Object[] published = new Object[names.length];
                for (int i = 0; i < names.length; i++) {
                    Generalized g = ec.generalization().get(names[i]);
                    published[i] = g == null ? "*" : g.toString();
                }
                for (int row : ec.inputRows()) {
                    cells[row] = published;
                    classOf[row] = leaf * CLASSES_PER_LEAF + c;
                }
            }
            for (int row = 0; row < rows.size(); row++) {
                Row r = rows.get(row);
                Object[] values = new Object[width + 1];
                for (int f = 0; f < width; f++) {
                    values[f] = r.get(f);
                }
                for (int i = 0; i < names.length; i++) {
                    values[qiIndex[i]] = cells[row] == null ? "*" : cells[row][i];
                }
                values[width] = classOf[row] < 0 ? leaf * CLASSES_PER_LEAF + CLASSES_PER_LEAF - 1 : classOf[row];
                out.add(RowFactory.create(values));
            }
        }
    }

    /** A number, or a date or time as the in-JVM data set reads it. */
    static Object comparable(Object v) {
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return v;
    }

    /** Builds a {@link SparkMondrian}. */
    public static final class Builder {
        private int k = 2;
        private List<String> quasiIdentifiers = List.of();
        private int sampleRows = 100_000;
        private long leafRows = 50_000;
        private long seed = 1;

        private Builder() {
        }

        /**
         * Sets k.
         *
         * @param k at least 2
         * @return this builder
         */
        public Builder k(int k) {
            if (k < 2) {
                throw new IllegalArgumentException("k must be at least 2; got " + k);
            }
            this.k = k;
            return this;
        }

        /**
         * Names the quasi-identifiers.
         *
         * @param names columns; at least one, no repeats
         * @return this builder
         */
        public Builder quasiIdentifiers(String... names) {
            if (names.length == 0 || Arrays.stream(names).distinct().count() != names.length) {
                throw new IllegalArgumentException("name at least one quasi-identifier, without repeats");
            }
            this.quasiIdentifiers = List.of(names);
            return this;
        }

        /**
         * Sets how many rows the driver samples to cut the top of the tree (default 100,000).
         *
         * @param rows at least 100
         * @return this builder
         */
        public Builder sampleRows(int rows) {
            if (rows < 100) {
                throw new IllegalArgumentException("sample at least 100 rows; got " + rows);
            }
            this.sampleRows = rows;
            return this;
        }

        /**
         * Sets about how many rows one task anonymizes in one JVM (default 50,000).
         *
         * @param rows at least 2k
         * @return this builder
         */
        public Builder leafRows(long rows) {
            this.leafRows = rows;
            return this;
        }

        /**
         * Sets the sample's seed (default 1), so a run can be repeated.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Builds it.
         *
         * @return the distributed Mondrian
         */
        public SparkMondrian build() {
            if (quasiIdentifiers.isEmpty()) {
                throw new IllegalStateException("name the quasi-identifiers");
            }
            if (leafRows < 2L * k) {
                throw new IllegalStateException("leaves of " + leafRows + " rows are too small for k = " + k);
            }
            return new SparkMondrian(this);
        }
    }
}
