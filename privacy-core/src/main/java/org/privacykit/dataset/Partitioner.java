package org.privacykit.dataset;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The recursive splitting of Mondrian with hierarchies. A partition is split on the quasi-identifier
 * whose held values are the most spread (by NCP), at a boundary between two children of the lowest
 * hierarchy node holding the partition's values (between two distinct values without a hierarchy),
 * choosing among the boundaries that leave both halves valid the one whose halves hold the least
 * (the sum of their NCP). When no quasi-identifier can be split that way, the partition is split
 * relaxed: rows sorted on every quasi-identifier (most spread first) and cut near the middle, so equal
 * values may land on both sides (Mondrian's relaxed partitioning). Every half must meet every model.
 */
final class Partitioner {
    /** How many cut positions are checked against the models before a split is given up. */
    private static final int MAX_TRIES = 24;

    private final QiColumn[] qis;
    private final ModelSet models;
    private final int minimum;
    private final ClassStats left;
    private final ClassStats right;
    private final int[] stamp;
    private int generation;

    Partitioner(QiColumn[] qis, ModelSet models) {
        this.qis = qis;
        this.models = models;
        this.minimum = models.minimumSize;
        this.left = models.newStats();
        this.right = models.newStats();
        int largest = 1;
        for (QiColumn q : qis) {
            largest = Math.max(largest, q.values.length);
        }
        this.stamp = new int[largest];
    }

    /** A partition: its rows, and the population rows inside its published box (or {@code null}). */
    static final class Part {
        private final int[] rows;
        private final int @Nullable [] population;

        Part(int[] rows, int @Nullable [] population) {
            this.rows = rows;
            this.population = population;
        }

        int[] rows() {
            return rows;
        }
    }

    /** Splits the whole table into classes; empty when the table as a whole fails the models. */
    List<Part> partition(int rows, int populationRows) {
        int[] all = new int[rows];
        for (int i = 0; i < rows; i++) {
            all[i] = i;
        }
        int @Nullable [] pop = null;
        if (models.needsPopulation) {
            pop = covered(all, 0, rows, allPopulation(populationRows));
        }
        if (rows == 0 || !accepts(all, 0, rows, pop, left)) {
            return List.of();
        }
        List<Part> out = new ArrayList<>();
        Deque<Part> work = new ArrayDeque<>();
        work.push(new Part(all, pop));
        double[] width = new double[qis.length];
        Integer[] order = new Integer[qis.length];
        while (!work.isEmpty()) {
            Part part = work.pop();
            Part[] halves = part.rows.length < 2 * minimum ? null : split(part, width, order);
            if (halves == null) {
                out.add(part);
            } else {
                work.push(halves[1]);
                work.push(halves[0]);
            }
        }
        return out;
    }

    private static int[] allPopulation(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }

    private Part @Nullable [] split(Part part, double[] width, Integer[] order) {
        int[] rows = part.rows;
        for (int a = 0; a < qis.length; a++) {
            width[a] = heldLoss(rows, 0, rows.length, a);
            order[a] = a;
        }
        Arrays.sort(order, (x, y) -> Double.compare(width[y], width[x]));
        for (int a : order) {
            if (width[a] <= 0) {
                break;
            }
            Part[] halves = strictSplit(part, qis[a]);
            if (halves != null) {
                return halves;
            }
        }
        return relaxedSplit(part, order, width);
    }

    /** A cut at an allowed boundary of one quasi-identifier, the cheapest valid one. */
    private Part @Nullable [] strictSplit(Part part, QiColumn q) {
        int[] rows = part.rows;
        int size = rows.length;
        int[] sorted = sortByRank(rows, q);
        int low = q.rank[sorted[0]];
        int high = q.rank[sorted[size - 1]];
        int childLevel = q.hierarchy == null ? 0 : q.commonLevel(low, high) - 1;
        int[] childGroup = q.group[Math.max(childLevel, 0)];
        List<Integer> cuts = new ArrayList<>();
        for (int i = Math.max(minimum, 1); i <= size - minimum; i++) {
            int before = q.rank[sorted[i - 1]];
            int after = q.rank[sorted[i]];
            if (before != after && childGroup[before] != childGroup[after]) {
                cuts.add(i);
            }
        }
        if (cuts.isEmpty()) {
            return null;
        }
        Integer[] candidates = cuts.toArray(new Integer[0]);
        if (candidates.length > 1) {
            double[] prefix = costs(sorted, false);
            double[] suffix = costs(sorted, true);
            Arrays.sort(candidates, (x, y) -> Double.compare(prefix[x] + suffix[size - x], prefix[y] + suffix[size - y]));
        }
        return firstValid(part, sorted, candidates);
    }

    /** A cut near the middle of the rows sorted on every quasi-identifier. */
    private Part @Nullable [] relaxedSplit(Part part, Integer[] order, double[] width) {
        int size = part.rows.length;
        Integer[] sortedRows = new Integer[size];
        for (int i = 0; i < size; i++) {
            sortedRows[i] = part.rows[i];
        }
        Arrays.sort(sortedRows, (x, y) -> {
            for (int a : order) {
                if (width[a] <= 0) {
                    break;
                }
                int c = Integer.compare(qis[a].rank[x], qis[a].rank[y]);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x, y);
        });
        int[] sorted = new int[size];
        for (int i = 0; i < size; i++) {
            sorted[i] = sortedRows[i];
        }
        int middle = size / 2;
        List<Integer> cuts = new ArrayList<>();
        for (int offset = 0; cuts.size() < MAX_TRIES; offset++) {
            int below = middle - offset;
            int above = middle + offset + 1;
            boolean any = false;
            if (below >= minimum && size - below >= minimum) {
                cuts.add(below);
                any = true;
            }
            if (above <= size - minimum && above >= minimum) {
                cuts.add(above);
                any = true;
            }
            if (!any && below < minimum && above > size - minimum) {
                break;
            }
        }
        return cuts.isEmpty() ? null : firstValid(part, sorted, cuts.toArray(new Integer[0]));
    }

    private Part @Nullable [] firstValid(Part part, int[] sorted, Integer[] candidates) {
        int tries = 0;
        for (int cut : candidates) {
            if (++tries > MAX_TRIES) {
                return null;
            }
            int @Nullable [] leftPop = null;
            int @Nullable [] rightPop = null;
            int[] parentPop = part.population;
            if (models.needsPopulation && parentPop != null) {
                leftPop = covered(sorted, 0, cut, parentPop);
                rightPop = covered(sorted, cut, sorted.length, parentPop);
            }
            if (accepts(sorted, 0, cut, leftPop, left) && accepts(sorted, cut, sorted.length, rightPop, right)) {
                return new Part[] {new Part(Arrays.copyOfRange(sorted, 0, cut), leftPop),
                    new Part(Arrays.copyOfRange(sorted, cut, sorted.length), rightPop)};
            }
        }
        return null;
    }

    private boolean accepts(int[] rows, int from, int to, int @Nullable [] population, ClassStats stats) {
        if (to - from < minimum) {
            return false;
        }
        if (models.models.size() == 1 && !models.usesHistograms() && !models.needsPopulation) {
            return true; // k-anonymity alone: the size was checked
        }
        models.collect(rows, from, to, stats);
        stats.population = population == null ? 0 : population.length;
        return models.accepts(stats);
    }

    /** The population rows inside the box a set of rows publishes. */
    private int[] covered(int[] rows, int from, int to, int[] candidates) {
        int m = qis.length;
        int[] first = new int[m];
        int[] last = new int[m];
        boolean[] @Nullable [] held = new boolean[m][];
        int[][] populationRank = new int[m][];
        for (int a = 0; a < m; a++) {
            QiColumn q = qis[a];
            populationRank[a] = java.util.Objects.requireNonNull(q.populationRank);
            int low = Integer.MAX_VALUE;
            int high = -1;
            for (int i = from; i < to; i++) {
                int r = q.rank[rows[i]];
                low = Math.min(low, r);
                high = Math.max(high, r);
            }
            if (q.hierarchy != null) {
                int level = q.commonLevel(low, high);
                int node = q.group[level][low];
                first[a] = q.nodeFirst[level][node];
                last[a] = q.nodeLast[level][node];
            } else {
                first[a] = low;
                last[a] = high;
                if (q.numeric == null && low != high) {
                    boolean[] set = new boolean[q.values.length];
                    for (int i = from; i < to; i++) {
                        set[q.rank[rows[i]]] = true;
                    }
                    held[a] = set;
                }
            }
        }
        int[] out = new int[candidates.length];
        int count = 0;
        for (int p : candidates) {
            boolean inside = true;
            for (int a = 0; a < m && inside; a++) {
                int r = populationRank[a][p];
                boolean[] set = held[a];
                inside = r >= first[a] && r <= last[a] && (set == null || set[r]);
            }
            if (inside) {
                out[count++] = p;
            }
        }
        return Arrays.copyOf(out, count);
    }

    private static int[] sortByRank(int[] rows, QiColumn q) {
        int[] count = new int[q.values.length + 1];
        for (int r : rows) {
            count[q.rank[r] + 1]++;
        }
        for (int i = 0; i < q.values.length; i++) {
            count[i + 1] += count[i];
        }
        int[] sorted = new int[rows.length];
        for (int r : rows) {
            sorted[count[q.rank[r]]++] = r;
        }
        return sorted;
    }

    /** NCP of the values rows[from..to) hold in one quasi-identifier. */
    private double heldLoss(int[] rows, int from, int to, int a) {
        QiColumn q = qis[a];
        int low = Integer.MAX_VALUE;
        int high = -1;
        if (q.numeric != null) {
            for (int i = from; i < to; i++) {
                int r = q.rank[rows[i]];
                low = Math.min(low, r);
                high = Math.max(high, r);
            }
            return q.loss(low, high, 0);
        }
        generation++;
        int distinct = 0;
        for (int i = from; i < to; i++) {
            int r = q.rank[rows[i]];
            if (stamp[r] != generation) {
                stamp[r] = generation;
                distinct++;
            }
        }
        return q.loss(0, 0, distinct);
    }

    /**
     * costs[i] = (sum over quasi-identifiers of the NCP of the first i rows) × i, reading the rows
     * forwards or backwards.
     */
    private double[] costs(int[] sorted, boolean backwards) {
        int size = sorted.length;
        double[] cost = new double[size + 1];
        for (QiColumn q : qis) {
            if (q.numeric != null) {
                if (q.numericWidth == 0) {
                    continue;
                }
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < size; i++) {
                    double v = q.numeric[q.rank[sorted[backwards ? size - 1 - i : i]]];
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    cost[i + 1] += (max - min) / q.numericWidth * (i + 1);
                }
            } else {
                if (q.domainSize <= 1) {
                    continue;
                }
                generation++;
                int distinct = 0;
                double scale = 1.0 / (q.domainSize - 1);
                for (int i = 0; i < size; i++) {
                    int r = q.rank[sorted[backwards ? size - 1 - i : i]];
                    if (stamp[r] != generation) {
                        stamp[r] = generation;
                        distinct++;
                    }
                    cost[i + 1] += (distinct - 1) * scale * (i + 1);
                }
            }
        }
        return cost;
    }
}
