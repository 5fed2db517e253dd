package org.privacykit.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.privacykit.dataset.hierarchy.Generalized;
import org.privacykit.dataset.hierarchy.Hierarchy;

/**
 * Checks a release independently of the code that made it: from the original values and the
 * published rows only, with its own grouping, counting and distance code.
 */
final class ReleaseVerifier {
    private final Dataset source;
    private final AnonymizedDataset release;
    private final Map<List<Object>, List<Integer>> classes = new HashMap<>();

    ReleaseVerifier(Dataset source, AnonymizedDataset release) {
        this.source = source;
        this.release = release;
        List<String> qis = source.quasiIdentifiers();
        List<Map<String, Object>> rows = release.rows();
        int published = 0;
        for (int input = 0; input < source.size(); input++) {
            if (release.isSuppressed(input)) {
                continue;
            }
            Map<String, Object> row = rows.get(published++);
            List<Object> key = new ArrayList<>();
            for (String qi : qis) {
                Object cell = row.get(qi);
                assertThat(cell).as("cell of %s", qi).isInstanceOf(Generalized.class);
                Object original = source.value(input, qi);
                assertThat(((Generalized) cell).covers(original)).as("row %d's %s cell covers its value", input, qi)
                        .isTrue();
                key.add(cell);
            }
            for (String column : release.columns()) {
                if (source.role(column) != ColumnRole.QUASI_IDENTIFIER) {
                    assertThat(row.get(column)).isEqualTo(source.value(input, column));
                }
            }
            classes.computeIfAbsent(key, x -> new ArrayList<>()).add(input);
        }
        assertThat(published).isEqualTo(rows.size());
        for (String column : source.columns(ColumnRole.IDENTIFIER)) {
            assertThat(release.columns()).doesNotContain(column);
        }
    }

    /** Every published cell of a quasi-identifier with a hierarchy is a node of that hierarchy. */
    ReleaseVerifier cellsAreHierarchyNodes() {
        for (List<Object> key : classes.keySet()) {
            List<String> qis = source.quasiIdentifiers();
            for (int a = 0; a < qis.size(); a++) {
                Hierarchy h = source.hierarchy(qis.get(a)).orElse(null);
                if (h == null) {
                    continue;
                }
                Generalized cell = (Generalized) key.get(a);
                int row = classes.get(key).get(0);
                Object value = source.value(row, qis.get(a));
                boolean node = false;
                for (int level = 0; level <= h.height() && !node; level++) {
                    node = h.generalize(value, level).equals(cell);
                }
                assertThat(node).as("%s cell %s is a node of its hierarchy", qis.get(a), cell).isTrue();
            }
        }
        return this;
    }

    ReleaseVerifier kAnonymous(int k) {
        for (List<Integer> rows : classes.values()) {
            assertThat(rows.size()).isGreaterThanOrEqualTo(k);
        }
        return this;
    }

    ReleaseVerifier suppressedAtMost(double share) {
        assertThat(source.size() - classes.values().stream().mapToInt(List::size).sum())
                .isEqualTo(release.suppressedRows()).isLessThanOrEqualTo((int) Math.floor(share * source.size() + 1e-9));
        return this;
    }

    ReleaseVerifier distinctLDiverse(String sensitive, int l) {
        for (List<Integer> rows : classes.values()) {
            assertThat(rows.stream().map(r -> source.value(r, sensitive)).distinct().count())
                    .isGreaterThanOrEqualTo(l);
        }
        return this;
    }

    ReleaseVerifier entropyLDiverse(String sensitive, double l) {
        for (List<Integer> rows : classes.values()) {
            Map<Object, Integer> counts = counts(rows, sensitive);
            double entropy = 0;
            for (int c : counts.values()) {
                double p = c / (double) rows.size();
                entropy -= p * Math.log(p);
            }
            assertThat(entropy).isGreaterThanOrEqualTo(Math.log(l) - 1e-9);
        }
        return this;
    }

    /** t-closeness with the equal distance: half the L1 distance of the distributions. */
    ReleaseVerifier equalDistanceTClose(String sensitive, double t) {
        Map<Object, Integer> overall = new HashMap<>();
        for (int r = 0; r < source.size(); r++) {
            overall.merge(source.value(r, sensitive), 1, Integer::sum);
        }
        for (List<Integer> rows : classes.values()) {
            Map<Object, Integer> counts = counts(rows, sensitive);
            double distance = 0;
            for (Map.Entry<Object, Integer> e : overall.entrySet()) {
                double p = counts.getOrDefault(e.getKey(), 0) / (double) rows.size();
                double q = e.getValue() / (double) source.size();
                distance += Math.abs(p - q) / 2;
            }
            assertThat(distance).isLessThanOrEqualTo(t + 1e-9);
        }
        return this;
    }

