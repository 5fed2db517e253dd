package org.privacykit.dataset;

import com.google.errorprone.annotations.CheckReturnValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.NullUnmarked;
import org.privacykit.internal.PropertyAccess;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;

/**
 * Anonymizes a dataset to k-anonymity (and optionally distinct ℓ-diversity) by strict Mondrian
 * multidimensional partitioning (LeFevre, DeWitt and Ramakrishnan, ICDE 2006): the rows are split
 * recursively on the quasi-identifier with the widest normalized range, at the median, as long as
 * both halves keep at least {@code k} rows (and {@code ℓ} distinct sensitive values); each final
 * partition becomes one equivalence class, its quasi-identifiers generalized to the partition's
 * range (local recoding).
 *
 * <ul>
 *   <li>Numbers and dates are ordered; a class publishes its range: {@code 30-39},
 *       {@code 1985-01-03..1985-11-30}, or the value when all rows share it.</li>
 *   <li>Other values (text, enums) are ordered by their natural order and a class publishes the set
 *       of values it holds: {@code {Female, Male}}, or {@code *} when that is every value.
 *       Attributes with missing values are treated this way too.</li>
 *   <li>Rows are suppressed only when no release can reach the model: fewer than {@code k} rows, or
 *       fewer than {@code ℓ} distinct sensitive values in the whole dataset.</li>
 * </ul>
 *
 * <p>Information loss is the normalized certainty penalty (NCP, Xu et al. 2006) averaged over rows
 * and quasi-identifiers: 0 when nothing is generalized, 1 when every value is fully generalized or
 * suppressed; for a range, its width over the attribute's domain width; for a set, (values − 1) over
 * (domain values − 1). The discernibility metric (sum of squared class sizes, each suppressed row
 * counting the dataset size) is reported too. Immutable and thread-safe.
 */
@NullUnmarked // nullness to annotate: see NOTES.md
public final class Mondrian {
    private final int k;
    private final int l;

