package org.privacykit.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.privacykit.dataset.hierarchy.Generalized;
import org.privacykit.dataset.hierarchy.Hierarchy;
import org.privacykit.dataset.model.PrivacyModel;

class GlobalRecodingTest {

    @Test
    void smallTable_generalizesEveryValueToOneLevel_andSuppressesWithinTheBudget() {
        Dataset data = RandomTables.table(7, 200, true);
        AnonymizedDataset release = GlobalRecoding.builder().k(4).suppressionLimit(0.05).build().anonymize(data);
        new ReleaseVerifier(data, release).kAnonymous(4).suppressedAtMost(0.05).cellsAreHierarchyNodes();
        Map<String, Integer> levels = release.generalizationLevels();
        assertThat(levels).containsOnlyKeys("age", "sex", "city");
        for (Map<String, Object> row : release.rows()) {
            for (String qi : levels.keySet()) {
                Object value = null;
                Generalized cell = (Generalized) row.get(qi);
                int level = levels.get(qi);
                // every cell is at the chosen level of its hierarchy
                Hierarchy h = data.hierarchy(qi).orElseThrow();
                boolean found = false;
                for (int r = 0; r < data.size() && !found; r++) {
                    value = data.value(r, qi);
                    found = h.generalize(value, level).equals(cell);
                }
                assertThat(found).isTrue();
            }
        }
        assertThat(release.columns()).containsExactly("age", "sex", "city", "salary", "visits");
        assertThat(release.toString()).contains("global recoding").contains("4-anonymity");
    }

    @Test
    void optimum_equalsAnExhaustiveSearch_onRandomTables() {
        qt().withExamples(25).forAll(longs().all(), integers().between(2, 6), doubles().between(0, 0.12),
                integers().between(0, 160)).checkAssert((seed, k, budget, n) -> {
                    Dataset data = RandomTables.table(seed, n, true);
                    AnonymizedDataset release = GlobalRecoding.builder().k(k).suppressionLimit(budget).build()
                            .anonymize(data);
                    double[] exhaustive = exhaustive(data, k, budget);
                    if (exhaustive == null) {
                        assertThat(release.suppressedRows()).isEqualTo(n);
                        return;
                    }
                    new ReleaseVerifier(data, release).kAnonymous(k).suppressedAtMost(budget).cellsAreHierarchyNodes();
                    assertThat(release.informationLoss()).isCloseTo(exhaustive[0], within(1e-9));
                });
    }

    @Test
    void withDiversityAndCloseness_everyReleasedClassMeetsThem() {
        qt().withExamples(20).forAll(longs().all(), integers().between(2, 5), integers().between(30, 200))
                .checkAssert((seed, k, n) -> {
                    Dataset data = RandomTables.table(seed, n, true);
                    AnonymizedDataset release = GlobalRecoding.builder().k(k).suppressionLimit(0.1).l(2)
                            .model(PrivacyModel.tCloseness(0.4)).build().anonymize(data);
                    if (release.suppressedRows() < n) {
                        new ReleaseVerifier(data, release).kAnonymous(k).suppressedAtMost(0.1).distinctLDiverse("salary", 2)
                                .equalDistanceTClose("salary", 0.4);
                    }
                    AnonymizedDataset entropy = GlobalRecoding.builder().k(k).suppressionLimit(0.1)
                            .model(PrivacyModel.entropyLDiversity(1.5)).build().anonymize(data);
                    if (entropy.suppressedRows() < n) {
                        new ReleaseVerifier(data, entropy).kAnonymous(k).suppressedAtMost(0.1)
                                .entropyLDiverse("salary", 1.5);
                    }
                });
    }

    @Test
    void withoutHierarchies_valuesAreKeptOrStarred() {
        Dataset data = RandomTables.table(3, 120, false);
        AnonymizedDataset release = GlobalRecoding.builder().k(3).build().anonymize(data);
        new ReleaseVerifier(data, release).kAnonymous(3).suppressedAtMost(0);
        for (Map<String, Object> row : release.rows()) {
            for (String qi : data.quasiIdentifiers()) {
                assertThat(row.get(qi)).isInstanceOfAny(Generalized.Value.class, Generalized.Any.class);
            }
        }
    }

