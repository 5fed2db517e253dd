package org.privacykit.dataset.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.privacykit.dataset.AdultData;
import org.privacykit.dataset.Dataset;

class PrivateAggregatesTest {
    private static final List<String> COLOURS = List.of("red", "green", "blue");

    private static Dataset people(List<Integer> subjects, List<Integer> ages) {
        Dataset.Builder b = Dataset.table("id", "age", "colour").quasiIdentifiers("age");
        for (int i = 0; i < subjects.size(); i++) {
            b.addRow("p" + subjects.get(i), (long) ages.get(i % ages.size()), COLOURS.get(Math.floorMod(i, 4) % 3));
        }
        return b.build();
    }

    private static PrivateAggregates.Builder seeded(Dataset data, PrivacyAccountant budget, long seed) {
        return PrivateAggregates.builder(data, budget)
                .sampler(DiscreteSampler.withRandom(new SplittableRandom(seed)));
    }

    @Test
    void eachSubjectContributesAtMostItsBound() {
        Dataset data = people(List.of(1, 1, 1, 1, 2, 3, 3), List.of(30, 200, -5, 40, 50, 60, 70));
        PrivateAggregates dp = PrivateAggregates.builder(data, PrivacyAccountant.basic(1)).subject("id")
                .maxRowsPerSubject(2).build();
        assertThat(dp.exactCount()).isEqualTo(5);    // p1's first two rows, p2, p3's two
        // p1: 30, 200 -> 100 (clamped); p2: 50; p3: 60, 70
        assertThat(dp.exactSum("age", 0, 100)).isEqualTo(30 + 100 + 50 + 60 + 70);
        assertThat(dp.exactHistogram("colour", List.of("blue", "red", "purple"))).containsExactly(1, 2, 0);
    }

    @Test
    void addingOneSubjectChangesTheExactAggregatesByAtMostTheSensitivity() {
        // the property the noise is calibrated to: neighbouring datasets differ by one subject's rows
        qt().forAll(lists().of(integers().between(0, 6)).ofSizeBetween(0, 30),
                lists().of(integers().between(-50, 150)).ofSizeBetween(1, 30), integers().between(1, 4),
                integers().between(0, 8))
                .checkAssert((subjects, ages, max, extraRows) -> {
                    Dataset without = people(subjects, ages);
                    List<Integer> withSubjects = new java.util.ArrayList<>(subjects);
                    for (int i = 0; i < extraRows; i++) {
                        withSubjects.add(99);
                    }
                    Dataset with = people(withSubjects, ages);
                    PrivateAggregates a = PrivateAggregates.builder(without, PrivacyAccountant.basic(1)).subject("id")
                            .maxRowsPerSubject(max).build();
                    PrivateAggregates b = PrivateAggregates.builder(with, PrivacyAccountant.basic(1)).subject("id")
                            .maxRowsPerSubject(max).build();
                    assertThat(Math.abs(b.exactCount() - a.exactCount())).isLessThanOrEqualTo(max);
                    assertThat(Math.abs(b.exactSum("age", -20, 100) - a.exactSum("age", -20, 100)))
                            .isLessThanOrEqualTo(100L * max);
                    long[] ha = a.exactHistogram("colour", COLOURS);
                    long[] hb = b.exactHistogram("colour", COLOURS);
                    long l1 = 0;
                    for (int i = 0; i < ha.length; i++) {
                        l1 += Math.abs(hb[i] - ha[i]);
                    }
                    assertThat(l1).isLessThanOrEqualTo(max);
                });
    }

