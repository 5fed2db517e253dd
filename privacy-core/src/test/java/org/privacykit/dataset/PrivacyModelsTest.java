package org.privacykit.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.privacykit.dataset.hierarchy.Hierarchy;
import org.privacykit.dataset.model.GroundDistance;
import org.privacykit.dataset.model.PrivacyModel;

/** The models' figures against values computed by hand and from the papers that define them. */
class PrivacyModelsTest {

    /** Li, Li and Venkatasubramanian's salary example: three classes of three salaries, 3k to 11k. */
    static Dataset salaries() {
        int[][] classes = {{3, 4, 5}, {6, 8, 11}, {7, 9, 10}};
        Dataset.Builder b = Dataset.table("zip", "salary").quasiIdentifiers("zip").sensitiveAttribute("salary");
        for (int c = 0; c < classes.length; c++) {
            for (int salary : classes[c]) {
                b.addRow("4767" + c, salary * 1000);
            }
        }
        return b.build();
    }

    @Test
    void orderedDistance_matchesThePaper() {
        ModelCheck check = salaries().check(PrivacyModel.tCloseness("salary", 0.2, GroundDistance.ORDERED));
        ModelCheck.Result result = check.results().get(0);
        assertThat(result.highest()).isCloseTo(0.375, within(1e-12));          // {3k, 4k, 5k}
        assertThat(result.lowest()).isCloseTo(1.0 / 6, within(1e-12));          // {6k, 8k, 11k}, the paper's 0.167
        assertThat(result.failingClasses()).isEqualTo(2);                         // {7k, 9k, 10k}: 17/72
        assertThat(result.failingRows()).isEqualTo(6);
        assertThat(check.satisfied()).isFalse();
        Dataset second = Dataset.table("zip", "salary").quasiIdentifiers("zip").sensitiveAttribute("salary")
                .addRow("a", 6000).addRow("a", 8000).addRow("a", 11000)
                .addRow("b", 3000).addRow("b", 4000).addRow("b", 5000).addRow("b", 7000).addRow("b", 9000)
                .addRow("b", 10000).build();
        assertThat(second.check(PrivacyModel.tCloseness("salary", 1, GroundDistance.ORDERED)).results().get(0)
                .highest()).isCloseTo(1.0 / 6, within(1e-3));                  // the paper's 0.167 for {6k, 8k, 11k}
    }

