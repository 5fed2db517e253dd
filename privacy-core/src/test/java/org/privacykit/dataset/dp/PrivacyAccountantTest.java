package org.privacykit.dataset.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PrivacyAccountantTest {

    @Test
    void basicCompositionAddsEpsilonExactlyAndRefusesTheQueryThatWouldOverspend() {
        PrivacyAccountant budget = PrivacyAccountant.basic(1.0);
        for (int i = 0; i < 10; i++) {
            budget.charge("count", Noise.laplace(0.1));    // 0.1 is one tenth exactly: ten fit
        }
        assertThat(budget.spent()).isEqualByComparingTo("1");
        assertThat(budget.remaining()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> budget.charge("sum(age in [0, 100])", Noise.laplace(0.000000001)))
                .isInstanceOf(PrivacyBudgetExceededException.class)
                .hasMessage("query sum(age in [0, 100]) with Laplace(ε = 0.000000001) costs ε 0.000000001 but 0 of 1 "
                        + "remains");
        assertThat(budget.ledger()).hasSize(10);
        assertThat(budget.epsilonSpent()).isEqualTo(1.0);
    }

    @Test
    void aRefusedQuerySpendsNothing() {
        PrivacyAccountant budget = PrivacyAccountant.basic(0.5);
        budget.charge("count", Noise.laplace(0.3));
        assertThatThrownBy(() -> budget.charge("count", Noise.laplace(0.3)))
                .isInstanceOf(PrivacyBudgetExceededException.class);
        assertThatThrownBy(() -> budget.charge("mean", List.of(Noise.laplace(0.1), Noise.laplace(0.15))))
                .isInstanceOf(PrivacyBudgetExceededException.class);
        assertThat(budget.spent()).isEqualByComparingTo("0.3");
        budget.charge("count", Noise.laplace(0.2));
        assertThat(budget.remaining()).isEqualByComparingTo("0");
    }

    @Test
    void gaussianNoiseNeedsAZcdpAccountant() {
        assertThatThrownBy(() -> PrivacyAccountant.basic(1).charge("count", Noise.gaussian(0.1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PrivacyAccountant.zcdp");
    }

    @Test
    void zcdpBudgetIsTheLargestRhoWithinEpsilonAndDelta() {
        PrivacyAccountant budget = PrivacyAccountant.zcdp(1.0, 1e-6);
        double rho = budget.budget().doubleValue();
        double log = Math.log(1e6);
        // Bun and Steinke: ρ-zCDP gives (ρ + 2 sqrt(ρ ln 1/δ), δ)-DP
        assertThat(rho + 2 * Math.sqrt(rho * log)).isLessThanOrEqualTo(1.0).isGreaterThan(0.999999);
        assertThat(budget.budget()).isBetween(new BigDecimal("0.017468904"), new BigDecimal("0.017468905"));
        budget.charge("histogram(education, 16 categories)", Noise.gaussian(0.01));
        assertThat(budget.epsilonSpent()).isCloseTo(0.01 + 2 * Math.sqrt(0.01 * log), org.assertj.core.data.Offset
                .offset(1e-12));
    }

    @Test
    void zcdpComposesManyLaplaceQueriesForFarLessThanBasic() {
        PrivacyAccountant zcdp = PrivacyAccountant.zcdp(5.8, 1e-6);
        PrivacyAccountant basic = PrivacyAccountant.basic(5.8);
        int basicAnswered = 0;
        for (int i = 0; i < 100; i++) {
            zcdp.charge("count", Noise.laplace(0.1));          // ρ = ε²/2 = 0.005 each
            try {
                basic.charge("count", Noise.laplace(0.1));
                basicAnswered++;
            } catch (PrivacyBudgetExceededException e) {
                assertThat(e).hasMessageContaining("costs ε 0.1");
            }
        }
        assertThat(zcdp.spent()).isEqualByComparingTo("0.5");
        assertThat(zcdp.epsilonSpent()).isLessThan(5.8);
        assertThat(basicAnswered).isEqualTo(58);
    }

    @Test
    void refusesBadBudgets() {
        assertThatThrownBy(() -> PrivacyAccountant.basic(0)).hasMessageContaining("ε must be positive");
        assertThatThrownBy(() -> PrivacyAccountant.basic(Double.NaN)).hasMessageContaining("ε must be positive");
        assertThatThrownBy(() -> PrivacyAccountant.basic(Double.POSITIVE_INFINITY)).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> PrivacyAccountant.zcdp(1, 0)).hasMessageContaining("δ must be");
        assertThatThrownBy(() -> PrivacyAccountant.zcdp(1, 1)).hasMessageContaining("δ must be");
        assertThatThrownBy(() -> Noise.laplace(1e-10)).hasMessageContaining("rounds to 0");
        assertThatThrownBy(() -> Noise.gaussian(-1)).hasMessageContaining("ρ must be positive");
        assertThatThrownBy(() -> PrivacyAccountant.basic(1).charge("mean", List.of()))
                .hasMessageContaining("no parts");
    }

    @Test
    void parametersAreTheDecimalsTheyPrintAsRoundedDown() {
        assertThat(((Noise.Laplace) Noise.laplace(0.1)).epsilon()).isEqualByComparingTo(new BigDecimal("0.1"));
        assertThat(((Noise.Laplace) Noise.laplace(0.1234567899)).epsilon())
                .isEqualByComparingTo(new BigDecimal("0.123456789"));
        assertThat(((Noise.Gaussian) Noise.gaussian(0.3).half()).rho()).isEqualByComparingTo("0.15");
        assertThat(Noise.laplace(0.25)).hasToString("Laplace(ε = 0.250000000)");
    }

    @Test
    void concurrentQueriesNeverOverspend() throws Exception {
        PrivacyAccountant budget = PrivacyAccountant.basic(10);
        AtomicInteger answered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        try {
                            budget.charge("count", Noise.laplace(0.1));
                            answered.incrementAndGet();
                        } catch (PrivacyBudgetExceededException e) {
                            // refused: spent nothing
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(answered).hasValue(100);
        assertThat(budget.spent()).isEqualByComparingTo("10");
    }

    @Test
    void whateverTheQueriesTheSpentBudgetNeverExceedsTheTotal() {
        // costs in thousandths of ε; each query is answered exactly when it fits
        qt().forAll(integers().between(1, 5000), lists().of(integers().between(1, 2000)).ofSizeBetween(0, 40))
                .checkAssert((total, costs) -> {
                    PrivacyAccountant budget = PrivacyAccountant.basic(total / 1000.0);
                    BigDecimal expected = BigDecimal.ZERO;
                    for (int cost : costs) {
                        BigDecimal c = BigDecimal.valueOf(cost, 3);
                        boolean fits = expected.add(c).compareTo(BigDecimal.valueOf(total, 3)) <= 0;
                        try {
                            budget.charge("q", Noise.laplace(cost / 1000.0));
                            assertThat(fits).isTrue();
                            expected = expected.add(c);
                        } catch (PrivacyBudgetExceededException e) {
                            assertThat(fits).isFalse();
                        }
                        assertThat(budget.spent()).isEqualByComparingTo(expected)
                                .isLessThanOrEqualTo(budget.budget());
                    }
                });
    }
}
