package org.privacykit.dataset;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.privacykit.dataset.hierarchy.Generalized;
import org.privacykit.dataset.hierarchy.Hierarchy;

/**
 * A quasi-identifier encoded for anonymization: every value gets a rank in an order that keeps each
 * hierarchy node's values together (depth-first), or the natural order of numbers and dates; each
 * hierarchy level maps ranks to node ids. Knows what a class publishes for a set of rows and what it
 * costs (normalized certainty penalty, NCP), over the values the class holds and over what it
 * publishes.
 */
final class QiColumn {
    final String name;
    final @Nullable Hierarchy hierarchy;
    /** Rank of each sample row's value. */
    final int[] rank;
    /** Rank of each population row's value, or {@code null}. */
    final int @Nullable [] populationRank;
    /** Values by rank. */
    final Object[] values;
    /** Sample rows per rank (0 for values only the population holds). */
    final int[] counts;
    /** Numeric values by rank, or {@code null} when the column is not numeric. */
    final double @Nullable [] numeric;
    /** Distinct values the sample holds. */
    final int domainSize;
    /** Numeric width of the sample's values. */
    final double numericWidth;
    /** Levels above the values: the hierarchy's height, or 1 ({@code *}) without a hierarchy. */
    final int height;
    /** [level][rank] node id; level 0 is the rank itself. */
    final int[][] group;
    /** [level][node] what the node publishes. */
    final Generalized[][] node;
    /** [level][node] NCP of publishing the node. */
    final double[][] nodeLoss;
    /** [level][node] first and last rank the node covers (its ranks are contiguous), and its sample rows. */
    final int[][] nodeFirst;
    final int[][] nodeLast;
    final int[][] nodeRows;
    private final Map<Object, Integer> rankOf;
    private final Map<Generalized, Coverage> coverages = new java.util.concurrent.ConcurrentHashMap<>();
    private final int lowestPresent;
    private final int highestPresent;

    private QiColumn(String name, @Nullable Hierarchy hierarchy, int[] rank, int @Nullable [] populationRank,
                     @Nullable Object[] values, int[] counts) {
        this.name = name;
        this.hierarchy = hierarchy;
        this.rank = rank;
        this.populationRank = populationRank;
        this.values = values;
        this.counts = counts;
        int present = 0;
        int low = -1;
        int high = -1;
        for (int r = 0; r < counts.length; r++) {
            if (counts[r] > 0) {
                present++;
                if (low < 0) {
                    low = r;
                }
                high = r;
            }
        }
        this.domainSize = present;
        this.lowestPresent = low;
        this.highestPresent = high;
        this.numeric = numericValues(values);
        this.numericWidth = numeric == null || present == 0 ? 0 : numeric[high] - numeric[low];
        this.height = hierarchy == null ? 1 : hierarchy.height();
        this.group = new int[height + 1][];
        this.node = new Generalized[height + 1][];
        this.nodeLoss = new double[height + 1][];
        this.nodeFirst = new int[height + 1][];
        this.nodeLast = new int[height + 1][];
        this.nodeRows = new int[height + 1][];
        this.rankOf = new HashMap<>();
        for (int r = 0; r < values.length; r++) {
            rankOf.put(values[r] == null ? NullKey.NULL : values[r], r);
        }
        nodeFirst[0] = new int[values.length];
        nodeLast[0] = new int[values.length];
        nodeRows[0] = counts.clone();
        group[0] = new int[values.length];
        node[0] = new Generalized[values.length];
        nodeLoss[0] = new double[values.length];
        for (int r = 0; r < values.length; r++) {
            group[0][r] = r;
            node[0][r] = Generalized.of(values[r]);
            nodeFirst[0][r] = r;
            nodeLast[0][r] = r;
        }
        for (int level = 1; level <= height; level++) {
            Map<Generalized, Integer> ids = new HashMap<>();
            List<Generalized> nodes = new ArrayList<>();
            group[level] = new int[values.length];
            for (int r = 0; r < values.length; r++) {
                Generalized g = hierarchy == null ? Generalized.any() : hierarchy.generalize(values[r], level);
                Integer id = ids.get(g);
                if (id == null) {
                    id = nodes.size();
                    ids.put(g, id);
                    nodes.add(g);
                }
                group[level][r] = id;
            }
            node[level] = nodes.toArray(new Generalized[0]);
            nodeLoss[level] = new double[nodes.size()];
            int[] lo = new int[nodes.size()];
            int[] hi = new int[nodes.size()];
            int[] covered = new int[nodes.size()];
            Arrays.fill(lo, Integer.MAX_VALUE);
            Arrays.fill(hi, -1);
            nodeFirst[level] = new int[nodes.size()];
            nodeLast[level] = new int[nodes.size()];
            nodeRows[level] = new int[nodes.size()];
            Arrays.fill(nodeFirst[level], Integer.MAX_VALUE);
            for (int r = 0; r < values.length; r++) {
                int id = group[level][r];
                nodeFirst[level][id] = Math.min(nodeFirst[level][id], r);
                nodeLast[level][id] = Math.max(nodeLast[level][id], r);
                nodeRows[level][id] += counts[r];
            }
            for (int r = 0; r < values.length; r++) {
                if (counts[r] > 0) {
                    int id = group[level][r];
                    lo[id] = Math.min(lo[id], r);
                    hi[id] = Math.max(hi[id], r);
                    covered[id]++;
                }
            }
            for (int id = 0; id < nodes.size(); id++) {
                nodeLoss[level][id] = covered[id] == 0 ? 0 : loss(lo[id], hi[id], covered[id]);
            }
        }
    }