    @Test
    void equalDistance_isHalfTheL1Distance() {
        ModelCheck.Result result = salaries().check(PrivacyModel.tCloseness(0.7)).results().get(0);
        assertThat(result.highest()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(result.satisfied()).isTrue();
    }

    @Test
    void hierarchicalDistance_byHand_andFlatHierarchyEqualsEqualDistance() {
        Hierarchy bands = Hierarchy.tree().add("3000", "low", "*").add("4000", "low", "*").add("5000", "low", "*")
                .add("6000", "low", "*").add("7000", "low", "*").add("8000", "high", "*").add("9000", "high", "*")
                .add("10000", "high", "*").add("11000", "high", "*").build();
        double hierarchical = salaries().check(PrivacyModel.tCloseness("salary", 1, bands)).results().get(0).highest();
        assertThat(hierarchical).isCloseTo(5.0 / 9, within(1e-12));
        Hierarchy.tree();
        var flat = Hierarchy.tree();
        for (int s = 3; s <= 11; s++) {
            flat.add(Integer.toString(s * 1000), "*");
        }
        double flatDistance = salaries().check(PrivacyModel.tCloseness("salary", 1, flat.build())).results().get(0)
                .highest();
        assertThat(flatDistance).isCloseTo(2.0 / 3, within(1e-12));
        assertThatThrownBy(() -> salaries().check(PrivacyModel.tCloseness("salary", 1,
                Hierarchy.tree().add("3000", "*").build()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 'salary': row 2 holds a value absent from the t-closeness hierarchy");
    }

    /** One class with sensitive counts 5, 3 and 2. */
    static Dataset fiveThreeTwo() {
        Dataset.Builder b = Dataset.table("zip", "disease").quasiIdentifiers("zip").sensitiveAttribute("disease");
        for (int i = 0; i < 10; i++) {
            b.addRow("1", i < 5 ? "flu" : i < 8 ? "cancer" : "asthma");
        }
        return b.build();
    }

    @Test
    void entropyAndRecursiveDiversity_byHand() {
        double entropy = -(0.5 * Math.log(0.5) + 0.3 * Math.log(0.3) + 0.2 * Math.log(0.2));
        ModelCheck check = fiveThreeTwo().check(PrivacyModel.entropyLDiversity(2.8), PrivacyModel.entropyLDiversity(2.81),
                PrivacyModel.recursiveCLDiversity(2, 2), PrivacyModel.recursiveCLDiversity(1, 2),
                PrivacyModel.recursiveCLDiversity(2, 3), PrivacyModel.distinctLDiversity(3),
                PrivacyModel.distinctLDiversity(4), PrivacyModel.kAnonymity(10), PrivacyModel.kAnonymity(11));
        assertThat(check.results().get(0).lowest()).isCloseTo(Math.exp(entropy), within(1e-12));
        assertThat(check.results()).extracting(ModelCheck.Result::satisfied)
                .containsExactly(true, false, true, false, false, true, false, true, false);
        assertThat(check.results().get(2).highest()).isCloseTo(5.0 / 5, within(1e-12));
        assertThat(check.results().get(4).highest()).isCloseTo(5.0 / 2, within(1e-12));
        assertThatThrownBy(check::assertSatisfied).isInstanceOf(AssertionError.class)
                .hasMessageContaining("entropy 2.81-diversity").hasMessageNotContaining("flu");
    }

    static Dataset populationExample() {
        Dataset.Builder population = Dataset.table("zip", "age").quasiIdentifiers("zip", "age");
        for (int i = 0; i < 10; i++) {
            population.addRow("A", 30);
        }
        for (int i = 0; i < 4; i++) {
            population.addRow("B", 40);
        }
        population.addRow("C", 50);
        Dataset.Builder sample = Dataset.table("zip", "age").quasiIdentifiers("zip", "age")
                .population(population.build());
        for (int i = 0; i < 3; i++) {
            sample.addRow("A", 30);
        }
        sample.addRow("B", 40).addRow("B", 40);
        return sample.build();
    }

    @Test
    void deltaPresenceAndKMap_againstThePopulation() {
        ModelCheck check = populationExample().check(PrivacyModel.deltaPresence(0, 0.4), PrivacyModel.kMap(4),
                PrivacyModel.kMap(5));
        assertThat(check.results().get(0).lowest()).isCloseTo(0.3, within(1e-12));
        assertThat(check.results().get(0).highest()).isCloseTo(0.5, within(1e-12));
        assertThat(check.results().get(0).failingRows()).isEqualTo(2);
        assertThat(check.results()).extracting(ModelCheck.Result::satisfied).containsExactly(false, true, false);
        assertThatThrownBy(() -> salaries().check(PrivacyModel.kMap(2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("population");
    }

    @Test
    void journalistAndMarketerRisk_againstThePopulation() {
        RiskReport risk = populationExample().risk();
        assertThat(risk.hasPopulation()).isTrue();
        assertThat(risk.highestProsecutorRisk()).isEqualTo(0.5);
        assertThat(risk.highestJournalistRisk()).isEqualTo(0.25);
        assertThat(risk.marketerRisk()).isCloseTo((3 / 10.0 + 2 / 4.0) / 5, within(1e-12));
        assertThat(risk.averageJournalistRisk()).isCloseTo(0.16, within(1e-12));
        assertThat(risk.journalistRowsAtRisk(0.2)).isCloseTo(2 / 5.0, within(1e-12));
        assertThat(risk.prosecutorRowsAtRisk(0.2)).isEqualTo(1.0);
        RiskReport alone = salaries().risk();
        assertThat(alone.hasPopulation()).isFalse();
        assertThat(alone.highestJournalistRisk()).isEqualTo(alone.highestProsecutorRisk());
        assertThat(alone.marketerRisk()).isEqualTo(alone.averageProsecutorRisk());
    }

    @Test
    void models_refuseBadParameters_andNameTheirAttribute() {
        assertThatThrownBy(() -> PrivacyModel.kAnonymity(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrivacyModel.tCloseness(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrivacyModel.recursiveCLDiversity(2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrivacyModel.deltaPresence(0.5, 0.4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrivacyModel.entropyLDiversity(0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new org.privacykit.dataset.model.TCloseness(null, 0.2, GroundDistance.HIERARCHICAL,
                null)).isInstanceOf(IllegalArgumentException.class);
        Dataset noSensitive = Dataset.table("a").quasiIdentifiers("a").addRow(1).build();
        assertThatThrownBy(() -> noSensitive.check(PrivacyModel.distinctLDiversity(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a sensitive attribute");
        Dataset two = Dataset.table("a", "s", "t").quasiIdentifiers("a").sensitiveAttribute("s")
                .sensitiveAttribute("t").addRow(1, 2, 3).build();
        assertThatThrownBy(() -> two.check(PrivacyModel.distinctLDiversity(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name the one");
        assertThatThrownBy(() -> two.check(PrivacyModel.distinctLDiversity("a", 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a sensitive attribute");
        assertThat(two.check(PrivacyModel.distinctLDiversity("t", 1)).satisfied()).isTrue();
        assertThat(PrivacyModel.tCloseness(0.2).toString()).isEqualTo("0.2-closeness (equal distance)");
        List<Map<String, Object>> none = new ArrayList<>();
        assertThat(Dataset.of(none, "a").check(PrivacyModel.kAnonymity(5)).satisfied()).isTrue();
    }
}