    private Mondrian(Builder b) {
        this.k = b.k;
        this.l = b.l;
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
     * Returns a k-anonymous release of a dataset.
     *
     * @param dataset the rows and their quasi-identifiers
     * @return the generalized rows, with information loss and suppressed share
     * @throws IllegalArgumentException when ℓ-diversity is asked of a dataset without a sensitive attribute
     */
    @CheckReturnValue
    public AnonymizedDataset anonymize(Dataset dataset) {
        if (l > 1 && dataset.sensitiveAttribute().isEmpty()) {
            throw new IllegalArgumentException("l-diversity needs a sensitive attribute; name one in the dataset");
        }
        Object[][] values = dataset.qiValues();
        int n = values.length;
        int attributes = dataset.quasiIdentifiers().size();
        Attribute[] attrs = new Attribute[attributes];
        for (int a = 0; a < attributes; a++) {
            attrs[a] = Attribute.encode(values, a);
        }
        int[] sensitive = encodeSensitive(dataset.sensitiveValues(), n);
        int sensitiveDistinct = sensitive == null ? 0 : Arrays.stream(sensitive).max().orElse(-1) + 1;

        List<int[]> partitions = new ArrayList<>();
        boolean feasible = n >= k && (l <= 1 || new Distinct(sensitiveDistinct).count(sensitive, all(n), 0, n) >= l);
        if (feasible && n > 0) {
            partition(all(n), attrs, sensitive, sensitiveDistinct, partitions);
        }

        // generalized values per partition, in row order
        Object[][] generalized = new Object[n][];
        double loss = 0;
        double discernibility = 0;
        for (int[] part : partitions) {
            Object[] cells = new Object[attributes];
            double partLoss = 0;
            for (int a = 0; a < attributes; a++) {
                cells[a] = attrs[a].generalize(part);
                partLoss += attrs[a].ncp(part);
            }
            loss += partLoss * part.length;
            discernibility += (double) part.length * part.length;
            for (int row : part) {
                generalized[row] = cells;
            }
        }
        int suppressed = feasible ? 0 : n;
        loss += (double) suppressed * attributes;
        discernibility += (double) suppressed * n;
        double ncp = n == 0 || attributes == 0 ? 0 : loss / ((double) n * attributes);

        List<Map<String, Object>> rows = new ArrayList<>(n - suppressed);
        OutputColumns columns = new OutputColumns(dataset);
        for (int r = 0; r < n; r++) {
            if (generalized[r] == null) {
                continue;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (int a = 0; a < attributes; a++) {
                out.put(dataset.quasiIdentifiers().get(a), generalized[r][a]);
            }
            if (dataset.sensitiveValues() != null) {
                out.put(dataset.sensitiveAttribute().get(), dataset.sensitiveValues()[r]);
            }
            columns.copy(dataset.rows().get(r), out);
            rows.add(out);
        }
        return new AnonymizedDataset(rows, dataset.quasiIdentifiers(), dataset.sensitiveAttribute().orElse(null), k, l,
                partitions.size(), suppressed, n, ncp, discernibility);
    }

    private static int[] all(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    private static int[] encodeSensitive(Object[] values, int n) {
        if (values == null) {
            return null;
        }
        Map<Object, Integer> ids = new HashMap<>();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            Object v = values[i];
            out[i] = ids.computeIfAbsent(v == null ? NULL : v, x -> ids.size());
        }
        return out;
    }

    private static final Object NULL = new Object();

    /** Counts distinct sensitive values of a slice of rows in O(slice), reusing one stamp array. */
    private static final class Distinct {
        private final int[] stamp;
        private int generation;

        Distinct(int values) {
            this.stamp = new int[Math.max(values, 1)];
        }

        int count(int[] sensitive, int[] rows, int from, int to) {
            generation++;
            int distinct = 0;
            for (int i = from; i < to; i++) {
                int v = sensitive[rows[i]];
                if (stamp[v] != generation) {
                    stamp[v] = generation;
                    distinct++;
                }
            }
            return distinct;
        }
    }

    private void partition(int[] root, Attribute[] attrs, int[] sensitive, int sensitiveDistinct, List<int[]> out) {
        Distinct distinct = sensitive == null ? null : new Distinct(sensitiveDistinct);
        Deque<int[]> work = new ArrayDeque<>();
        work.push(root);
        Integer[] order = new Integer[attrs.length];
        double[] width = new double[attrs.length];
        while (!work.isEmpty()) {
            int[] part = work.pop();
            if (part.length < 2L * k) {
                out.add(part);
                continue;
            }
            for (int a = 0; a < attrs.length; a++) {
                width[a] = attrs[a].normalizedWidth(part);
                order[a] = a;
            }
            Arrays.sort(order, Comparator.comparingDouble((Integer a) -> -width[a]));
            boolean split = false;
            for (Integer a : order) {
                if (width[a] <= 0) {
                    break;
                }
                int[][] halves = split(part, attrs[a], sensitive, distinct);
                if (halves != null) {
                    work.push(halves[1]);
                    work.push(halves[0]);
                    split = true;
                    break;
                }
            }
            if (!split) {
                out.add(part);
            }
        }
    }

    /** Splits at the boundary between distinct values nearest the median that keeps both halves valid. */
    private int[][] split(int[] part, Attribute attr, int[] sensitive, Distinct distinct) {
        int size = part.length;
        long[] keyed = new long[size];
        for (int i = 0; i < size; i++) {
            keyed[i] = ((long) attr.rank[part[i]] << 32) | part[i];
        }
        Arrays.sort(keyed);
        int[] sorted = new int[size];
        for (int i = 0; i < size; i++) {
            sorted[i] = (int) keyed[i];
        }
        int middle = size / 2;
        int tries = 0;
        for (int offset = 0; offset <= size; offset++) {
            for (int sign = 0; sign < 2; sign++) {
                int cut = sign == 0 ? middle - offset : middle + offset + 1;
                if (cut < k || size - cut < k) {
                    continue;
                }
                if ((keyed[cut - 1] >>> 32) == (keyed[cut] >>> 32)) {
                    continue; // strict: a value never spans two partitions
                }
                if (l > 1) {
                    if (++tries > 16) {
                        return null;
                    }
                    if (distinct.count(sensitive, sorted, 0, cut) < l || distinct.count(sensitive, sorted, cut, size) < l) {
                        continue;
                    }
                }
                return new int[][] {Arrays.copyOfRange(sorted, 0, cut), Arrays.copyOfRange(sorted, cut, size)};
            }
            if (middle - offset < k && middle + offset + 1 > size - k) {
                break;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "Mondrian[k=" + k + (l > 1 ? ", l=" + l : "") + "]";
    }

    /** One quasi-identifier, encoded as ranks of its distinct values. */
    private static final class Attribute {
        final int[] rank;
        final Object[] values;      // by rank
        final double[] numeric;     // by rank, or null for categorical
        final double domainWidth;
        final int domainSize;

        private Attribute(int[] rank, Object[] values, double[] numeric) {
            this.rank = rank;
            this.values = values;
            this.numeric = numeric;
            this.domainSize = values.length;
            this.domainWidth = numeric == null ? Math.max(0, values.length - 1)
                    : values.length == 0 ? 0 : numeric[numeric.length - 1] - numeric[0];
        }

        static Attribute encode(Object[][] rows, int a) {
            int n = rows.length;
            boolean numericKind = n > 0;
            boolean comparable = true;
            Class<?> first = null;
            for (Object[] row : rows) {
                Object v = row[a];
                if (v == null || toNumber(v) == null) {
                    numericKind = false;
                }
                if (v == null || !(v instanceof Comparable) || (first != null && v.getClass() != first)) {
                    comparable = false;
                } else if (first == null) {
                    first = v.getClass();
                }
            }
            Map<Object, Integer> index = new HashMap<>();
            List<Object> distinct = new ArrayList<>();
            for (Object[] row : rows) {
                Object key = row[a] == null ? NULL : row[a];
                if (!index.containsKey(key)) {
                    index.put(key, -1);
                    distinct.add(key);
                }
            }
            Comparator<Object> order;
            if (numericKind) {
                order = Comparator.comparingDouble(v -> toNumber(v));
            } else if (comparable) {
                @SuppressWarnings({"unchecked", "rawtypes"})
                Comparator<Object> natural = (x, y) -> ((Comparable) x).compareTo(y);
                order = natural;
            } else {
                order = Comparator.comparing((Object v) -> v == NULL ? "" : v.toString())
                        .thenComparing(v -> v == NULL ? 0 : 1);
            }
            distinct.sort(order);
            Object[] values = new Object[distinct.size()];
            double[] numeric = numericKind ? new double[distinct.size()] : null;
            for (int i = 0; i < values.length; i++) {
                Object v = distinct.get(i);
                index.put(v, i);
                values[i] = v == NULL ? null : v;
                if (numeric != null) {
                    numeric[i] = toNumber(v);
                }
            }
            int[] rank = new int[n];
            for (int r = 0; r < n; r++) {
                rank[r] = index.get(rows[r][a] == null ? NULL : rows[r][a]);
            }
            return new Attribute(rank, values, numeric);
        }

        static Double toNumber(Object v) {
            if (v instanceof Number) {
                return ((Number) v).doubleValue();
            }
            if (v instanceof LocalDate) {
                return (double) ((LocalDate) v).toEpochDay();
            }
            if (v instanceof LocalDateTime) {
                return (double) ((LocalDateTime) v).toEpochSecond(ZoneOffset.UTC);
            }
            if (v instanceof OffsetDateTime) {
                return (double) ((OffsetDateTime) v).toEpochSecond();
            }
            if (v instanceof ZonedDateTime) {
                return (double) ((ZonedDateTime) v).toEpochSecond();
            }
            if (v instanceof Instant) {
                return (double) ((Instant) v).getEpochSecond();
            }
            return null;
        }

        private int[] range(int[] part) {
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int row : part) {
                int r = rank[row];
                min = Math.min(min, r);
                max = Math.max(max, r);
            }
            return new int[] {min, max};
        }

        double normalizedWidth(int[] part) {
            int[] mm = range(part);
            if (domainWidth == 0) {
                return 0;
            }
            return numeric == null ? (mm[1] - mm[0]) / domainWidth : (numeric[mm[1]] - numeric[mm[0]]) / domainWidth;
        }

        private int presentCount(int[] part) {
            boolean[] seen = new boolean[domainSize];
            int count = 0;
            for (int row : part) {
                if (!seen[rank[row]]) {
                    seen[rank[row]] = true;
                    count++;
                }
            }
            return count;
        }

        double ncp(int[] part) {
            if (domainWidth == 0) {
                return 0;
            }
            if (numeric != null) {
                int[] mm = range(part);
                return (numeric[mm[1]] - numeric[mm[0]]) / domainWidth;
            }
            return (presentCount(part) - 1) / (double) (domainSize - 1);
        }

        Object generalize(int[] part) {
            int[] mm = range(part);
            if (mm[0] == mm[1]) {
                return values[mm[0]];
            }
            if (numeric != null) {
                Object low = values[mm[0]];
                Object high = values[mm[1]];
                String separator = low instanceof Number ? "-" : "..";
                return plain(low) + separator + plain(high);
            }
            boolean[] seen = new boolean[domainSize];
            for (int row : part) {
                seen[rank[row]] = true;
            }
            int count = 0;
            StringBuilder set = new StringBuilder("{");
            for (int r = 0; r < domainSize; r++) {
                if (seen[r]) {
                    if (count++ > 0) {
                        set.append(", ");
                    }
                    set.append(values[r]);
                }
            }
            return count == domainSize ? "*" : set.append('}').toString();
        }

        private static String plain(Object v) {
            if (v instanceof Double || v instanceof Float) {
                double d = ((Number) v).doubleValue();
                return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : v.toString();
            }
            if (v instanceof java.math.BigDecimal) {
                return ((java.math.BigDecimal) v).toPlainString();
            }
            return String.valueOf(v);
        }
    }

    /** The columns an anonymized row keeps besides quasi-identifiers and the sensitive attribute. */
    private static final class OutputColumns {
        private final List<String> mapColumns;
        private final List<PropertyMetadata> properties;

        OutputColumns(Dataset dataset) {
            this.mapColumns = dataset.keptAttributes();
            List<PropertyMetadata> props = new ArrayList<>();
            Class<?> type = dataset.rowClass();
            if (type != null && type != Map.class && PrivacyMetadata.isNavigable(type)) {
                ClassMetadata metadata = PrivacyMetadata.of(type);
                for (PropertyMetadata p : metadata.properties()) {
                    boolean named = dataset.quasiIdentifiers().contains(p.name())
                            || p.name().equals(dataset.sensitiveAttribute().orElse(null));
                    boolean plain = !PrivacyMetadata.isNavigable(p.elementClass()) && !p.isContainer()
                            && !p.rawType().isArray();
                    if (!named && plain && !p.isProtected() && !p.isSubjectId() && !p.isEncrypted()) {
                        props.add(p);
                    }
                }
            }
            this.properties = props;
        }

        void copy(Object row, Map<String, Object> out) {
            if (row instanceof Map) {
                Map<?, ?> map = (Map<?, ?>) row;
                for (String column : mapColumns) {
                    out.put(column, map.get(column));
                }
            } else {
                for (PropertyMetadata p : properties) {
                    out.put(p.name(), PropertyAccess.read(p, row));
                }
            }
        }
    }

    /** Builds a {@link Mondrian}. */
    public static final class Builder {
        private int k = 2;
        private int l = 1;

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
         * Sets ℓ: every equivalence class holds at least ℓ distinct values of the sensitive attribute.
         * The default, 1, asks for nothing.
         *
         * @param l at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder l(int l) {
            if (l < 1) {
                throw new IllegalArgumentException("l must be at least 1; got " + l);
            }
            this.l = l;
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