    /**
     * Encodes a quasi-identifier of a dataset, and of its population when it has one.
     *
     * @throws IllegalArgumentException naming the column and the row when a value is absent from the
     *         column's hierarchy
     */
    static QiColumn of(Dataset data, int column) {
        String name = data.columns().get(column);
        Hierarchy hierarchy = data.hierarchyAt(column);
        Object[] dictionary = data.dictionary(column);
        int[] codes = data.codes(column);
        Dataset population = data.population().orElse(null);
        @Nullable Object[] popDictionary = null;
        int @Nullable [] popCodes = null;
        if (population != null) {
            int pc = population.indexOf(name);
            popDictionary = population.dictionary(pc);
            popCodes = population.codes(pc);
        }
        if (hierarchy != null) {
            checkHierarchy(name, hierarchy, dictionary, codes, "row");
            if (popDictionary != null && popCodes != null) {
                checkHierarchy(name, hierarchy, popDictionary, popCodes, "population row");
            }
        }
        // the union of values, sample first
        Map<Object, Integer> union = new HashMap<>();
        List<Object> all = new ArrayList<>();
        boolean hasNull = false;
        for (Object v : dictionary) {
            if (v == null) {
                hasNull = true;
            } else if (union.putIfAbsent(v, all.size()) == null) {
                all.add(v);
            }
        }
        if (popDictionary != null) {
            for (Object v : popDictionary) {
                if (v == null) {
                    hasNull = true;
                } else if (union.putIfAbsent(v, all.size()) == null) {
                    all.add(v);
                }
            }
        }
        all.sort(order(hierarchy, all));
        if (hasNull) {
            all.add(null);
        }
        Map<Object, Integer> rankOf = new HashMap<>();
        for (int r = 0; r < all.size(); r++) {
            rankOf.put(all.get(r) == null ? NullKey.NULL : all.get(r), r);
        }
        int[] sampleRankByCode = new int[dictionary.length];
        for (int code = 0; code < dictionary.length; code++) {
            sampleRankByCode[code] = rank(rankOf, dictionary[code]);
        }
        int[] rank = new int[codes.length];
        int[] counts = new int[all.size()];
        for (int row = 0; row < codes.length; row++) {
            rank[row] = sampleRankByCode[codes[row]];
            counts[rank[row]]++;
        }
        int @Nullable [] popRank = null;
        if (popDictionary != null && popCodes != null) {
            int[] byCode = new int[popDictionary.length];
            for (int code = 0; code < popDictionary.length; code++) {
                byCode[code] = rank(rankOf, popDictionary[code]);
            }
            popRank = new int[popCodes.length];
            for (int row = 0; row < popCodes.length; row++) {
                popRank[row] = byCode[popCodes[row]];
            }
        }
        return new QiColumn(name, hierarchy, rank, popRank, all.toArray(), counts);
    }

