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

    int classes() {
        return classes.size();
    }

    private Map<Object, Integer> counts(List<Integer> rows, String sensitive) {
        Map<Object, Integer> counts = new HashMap<>();
        for (int r : rows) {
            counts.merge(source.value(r, sensitive), 1, Integer::sum);
        }
        return counts;
    }
}
