package org.privacykit.dataset;

import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.PriorityQueue;

import org.jspecify.annotations.Nullable;

/**
 * Finds the node of the generalization lattice (one hierarchy level per quasi-identifier) whose
 * release meets the models with at most the allowed suppressed rows and loses the least
 * information (NCP of what it publishes, suppressed rows counting 1).
 *
 * <p>The search is exact. A node's loss is its generalization loss — a sum over quasi-identifiers of
 * each level's loss, known without looking at the rows and never lower for a more general node — plus
 * what suppression adds. Nodes are visited best first from the bottom of the lattice in increasing
 * order of that bound, and the search stops once the bound reaches the best loss found: no unvisited
 * node can do better. Before a node is evaluated, two cheap tests may show it suppresses too much:
 * <ul>
 *   <li>a known failing node above it, as in OLA and Flash: failing means suppressing too much when
 *       the models are monotone under suppression (k-anonymity, distinct ℓ-diversity, k-map), else
 *       having too many rows in classes smaller than k, which is monotone whatever the other models;
 *       an unknown node is settled by a binary search on a path from it to the top;</li>
 *   <li>its projections on one or two quasi-identifiers (Incognito's subset property): rows in a
 *       class smaller than k there are in a class smaller than k at the node, and suppressed.</li>
 * </ul>
 * A node is evaluated from the classes of an evaluated node one level below it when one is cached
 * (classes only merge going up), else from the table's distinct tuples.
 */
final class LatticeSearch {
    /** The largest lattice searched: beyond, hierarchies need fewer levels. */
    static final long MAX_NODES = 1L << 24;
    /** Integers of cached class snapshots kept for roll-up, about 64 MiB. */
    private static final long CACHE_INTS = 1L << 24;

    private final QiColumn[] qis;
    private final ModelSet models;
    private final int m;
    private final int[] radix;
    private final long nodes;
    /** [attribute][level] generalization loss summed over rows. */
    private final double[][] levelLoss;
    private final long suppressionBudget;
    private final int rows;
    private final boolean simple;
    private final boolean packable;
    private final boolean monotone;
    /** Rows in classes smaller than k at the node evaluated last. */
    private long lastSmallRows;

    // distinct quasi-identifier tuples of the table
    private final int tuples;
    /** [attribute][level][tuple] node id. */
    private final int[][][] tupleNode;
    private final int[] tupleCount;
    private final int[][] tupleHistogram;
    private final int populationTuples;
    private final int @Nullable [][][] populationNode;
    private final int @Nullable [] populationCount;
    /** Rows in classes smaller than k of each projection: [a][b][levelA * radix[b] + levelB], a <= b. */
    private final long[][][] projectionSmall;

    private final Map<Long, Snapshot> cache = new LinkedHashMap<>(256, 0.75f, true);
    private final Map<Long, Double> losses = new java.util.HashMap<>();
    private int[][] failing = new int[16][];
    private int failures;
    private int[][] meeting = new int[16][];
    private int meetings;
    private long cached;
    private int evaluated;
    private int skipped;