    @Test
    void noisyCountsAreUnbiasedWithTheVarianceOfTheirNoise() {
        Dataset data = people(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), List.of(20));
        int queries = 2000;
        PrivateAggregates dp = seeded(data, PrivacyAccountant.basic(queries * 0.5), 42).build();
        double sum = 0;
        double squares = 0;
        int exact = 0;
        for (int i = 0; i < queries; i++) {
            long noise = dp.count(Noise.laplace(0.5)) - 10;
            sum += noise;
            squares += (double) noise * noise;
            exact += noise == 0 ? 1 : 0;
        }
        // discrete Laplace with scale 2: variance 2e^(-1/2)/(1 - e^(-1/2))² ≈ 7.92, P(0) = tanh(1/4) ≈ 0.245
        double variance = 2 * Math.exp(-0.5) / Math.pow(1 - Math.exp(-0.5), 2);
        assertThat(Math.abs(sum / queries)).isLessThan(Distributions.Z_1E4 * Math.sqrt(variance / queries));
        assertThat(squares / queries).isBetween(variance * 0.85, variance * 1.15);
        assertThat(exact).isBetween(400, 600);
        assertThat(dp.accountant().remaining()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> dp.count(Noise.laplace(0.5))).isInstanceOf(PrivacyBudgetExceededException.class);
    }

    @Test
    void meanIsClampedAndChargedAsOneQuery() {
        Dataset data = people(List.of(1, 2, 3, 4), List.of(30, 40, 50, 1000));
        PrivacyAccountant budget = PrivacyAccountant.basic(1);
        PrivateAggregates dp = seeded(data, budget, 7).build();
        double mean = dp.mean("age", 0, 100, Noise.laplace(1));
        assertThat(mean).isBetween(0.0, 100.0);
        assertThat(budget.ledger()).hasSize(2).allSatisfy(c -> assertThat(c.cost()).isEqualByComparingTo("0.5"));
        assertThat(budget.remaining()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> dp.mean("age", 0, 100, Noise.laplace(0.1)))
                .isInstanceOf(PrivacyBudgetExceededException.class).hasMessageStartingWith("query mean(age in [0, 100])");
        assertThat(budget.ledger()).hasSize(2);
    }

    @Test
    void gaussianHistogramUnderZcdp() {
        Dataset data = people(List.of(1, 2, 3, 4, 5, 6), List.of(20));
        PrivacyAccountant budget = PrivacyAccountant.zcdp(1, 1e-6);
        Map<String, Long> h = seeded(data, budget, 9).build().histogram("colour", COLOURS, Noise.gaussian(0.01));
        assertThat(h).containsOnlyKeys(COLOURS);
        assertThat(h.keySet()).containsExactlyElementsOf(COLOURS);
        assertThat(budget.spent()).isEqualByComparingTo("0.01");
    }

    @Test
    void errorsNameTheColumnAndRowNeverAValue() {
        Dataset data = Dataset.table("name", "age").addRow("Ada Lovelace", 36L).addRow("Alan Turing", "forty-one")
                .quasiIdentifiers("age").build();
        PrivacyAccountant budget = PrivacyAccountant.basic(1);
        PrivateAggregates dp = PrivateAggregates.builder(data, budget).build();
        assertThatThrownBy(() -> dp.sum("age", 0, 100, Noise.laplace(0.5)))
                .hasMessage("column 'age', row 2: not a number");
        assertThatThrownBy(() -> dp.sum("name", 0, 100, Noise.laplace(0.5)))
                .hasMessage("column 'name', row 1: not a number");
        assertThatThrownBy(() -> dp.sum("salary", 0, 100, Noise.laplace(0.5))).hasMessage("no column 'salary'");
        assertThatThrownBy(() -> dp.sum("age", 10, 0, Noise.laplace(0.5)))
                .hasMessageContaining("lower bound 10 exceeds upper bound 0");
        assertThatThrownBy(() -> dp.histogram("name", List.of("a", "a"), Noise.laplace(0.5)))
                .hasMessageContaining("named twice");
        assertThatThrownBy(() -> dp.histogram("name", List.of(), Noise.laplace(0.5)))
                .hasMessageContaining("no categories");
        assertThatThrownBy(() -> PrivateAggregates.builder(data, budget).subject("id"))
                .hasMessage("no column 'id'");
        assertThat(budget.spent()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void decimalsAreClampedThenRounded() {
        Dataset data = Dataset.table("x").addRow(new BigDecimal("2.5")).addRow(new BigDecimal("3.5"))
                .addRow(new BigDecimal("-7.25")).addRow(1.4d).addRow((Object) null).quasiIdentifiers("x").build();
        PrivateAggregates dp = PrivateAggregates.builder(data, PrivacyAccountant.basic(1)).build();
        assertThat(dp.exactSum("x", -5, 10)).isEqualTo(2 + 4 - 5 + 1);
        assertThat(dp.exactPresent("x")).isEqualTo(4);
    }

    @Test
    void educationHistogramOfTheAdultData() throws IOException {
        Dataset adult = AdultData.dataset(false);
        List<String> levels = java.nio.file.Files.readAllLines(AdultData.hierarchyFile("education")).stream()
                .map(line -> line.substring(0, line.indexOf(';'))).toList();
        PrivacyAccountant budget = PrivacyAccountant.zcdp(1, 1e-6);
        PrivateAggregates dp = seeded(adult, budget, 2026).build();
        Map<String, Long> h = dp.histogram("education", levels, Noise.gaussian(0.005));
        long[] exact = dp.exactHistogram("education", levels);
        assertThat(java.util.Arrays.stream(exact).sum()).isEqualTo(30_162);
        // σ² = 1/(2·0.005) = 100: every cell within 6σ = 60 of its exact count
        int i = 0;
        for (long noisy : h.values()) {
            assertThat(Math.abs(noisy - exact[i++])).isLessThanOrEqualTo(60);
        }
        assertThat(dp.mean("age", 17, 90, Noise.gaussian(0.005))).isBetween(37.0, 40.0);
    }
}