    /** Recursive (c,ℓ)-diversity: r1 < c (rℓ + ... + rm) over the counts in decreasing order. */
    ReleaseVerifier recursiveCLDiverse(String sensitive, double c, int l) {
        for (List<Integer> rows : classes.values()) {
            List<Integer> counts = new ArrayList<>(counts(rows, sensitive).values());
            counts.sort(java.util.Comparator.reverseOrder());
            assertThat(counts.size()).isGreaterThanOrEqualTo(l);
            long tail = counts.subList(l - 1, counts.size()).stream().mapToLong(Integer::longValue).sum();
            assertThat((double) counts.get(0)).isLessThan(c * tail);
        }
        return this;
    }

    /**
     * t-closeness with the ordered distance over the sensitive values in numeric order: the mass moved
     * between neighbours, (1 / (m − 1)) Σ |Σ (p − q)|.
     */
    ReleaseVerifier orderedTClose(String sensitive, double t) {
        List<Object> order = new ArrayList<>(overall(sensitive).keySet());
        order.sort(java.util.Comparator.comparingDouble(v -> ((Number) v).doubleValue()));
        for (List<Integer> rows : classes.values()) {
            double moved = 0;
            double carried = 0;
            for (Object value : order) {
                carried += share(counts(rows, sensitive), rows.size(), value) - share(overall(sensitive), source.size(), value);
                moved += Math.abs(carried);
            }
            double distance = order.size() < 2 ? 0 : moved / (order.size() - 1);
            assertThat(distance).isLessThanOrEqualTo(t + 1e-9);
        }
        return this;
    }

    /**
     * t-closeness with the hierarchical distance, computed as the flow over the tree's edges (Evans and
     * Matsen's form of the EMD on a tree, not the paper's min(positive, negative) per node): with the
     * distance of two values the height of their lowest common node over H, every edge between two
     * levels weighs 1 / (2H), and the EMD is the sum over edges of weight × |mass the subtree below
     * holds in excess|.
     */
    ReleaseVerifier hierarchicalTClose(String sensitive, double t, Hierarchy hierarchy) {
        assertThat(highestHierarchicalDistance(sensitive, hierarchy)).isLessThanOrEqualTo(t + 1e-9);
        return this;
    }

    /** The largest hierarchical EMD of a class, by the edge-flow form. */
    double highestHierarchicalDistance(String sensitive, Hierarchy hierarchy) {
        Map<Object, Integer> overall = overall(sensitive);
        int height = hierarchy.height();
        double highest = 0;
        for (List<Integer> rows : classes.values()) {
            Map<Object, Integer> counts = counts(rows, sensitive);
            double distance = 0;
            for (int level = 0; level < height; level++) {
                Map<Generalized, Double> excess = new HashMap<>();
                for (Object value : overall.keySet()) {
                    excess.merge(hierarchy.generalize(value, level), share(counts, rows.size(), value)
                            - share(overall, source.size(), value), Double::sum);
                }
                for (double e : excess.values()) {
                    distance += Math.abs(e) / (2.0 * height);
                }
            }
            highest = Math.max(highest, distance);
        }
        return highest;
    }

    /**
     * k-map and δ-presence: the population rows a class matches are those its published cells cover,
     * found by {@link Generalized#covers} on every population row.
     */
    ReleaseVerifier againstPopulation(int kMap, double deltaMin, double deltaMax) {
        Dataset population = source.population().orElseThrow();
        List<String> qis = source.quasiIdentifiers();
        for (Map.Entry<List<Object>, List<Integer>> c : classes.entrySet()) {
            int matched = 0;
            for (int p = 0; p < population.size(); p++) {
                boolean covered = true;
                for (int a = 0; a < qis.size() && covered; a++) {
                    covered = ((Generalized) c.getKey().get(a)).covers(population.value(p, qis.get(a)));
                }
                matched += covered ? 1 : 0;
            }
            assertThat(matched).as("population rows matching a class").isGreaterThanOrEqualTo(kMap);
            double delta = c.getValue().size() / (double) matched;
            assertThat(delta).isBetween(deltaMin - 1e-9, deltaMax + 1e-9);
        }
        return this;
    }

    int classes() {
        return classes.size();
    }

    private Map<Object, Integer> overall(String sensitive) {
        Map<Object, Integer> overall = new HashMap<>();
        for (int r = 0; r < source.size(); r++) {
            overall.merge(source.value(r, sensitive), 1, Integer::sum);
        }
        return overall;
    }

    private static double share(Map<Object, Integer> counts, int size, Object value) {
        return counts.getOrDefault(value, 0) / (double) size;
    }

    private Map<Object, Integer> counts(List<Integer> rows, String sensitive) {
        Map<Object, Integer> counts = new HashMap<>();
        for (int r : rows) {
            counts.merge(source.value(r, sensitive), 1, Integer::sum);
        }
        return counts;
    }
}