    LatticeSearch(QiColumn[] qis, ModelSet models, int rows, double suppressionLimit) {
        this.qis = qis;
        this.models = models;
        this.m = qis.length;
        this.rows = rows;
        this.suppressionBudget = (long) Math.floor(suppressionLimit * rows + 1e-9);
        this.simple = models.models.size() == 1 && !models.usesHistograms() && !models.needsPopulation;
        this.monotone = models.monotoneWithSuppression || suppressionBudget == 0;
        this.radix = new int[m];
        long count = 1;
        double keySpace = 1;
        for (int a = 0; a < m; a++) {
            radix[a] = qis[a].height + 1;
            count *= radix[a];
            keySpace *= qis[a].values.length;
            if (count > MAX_NODES) {
                throw new IllegalArgumentException("the generalization lattice has more than " + MAX_NODES
                        + " nodes; give the hierarchies fewer levels");
            }
        }
        this.nodes = count;
        this.packable = keySpace < (double) (Long.MAX_VALUE >> 1);
        this.levelLoss = new double[m][];
        for (int a = 0; a < m; a++) {
            QiColumn q = qis[a];
            levelLoss[a] = new double[q.height + 1];
            for (int level = 0; level <= q.height; level++) {
                double sum = 0;
                for (int r = 0; r < q.values.length; r++) {
                    sum += q.counts[r] * q.nodeLoss[level][q.group[level][r]];
                }
                levelLoss[a][level] = sum;
            }
        }
        // compress rows into distinct tuples
        int[][] ranks = new int[m][];
        for (int a = 0; a < m; a++) {
            ranks[a] = qis[a].rank;
        }
        Grouping tupleOf = Grouping.of(rows, ranks);
        this.tuples = tupleOf.classes;
        this.tupleCount = tupleOf.sizes;
        int[][] tupleRank = new int[m][tuples];
        for (int row = 0; row < rows; row++) {
            int t = tupleOf.classOf[row];
            for (int a = 0; a < m; a++) {
                tupleRank[a][t] = qis[a].rank[row];
            }
        }
        this.tupleNode = nodesOf(tupleRank, tuples);
        this.tupleHistogram = new int[models.domains.length][];
        for (int s = 0; s < models.domains.length; s++) {
            int domain = models.domains[s];
            tupleHistogram[s] = new int[tuples * domain];
            int[] codes = models.sensitiveCodes[s];
            for (int row = 0; row < rows; row++) {
                tupleHistogram[s][tupleOf.classOf[row] * domain + codes[row]]++;
            }
        }
        if (models.needsPopulation) {
            int[][] popRanks = new int[m][];
            for (int a = 0; a < m; a++) {
                popRanks[a] = java.util.Objects.requireNonNull(qis[a].populationRank);
            }
            int p = popRanks[0].length;
            Grouping popOf = Grouping.of(p, popRanks);
            this.populationTuples = popOf.classes;
            this.populationCount = popOf.sizes;
            int[][] populationRank = new int[m][populationTuples];
            for (int row = 0; row < p; row++) {
                for (int a = 0; a < m; a++) {
                    populationRank[a][popOf.classOf[row]] = popRanks[a][row];
                }
            }
            this.populationNode = nodesOf(populationRank, populationTuples);
        } else {
            this.populationTuples = 0;
            this.populationNode = null;
            this.populationCount = null;
        }
        this.projectionSmall = projections();
    }

    private int[][][] nodesOf(int[][] ranks, int count) {
        int[][][] out = new int[m][][];
        for (int a = 0; a < m; a++) {
            QiColumn q = qis[a];
            out[a] = new int[q.height + 1][count];
            for (int level = 0; level <= q.height; level++) {
                int[] group = q.group[level];
                int[] target = out[a][level];
                int[] rank = ranks[a];
                for (int t = 0; t < count; t++) {
                    target[t] = group[rank[t]];
                }
            }
        }
        return out;
    }

    /** For every pair of quasi-identifiers (and each alone) and levels: rows in classes smaller than k. */
    private long[][][] projections() {
        int k = models.minimumSize;
        long[][][] out = new long[m][m][];
        for (int a = 0; a < m; a++) {
            for (int b = a; b < m; b++) {
                // the distinct (value a, value b) cells and their rows
                int[] rankA = tupleNode[a][0];
                int[] rankB = tupleNode[b][0];
                LongIntMap cells = new LongIntMap(256);
                int[] cellOf = new int[tuples];
                for (int t = 0; t < tuples; t++) {
                    cellOf[t] = cells.idOf(((long) rankA[t] << 32) | rankB[t]);
                }
                int count = cells.size();
                int[] cellA = new int[count];
                int[] cellB = new int[count];
                int[] cellRows = new int[count];
                for (int t = 0; t < tuples; t++) {
                    cellA[cellOf[t]] = rankA[t];
                    cellB[cellOf[t]] = rankB[t];
                    cellRows[cellOf[t]] += tupleCount[t];
                }
                long[] small = new long[radix[a] * radix[b]];
                int[] size = new int[count];
                for (int la = 0; la < radix[a]; la++) {
                    int[] groupA = qis[a].group[la];
                    for (int lb = 0; lb < radix[b]; lb++) {
                        int[] groupB = qis[b].group[lb];
                        LongIntMap ids = new LongIntMap(64);
                        Arrays.fill(size, 0);
                        for (int c = 0; c < count; c++) {
                            size[ids.idOf(((long) groupA[cellA[c]] << 32) | groupB[cellB[c]])] += cellRows[c];
                        }
                        long rowsBelow = 0;
                        for (int g = 0; g < ids.size(); g++) {
                            if (size[g] < k) {
                                rowsBelow += size[g];
                            }
                        }
                        small[la * radix[b] + lb] = rowsBelow;
                    }
                }
                out[a][b] = small;
            }
        }
        return out;
    }