    private enum NullKey { NULL }

    private static int rank(Map<Object, Integer> rankOf, @Nullable Object value) {
        Integer r = rankOf.get(value == null ? NullKey.NULL : value);
        if (r == null) {
            throw new IllegalStateException("a value has no rank");
        }
        return r;
    }

    private static void checkHierarchy(String name, Hierarchy hierarchy, @Nullable Object[] dictionary, int[] codes,
                                       String what) {
        for (int code = 0; code < dictionary.length; code++) {
            if (!hierarchy.contains(dictionary[code])) {
                int row = 0;
                while (codes[row] != code) {
                    row++;
                }
                throw new IllegalArgumentException("column '" + name + "': " + what + " " + (row + 1) + " holds "
                        + (dictionary[code] == null ? "no value, which" : "a value that") + " is absent from its hierarchy");
            }
        }
    }

    private static Comparator<Object> order(@Nullable Hierarchy hierarchy, List<Object> values) {
        if (hierarchy != null) {
            return hierarchy.order();
        }
        boolean numeric = !values.isEmpty();
        boolean comparable = !values.isEmpty();
        Class<?> first = values.isEmpty() ? null : values.get(0).getClass();
        for (Object v : values) {
            numeric &= toNumber(v) != null;
            comparable &= v instanceof Comparable && v.getClass() == first;
        }
        if (numeric) {
            return Comparator.comparingDouble(QiColumn::toNumber);
        }
        if (comparable) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Comparator<Object> natural = (x, y) -> ((Comparable) x).compareTo(y);
            return natural;
        }
        return Comparator.comparing(String::valueOf);
    }

    private static double @Nullable [] numericValues(@Nullable Object[] values) {
        double[] out = new double[values.length];
        boolean any = false;
        for (int r = 0; r < values.length; r++) {
            Double d = values[r] == null ? null : toNumber(values[r]);
            if (d == null) {
                return null;
            }
            out[r] = d;
            any = true;
        }
        return any ? out : null;
    }

    /** A number for ordered values (numbers, dates, times), else {@code null}. */
    static @Nullable Double toNumber(@Nullable Object v) {
        if (v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Double.isNaN(d) ? null : d;
        }
        if (v instanceof LocalDate d) {
            return (double) d.toEpochDay();
        }
        if (v instanceof LocalDateTime t) {
            return (double) t.toEpochSecond(ZoneOffset.UTC);
        }
        if (v instanceof OffsetDateTime t) {
            return (double) t.toEpochSecond();
        }
        if (v instanceof ZonedDateTime t) {
            return (double) t.toEpochSecond();
        }
        if (v instanceof Instant i) {
            return (double) i.getEpochSecond();
        }
        if (v instanceof LocalTime t) {
            return (double) t.toNanoOfDay();
        }
        return null;
    }

    /** NCP of holding (or publishing) the values from rank {@code low} to {@code high}, {@code distinct} of them. */
    double loss(int low, int high, int distinct) {
        if (numeric != null) {
            return numericWidth == 0 ? 0 : (numeric[high] - numeric[low]) / numericWidth;
        }
        return domainSize <= 1 ? 0 : (distinct - 1) / (double) (domainSize - 1);
    }

    /** The level of the lowest node holding ranks {@code low} to {@code high}. */
    int commonLevel(int low, int high) {
        int level = 0;
        while (group[level][low] != group[level][high]) {
            level++;
        }
        return level;
    }

    /** What a class holding these ranks publishes. */
    Generalized publish(int low, int high, boolean @Nullable [] held) {
        if (low == high) {
            return node[0][low];
        }
        if (hierarchy != null) {
            int level = commonLevel(low, high);
            return node[level][group[level][low]];
        }
        Object lowest = values[low];
        Object highest = values[high];
        if (numeric != null && lowest != null && highest != null) {
            return range(lowest, highest);
        }
        if (held == null) {
            throw new IllegalStateException("column '" + name + "': a set needs the values held");
        }
        if (low == lowestPresent && high == highestPresent && countHeld(held, low, high) == domainSize) {
            return Generalized.any();
        }
        Set<Object> set = new LinkedHashSet<>();
        for (int r = low; r <= high; r++) {
            if (held[r]) {
                set.add(values[r]);
            }
        }
        return new Generalized.ValueSet(set);
    }

    /** NCP of what {@link #publish} returns. */
    double publishedLoss(int low, int high, int distinct) {
        if (low == high) {
            return 0;
        }
        if (hierarchy != null) {
            int level = commonLevel(low, high);
            return nodeLoss[level][group[level][low]];
        }
        return loss(low, high, distinct);
    }

    private static int countHeld(boolean[] held, int low, int high) {
        int n = 0;
        for (int r = low; r <= high; r++) {
            if (held[r]) {
                n++;
            }
        }
        return n;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Generalized range(Object low, Object high) {
        if (low.getClass() != high.getClass() && low instanceof Number l && high instanceof Number h) {
            return Generalized.Range.closed(new java.math.BigDecimal(l.toString()), new java.math.BigDecimal(h.toString()));
        }
        return Generalized.Range.closed((Comparable) low, (Comparable) high);
    }

    /** The rank of a value, or -1. */
    int rankOf(@Nullable Object value) {
        return rankOf.getOrDefault(value == null ? NullKey.NULL : value, -1);
    }

    /**
     * The ranks a published cell covers, and the sample rows holding them. Cells of this column's
     * hierarchy cover their node's ranks; ranges and sets without a hierarchy cover the values they
     * name.
     */
    Coverage coverage(Generalized cell) {
        return coverages.computeIfAbsent(cell, this::computeCoverage);
    }

    private Coverage computeCoverage(Generalized cell) {
        int total = Arrays.stream(counts).sum();
        if (cell instanceof Generalized.Any) {
            return new Coverage(0, values.length - 1, null, total,
                    domainSize == 0 ? 0 : loss(lowestPresent, highestPresent, domainSize));
        }
        for (int level = 1; level <= height && hierarchy != null; level++) {
            for (int id = 0; id < node[level].length; id++) {
                if (node[level][id].equals(cell)) {
                    return new Coverage(nodeFirst[level][id], nodeLast[level][id], null, nodeRows[level][id],
                            nodeLoss[level][id]);
                }
            }
        }
        if (cell instanceof Generalized.Value v) {
            int r = rankOf(v.value());
            return r < 0 ? new Coverage(0, -1, null, 0, 0) : new Coverage(r, r, null, counts[r], 0);
        }
        if (cell instanceof Generalized.Range<?> range) {
            int low = rankOf(range.low());
            int high = rankOf(range.high());
            int rows = 0;
            int present = 0;
            for (int r = low; r <= high; r++) {
                rows += counts[r];
                present += counts[r] > 0 ? 1 : 0;
            }
            return new Coverage(low, high, null, rows, loss(low, high, present));
        }
        if (cell instanceof Generalized.ValueSet set) {
            boolean[] held = new boolean[values.length];
            int low = Integer.MAX_VALUE;
            int high = -1;
            int rows = 0;
            int present = 0;
            for (Object v : set.values()) {
                int r = rankOf(v);
                held[r] = true;
                low = Math.min(low, r);
                high = Math.max(high, r);
                rows += counts[r];
                present += counts[r] > 0 ? 1 : 0;
            }
            return new Coverage(low, high, held, rows, loss(low, high, present));
        }
        throw new IllegalStateException("column '" + name + "' did not publish " + cell.getClass().getSimpleName());
    }

    /**
     * The ranks a cell covers: from {@code first} to {@code last}, restricted to {@code held} when not
     * {@code null}; the sample rows holding them; and the NCP of publishing the cell.
     */
    static final class Coverage {
        private final int first;
        private final int last;
        private final boolean @Nullable [] held;
        private final int rows;
        private final double loss;

        Coverage(int first, int last, boolean @Nullable [] held, int rows, double loss) {
            this.first = first;
            this.last = last;
            this.held = held;
            this.rows = rows;
            this.loss = loss;
        }

        int first() {
            return first;
        }

        int last() {
            return last;
        }

        int rows() {
            return rows;
        }

        double loss() {
            return loss;
        }

        boolean covers(int rank) {
            boolean[] set = held;
            return rank >= first && rank <= last && (set == null || set[rank]);
        }
    }
}
