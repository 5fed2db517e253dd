package org.privacykit.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.privacykit.dataset.hierarchy.Generalized;
import org.privacykit.dataset.hierarchy.Hierarchy;
import org.privacykit.dataset.model.GroundDistance;

/**
 * The Earth Mover's Distance between a class's distribution of a sensitive attribute and the
 * table's (Li, Li and Venkatasubramanian, ICDE 2007), for the three ground distances of the paper:
 * <ul>
 *   <li>equal: ½ Σ |p<sub>i</sub> − q<sub>i</sub>|;</li>
 *   <li>ordered, over the m values in order: (1 / (m − 1)) Σ<sub>i</sub> |Σ<sub>j≤i</sub> (p<sub>j</sub> −
 *       q<sub>j</sub>)|;</li>
 *   <li>hierarchical: Σ over the inner nodes N of (level(N) / H) · min(positive extra, negative extra),
 *       where the extra of a leaf is p − q and of a node the sum of its children's.</li>
 * </ul>
 */
final class EarthMovers {
    private final GroundDistance distance;
    private final double[] table;
    /** For the ordered distance: value codes in order. */
    private final int @Nullable [] ordered;
    /** For the hierarchical distance: [level][code or node] parent node at the next level. */
    private final int @Nullable [][] parent;
    private final int @Nullable [] nodesAt;

    /**
     * Prepares the distance against a table's distribution.
     *
     * @param dictionary the attribute's values by code
     * @param counts the table's rows per code
     */
    EarthMovers(GroundDistance distance, @Nullable Hierarchy hierarchy, String column, Object[] dictionary, int[] codes,
                int[] counts) {
        this.distance = distance;
        int total = Arrays.stream(counts).sum();
        this.table = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            table[c] = total == 0 ? 0 : counts[c] / (double) total;
        }
        if (distance == GroundDistance.ORDERED) {
            Integer[] order = new Integer[dictionary.length];
            for (int c = 0; c < order.length; c++) {
                order[c] = c;
            }
            boolean numeric = Arrays.stream(dictionary).allMatch(v -> v != null && QiColumn.toNumber(v) != null);
            if (numeric) {
                double[] numbers = new double[dictionary.length];
                for (int c = 0; c < numbers.length; c++) {
                    numbers[c] = java.util.Objects.requireNonNull(QiColumn.toNumber(dictionary[c]));
                }
                Arrays.sort(order, (a, b) -> Double.compare(numbers[a], numbers[b]));
            } else {
                boolean comparable = Arrays.stream(dictionary).allMatch(v -> v instanceof Comparable
                        && v.getClass() == dictionary[0].getClass());
                if (!comparable) {
                    throw new IllegalArgumentException("ordered t-closeness on column '" + column + "' needs numbers,"
                            + " dates or values of one comparable type");
                }
                @SuppressWarnings({"unchecked", "rawtypes"})
                java.util.Comparator<Integer> natural = (a, b) -> ((Comparable) dictionary[a]).compareTo(dictionary[b]);
                Arrays.sort(order, natural);
            }
            this.ordered = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
            this.parent = null;
            this.nodesAt = null;
        } else if (distance == GroundDistance.HIERARCHICAL && hierarchy != null) {
            for (int c = 0; c < dictionary.length; c++) {
                if (!hierarchy.contains(dictionary[c])) {
                    int row = 0;
                    while (codes[row] != c) {
                        row++;
                    }
                    throw new IllegalArgumentException("column '" + column + "': row " + (row + 1) + " holds a value"
                            + " absent from the t-closeness hierarchy");
                }
            }
            int height = hierarchy.height();
            this.parent = new int[height][];
            this.nodesAt = new int[height + 1];
            nodesAt[0] = dictionary.length;
            int[] below = new int[dictionary.length];
            for (int c = 0; c < below.length; c++) {
                below[c] = c;
            }
            for (int level = 1; level <= height; level++) {
                Map<Generalized, Integer> ids = new HashMap<>();
                int[] nodeOf = new int[dictionary.length];
                for (int c = 0; c < dictionary.length; c++) {
                    nodeOf[c] = ids.computeIfAbsent(hierarchy.generalize(dictionary[c], level), x -> ids.size());
                }
                parent[level - 1] = new int[nodesAt[level - 1]];
                for (int c = 0; c < dictionary.length; c++) {
                    parent[level - 1][below[c]] = nodeOf[c];
                }
                nodesAt[level] = ids.size();
                below = nodeOf;
            }
            this.ordered = null;
        } else {
            this.ordered = null;
            this.parent = null;
            this.nodesAt = null;
        }
    }

    /** The distance of a class with these counts per code and this size. Thread-safe. */
    double distance(int[] histogram, int size) {
        if (size == 0) {
            return 0;
        }
        return switch (distance) {
            case EQUAL -> {
                double sum = 0;
                for (int c = 0; c < table.length; c++) {
                    sum += Math.abs(histogram[c] / (double) size - table[c]);
                }
                yield sum / 2;
            }
            case ORDERED -> {
                int[] ordered = java.util.Objects.requireNonNull(this.ordered);
                if (ordered.length < 2) {
                    yield 0;
                }
                double cumulative = 0;
                double sum = 0;
                for (int code : ordered) {
                    cumulative += histogram[code] / (double) size - table[code];
                    sum += Math.abs(cumulative);
                }
                yield sum / (ordered.length - 1);
            }
            case HIERARCHICAL -> hierarchical(histogram, size);
        };
    }

    private double hierarchical(int[] histogram, int size) {
        int[][] parent = java.util.Objects.requireNonNull(this.parent);
        int[] nodesAt = java.util.Objects.requireNonNull(this.nodesAt);
        int height = parent.length;
        double[][] extra = new double[height + 1][];
        for (int level = 0; level <= height; level++) {
            extra[level] = new double[nodesAt[level]];
        }
        for (int c = 0; c < table.length; c++) {
            extra[0][c] = histogram[c] / (double) size - table[c];
        }
        double cost = 0;
        for (int level = 1; level <= height; level++) {
            double[] positive = new double[nodesAt[level]];
            double[] negative = new double[nodesAt[level]];
            for (int child = 0; child < nodesAt[level - 1]; child++) {
                double e = extra[level - 1][child];
                int p = parent[level - 1][child];
                extra[level][p] += e;
                if (e > 0) {
                    positive[p] += e;
                } else {
                    negative[p] -= e;
                }
            }
            for (int n = 0; n < nodesAt[level]; n++) {
                cost += level / (double) height * Math.min(positive[n], negative[n]);
            }
        }
        return cost;
    }

}