    /** The outcome of evaluating one node. */
    static final class Evaluation {
        final int[] levels;
        final int[] groupOfTuple;
        final int groups;
        final boolean[] failing;
        final long suppressed;
        final long smallRows;
        final double loss;

        Evaluation(int[] levels, int[] groupOfTuple, int groups, boolean[] failing, long suppressed, long smallRows,
                   double loss) {
            this.smallRows = smallRows;
            this.levels = levels;
            this.groupOfTuple = groupOfTuple;
            this.groups = groups;
            this.failing = failing;
            this.suppressed = suppressed;
            this.loss = loss;
        }
    }

    /** A node's classes: one representative tuple each, sizes and sensitive histograms. */
    private static final class Snapshot {
        final int groups;
        final int[] representative;
        final int[] size;
        final int[][] histograms;

        Snapshot(int groups, int[] representative, int[] size, int[][] histograms) {
            this.groups = groups;
            this.representative = representative;
            this.size = size;
            this.histograms = histograms;
        }

        long ints() {
            long n = 2L * groups;
            for (int[] h : histograms) {
                n += h.length;
            }
            return n;
        }
    }

    int evaluated() {
        return evaluated;
    }

    int skipped() {
        return skipped;
    }

    long nodes() {
        return nodes;
    }

    /** The best node, or {@code null} when no node meets the models within the budget. */
    @Nullable Evaluation search() {
        double total = (double) rows * m;
        PriorityQueue<double[]> queue = new PriorityQueue<>((x, y) -> Double.compare(x[0], y[0]));
        BitSet seen = new BitSet();
        queue.add(new double[] {bound(new int[m]), 0});
        seen.set(0);
        int[] bestLevels = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        int[] levels = new int[m];
        while (!queue.isEmpty()) {
            double[] next = queue.poll();
            if (total == 0 || next[0] / total >= bestLoss) {
                break;
            }
            long index = (long) next[1];
            decode(index, levels);
            Double loss = losses.get(index);
            if (loss == null) {
                Status known = status(levels);
                if (known == Status.UNKNOWN) {
                    resolve(levels);
                    known = status(levels);
                    loss = losses.get(index);
                }
                if (loss == null && known != Status.FAILS) {
                    loss = evaluateLoss(index, levels);
                } else if (loss == null) {
                    skipped++;
                }
            }
            if (loss != null && loss >= 0 && loss < bestLoss) {
                bestLoss = loss;
                bestLevels = levels.clone();
            }
            for (int a = 0; a < m; a++) {
                if (levels[a] < radix[a] - 1) {
                    levels[a]++;
                    long successor = encode(levels);
                    if (!seen.get((int) successor)) {
                        seen.set((int) successor);
                        queue.add(new double[] {bound(levels), successor});
                    }
                    levels[a]--;
                }
            }
        }
        cache.clear();
        return bestLevels == null ? null : evaluate(bestLevels);
    }

    private enum Status { UNKNOWN, FAILS, MEETS }