    @Test
    void unreachable_suppressesEverything_andBadSettingsAreRefused() {
        Dataset tiny = RandomTables.table(1, 3, true);
        AnonymizedDataset none = GlobalRecoding.builder().k(5).build().anonymize(tiny);
        assertThat(none.rows()).isEmpty();
        assertThat(none.suppressedRows()).isEqualTo(3);
        assertThat(none.informationLoss()).isEqualTo(1.0);
        assertThat(none.allRows()).hasSize(3).allSatisfy(row -> {
            assertThat(row.get("age")).isEqualTo(Generalized.any());
            assertThat(row.get("salary")).isEqualTo(Generalized.any());
        });
        assertThatThrownBy(() -> GlobalRecoding.builder().suppressionLimit(1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GlobalRecoding.builder().k(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GlobalRecoding.builder().model(PrivacyModel.kMap(3)).build().anonymize(tiny))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("population");
    }

    @Test
    void valueAbsentFromItsHierarchy_namesTheColumnAndRow_neverTheValue() {
        Dataset data = Dataset.table("age", "city").quasiIdentifiers("age", "city")
                .hierarchy("city", RandomTables.CITY).addRow(30, "Lyon").addRow(31, "Atlantis").build();
        assertThatThrownBy(() -> GlobalRecoding.builder().build().anonymize(data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'city': row 2 holds a value that is absent from its hierarchy");
        assertThatThrownBy(() -> Mondrian.builder().build().anonymize(data))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("Atlantis");
    }

    /** The least NCP over every lattice node within the budget, computed directly; null when none. */
    static double[] exhaustive(Dataset data, int k, double budget) {
        List<String> qis = data.quasiIdentifiers();
        List<Hierarchy> hierarchies = qis.stream().map(q -> data.hierarchy(q).orElseThrow()).toList();
        int n = data.size();
        int[] levels = new int[qis.size()];
        double best = Double.POSITIVE_INFINITY;
        while (true) {
            Map<List<Generalized>, List<Integer>> groups = new HashMap<>();
            for (int r = 0; r < n; r++) {
                List<Generalized> key = new ArrayList<>();
                for (int a = 0; a < qis.size(); a++) {
                    key.add(hierarchies.get(a).generalize(data.value(r, qis.get(a)), levels[a]));
                }
                groups.computeIfAbsent(key, x -> new ArrayList<>()).add(r);
            }
            int suppressed = 0;
            double loss = 0;
            for (Map.Entry<List<Generalized>, List<Integer>> g : groups.entrySet()) {
                if (g.getValue().size() < k) {
                    suppressed += g.getValue().size();
                    loss += g.getValue().size() * qis.size();
                    continue;
                }
                for (int a = 0; a < qis.size(); a++) {
                    loss += g.getValue().size() * ncp(data, qis.get(a), g.getKey().get(a));
                }
            }
            if (suppressed <= Math.floor(budget * n + 1e-9)) {
                best = Math.min(best, n == 0 ? 0 : loss / (n * qis.size()));
            }
            int a = 0;
            while (a < levels.length && ++levels[a] > hierarchies.get(a).height()) {
                levels[a++] = 0;
            }
            if (a == levels.length) {
                break;
            }
        }
        return best == Double.POSITIVE_INFINITY ? null : new double[] {best};
    }

    /** NCP of a cell over the column's distinct values: numeric width, or (values covered − 1) / (values − 1). */
    static double ncp(Dataset data, String column, Generalized cell) {
        List<Object> values = new ArrayList<>();
        for (int r = 0; r < data.size(); r++) {
            if (!values.contains(data.value(r, column))) {
                values.add(data.value(r, column));
            }
        }
        List<Object> covered = values.stream().filter(cell::covers).toList();
        if (values.get(0) instanceof Number) {
            double min = values.stream().mapToDouble(v -> ((Number) v).doubleValue()).min().orElse(0);
            double max = values.stream().mapToDouble(v -> ((Number) v).doubleValue()).max().orElse(0);
            double low = covered.stream().mapToDouble(v -> ((Number) v).doubleValue()).min().orElse(0);
            double high = covered.stream().mapToDouble(v -> ((Number) v).doubleValue()).max().orElse(0);
            return max == min ? 0 : (high - low) / (max - min);
        }
        return values.size() <= 1 ? 0 : (covered.size() - 1) / (double) (values.size() - 1);
    }
}