    /** What is known of a node from the nodes evaluated so far, in the sense of {@link #monotone}. */
    private Status status(int[] levels) {
        if (projectionsExceedBudget(levels)) {
            return Status.FAILS;
        }
        for (int f = 0; f < failures; f++) {
            if (dominatedBy(levels, failing[f])) {
                return Status.FAILS;
            }
        }
        for (int f = 0; f < meetings; f++) {
            if (dominatedBy(meeting[f], levels)) {
                return Status.MEETS;
            }
        }
        return Status.UNKNOWN;
    }

    /**
     * Learns whether a node suppresses too much by a binary search on a path from it to the top of the
     * lattice (Flash's idea): every node evaluated on the way marks the nodes above it as meeting the
     * budget, or those below as failing.
     */
    private void resolve(int[] start) {
        int length = 0;
        for (int a = 0; a < m; a++) {
            length += radix[a] - 1 - start[a];
        }
        int[][] path = new int[length + 1][];
        path[0] = start.clone();
        int[] current = start.clone();
        for (int step = 1; step <= length; step++) {
            int choice = -1;
            double cheapest = Double.POSITIVE_INFINITY;
            for (int a = 0; a < m; a++) {
                if (current[a] < radix[a] - 1) {
                    double increase = levelLoss[a][current[a] + 1] - levelLoss[a][current[a]];
                    if (increase < cheapest) {
                        cheapest = increase;
                        choice = a;
                    }
                }
            }
            current[choice]++;
            path[step] = current.clone();
        }
        int low = 0;
        int high = length;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            Status known = status(path[middle]);
            if (known == Status.UNKNOWN) {
                evaluateLoss(encode(path[middle]), path[middle]);
                known = status(path[middle]);
            }
            if (known == Status.FAILS) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
            if (status(start) != Status.UNKNOWN) {
                return;
            }
        }
    }

    private boolean projectionsExceedBudget(int[] levels) {
        for (int a = 0; a < m; a++) {
            for (int b = a; b < m; b++) {
                if (projectionSmall[a][b][levels[a] * radix[b] + levels[b]] > suppressionBudget) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean dominatedBy(int[] node, int[] other) {
        for (int a = 0; a < node.length; a++) {
            if (node[a] > other[a]) {
                return false;
            }
        }
        return true;
    }

    private double bound(int[] levels) {
        double sum = 0;
        for (int a = 0; a < m; a++) {
            sum += levelLoss[a][levels[a]];
        }
        return sum;
    }

    private long encode(int[] levels) {
        long index = 0;
        for (int a = m - 1; a >= 0; a--) {
            index = index * radix[a] + levels[a];
        }
        return index;
    }

    private void decode(long index, int[] levels) {
        for (int a = 0; a < m; a++) {
            levels[a] = (int) (index % radix[a]);
            index /= radix[a];
        }
    }

    /**
     * The loss of a node within the budget, or -1 when it suppresses too much; rolls up from a cached
     * node one level below when there is one, and caches its own classes.
     */
    private double evaluateLoss(long index, int[] levels) {
        double loss = computeLoss(index, levels);
        losses.put(index, loss);
        // what marks other nodes: the node's own outcome when the models are monotone, else whether the
        // rows in classes smaller than k alone exceed the budget (k-anonymity always is monotone)
        boolean fails = monotone ? loss < 0 : lastSmallRows > suppressionBudget;
        if (fails) {
            if (failures == failing.length) {
                failing = Arrays.copyOf(failing, failures * 2);
            }
            failing[failures++] = levels.clone();
        } else {
            if (meetings == meeting.length) {
                meeting = Arrays.copyOf(meeting, meetings * 2);
            }
            meeting[meetings++] = levels.clone();
        }
        return loss;
    }

    private double computeLoss(long index, int[] levels) {
        evaluated++;
        if (models.needsPopulation || !packable) {
            Evaluation e = evaluate(levels);
            lastSmallRows = e.smallRows;
            return e.suppressed <= suppressionBudget ? e.loss : -1;
        }
        Snapshot from = null;
        long stride = 1;
        for (int a = 0; a < m; a++) {
            if (levels[a] > 0) {
                Snapshot s = cache.get(index - stride);
                if (s != null && (from == null || s.groups < from.groups)) {
                    from = s;
                }
            }
            stride *= radix[a];
        }
        Snapshot snapshot = from == null ? fromTuples(levels) : rollUp(from, levels);
        long suppressed = 0;
        long small = 0;
        double extra = 0;
        ClassStats stats = simple ? null : models.newStats();
        for (int g = 0; g < snapshot.groups; g++) {
            if (snapshot.size[g] < models.minimumSize) {
                small += snapshot.size[g];
            }
            if (failing(snapshot, g, stats, null)) {
                suppressed += snapshot.size[g];
                int t = snapshot.representative[g];
                double rowLoss = 0;
                for (int a = 0; a < m; a++) {
                    rowLoss += qis[a].nodeLoss[levels[a]][tupleNode[a][levels[a]][t]];
                }
                extra += snapshot.size[g] * (m - rowLoss);
            }
        }
        remember(index, snapshot);
        lastSmallRows = small;
        if (suppressed > suppressionBudget) {
            return -1;
        }
        return rows == 0 ? 0 : (bound(levels) + extra) / ((double) rows * m);
    }

    private boolean failing(Snapshot s, int g, @Nullable ClassStats stats, int @Nullable [] population) {
        if (simple || stats == null) {
            return s.size[g] < models.minimumSize;
        }
        stats.size = s.size[g];
        stats.population = population == null ? 0 : population[g];
        for (int h = 0; h < s.histograms.length; h++) {
            int domain = models.domains[h];
            System.arraycopy(s.histograms[h], g * domain, stats.histograms[h], 0, domain);
        }
        return !models.accepts(stats);
    }

    private void remember(long index, Snapshot snapshot) {
        long size = snapshot.ints();
        if (size > CACHE_INTS / 4) {
            return;
        }
        cache.put(index, snapshot);
        cached += size;
        var eldest = cache.entrySet().iterator();
        while (cached > CACHE_INTS && eldest.hasNext()) {
            cached -= eldest.next().getValue().ints();
            eldest.remove();
        }
    }

    private Snapshot fromTuples(int[] levels) {
        LongIntMap keys = new LongIntMap(Math.max(16, tuples));
        int[] representative = new int[tuples];
        int[] size = new int[tuples];
        int[] groupOf = new int[tuples];
        for (int t = 0; t < tuples; t++) {
            int g = keys.idOf(key(levels, tupleNode, t));
            groupOf[t] = g;
            if (g == keys.size() - 1 && size[g] == 0) {
                representative[g] = t;
            }
            size[g] += tupleCount[t];
        }
        int groups = keys.size();
        int[][] histograms = new int[tupleHistogram.length][];
        for (int h = 0; h < histograms.length; h++) {
            int domain = models.domains[h];
            histograms[h] = new int[groups * domain];
            for (int t = 0; t < tuples; t++) {
                int base = groupOf[t] * domain;
                int from = t * domain;
                for (int v = 0; v < domain; v++) {
                    histograms[h][base + v] += tupleHistogram[h][from + v];
                }
            }
        }
        return new Snapshot(groups, Arrays.copyOf(representative, groups), Arrays.copyOf(size, groups), histograms);
    }

    private Snapshot rollUp(Snapshot from, int[] levels) {
        LongIntMap keys = new LongIntMap(Math.max(16, from.groups));
        int[] representative = new int[from.groups];
        int[] size = new int[from.groups];
        int[] groupOf = new int[from.groups];
        for (int g = 0; g < from.groups; g++) {
            int t = from.representative[g];
            int id = keys.idOf(key(levels, tupleNode, t));
            groupOf[g] = id;
            if (size[id] == 0) {
                representative[id] = t;
            }
            size[id] += from.size[g];
        }
        int groups = keys.size();
        int[][] histograms = new int[from.histograms.length][];
        for (int h = 0; h < histograms.length; h++) {
            int domain = models.domains[h];
            histograms[h] = new int[groups * domain];
            for (int g = 0; g < from.groups; g++) {
                int base = groupOf[g] * domain;
                int source = g * domain;
                for (int v = 0; v < domain; v++) {
                    histograms[h][base + v] += from.histograms[h][source + v];
                }
            }
        }
        return new Snapshot(groups, Arrays.copyOf(representative, groups), Arrays.copyOf(size, groups), histograms);
    }

    /** Groups the table's tuples at a node and judges each group, keeping which tuple is in which group. */
    Evaluation evaluate(int[] levels) {
        int[] ids = group(levels);
        int[] groupOf = Arrays.copyOf(ids, tuples);
        int groups = 0;
        for (int t = 0; t < tuples; t++) {
            groups = Math.max(groups, groupOf[t] + 1);
        }
        int[] representative = new int[groups];
        int[] size = new int[groups];
        for (int t = tuples - 1; t >= 0; t--) {
            size[groupOf[t]] += tupleCount[t];
            representative[groupOf[t]] = t;
        }
        int @Nullable [] population = null;
        int[] popCount = populationCount;
        if (models.needsPopulation && popCount != null) {
            population = new int[groups];
            for (int t = 0; t < populationTuples; t++) {
                int g = ids[tuples + t];
                if (g >= 0 && g < groups) {
                    population[g] += popCount[t];
                }
            }
        }
        int[][] histograms = new int[tupleHistogram.length][];
        for (int h = 0; h < histograms.length; h++) {
            int domain = models.domains[h];
            histograms[h] = new int[groups * domain];
            for (int t = 0; t < tuples; t++) {
                int base = groupOf[t] * domain;
                int from = t * domain;
                for (int v = 0; v < domain; v++) {
                    histograms[h][base + v] += tupleHistogram[h][from + v];
                }
            }
        }
        Snapshot snapshot = new Snapshot(groups, representative, size, histograms);
        ClassStats stats = simple ? null : models.newStats();
        boolean[] failing = new boolean[groups];
        long suppressed = 0;
        long small = 0;
        double extra = 0;
        for (int g = 0; g < groups; g++) {
            if (size[g] < models.minimumSize) {
                small += size[g];
            }
            failing[g] = failing(snapshot, g, stats, population);
            if (failing[g]) {
                suppressed += size[g];
                double rowLoss = 0;
                for (int a = 0; a < m; a++) {
                    rowLoss += qis[a].nodeLoss[levels[a]][tupleNode[a][levels[a]][representative[g]]];
                }
                extra += size[g] * (m - rowLoss);
            }
        }
        double loss = rows == 0 ? 0 : (bound(levels) + extra) / ((double) rows * m);
        return new Evaluation(levels.clone(), groupOf, groups, failing, suppressed, small, loss);
    }

    /**
     * Numbers the groups of the table's tuples at a node, in the order of their first tuple, then gives
     * each population tuple its group (-1 or a number past the table's groups when none).
     */
    private int[] group(int[] levels) {
        int[] ids = new int[tuples + populationTuples];
        if (packable) {
            LongIntMap keys = new LongIntMap(Math.max(16, tuples));
            for (int t = 0; t < tuples; t++) {
                ids[t] = keys.idOf(key(levels, tupleNode, t));
            }
            int[][][] popNode = populationNode;
            for (int t = 0; t < populationTuples && popNode != null; t++) {
                ids[tuples + t] = keys.get(key(levels, popNode, t));
            }
            return ids;
        }
        int[][] columns = new int[m][tuples + populationTuples];
        for (int a = 0; a < m; a++) {
            System.arraycopy(tupleNode[a][levels[a]], 0, columns[a], 0, tuples);
            int[][][] popNode = populationNode;
            if (populationTuples > 0 && popNode != null) {
                System.arraycopy(popNode[a][levels[a]], 0, columns[a], tuples, populationTuples);
            }
        }
        return Grouping.of(tuples + populationTuples, columns).classOf;
    }

    /** Packs a tuple's node ids at a node into one key. */
    private long key(int[] levels, int[][][] node, int t) {
        long key = 0;
        for (int a = 0; a < m; a++) {
            int level = levels[a];
            key = key * qis[a].node[level].length + node[a][level][t];
        }
        return key;
    }
}
