package org.privacykit.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The release goals of the README, on the real Adult data. */
class AdultTest {

    @Test
    void risk_ofTheOriginalData_equalsArxs() {
        RiskReport risk = AdultData.dataset(false).risk();
        assertThat(risk.rows()).isEqualTo(30_162);
        assertThat(risk.equivalenceClasses()).isEqualTo(18_109);
        assertThat(risk.uniqueShare()).isCloseTo(0.4649, within(0.00005));
        assertThat(risk.averageProsecutorRisk()).isCloseTo(0.600391, within(0.0000005));
    }

    @Test
    void mondrian_withHierarchies_k5() {
        Dataset data = AdultData.dataset(true);
        Mondrian k5 = Mondrian.builder().k(5).build();
        AnonymizedDataset release = null;
        for (int i = 0; i < 10; i++) {
            long t = System.nanoTime();
            release = k5.anonymize(data);
            release.utility();
            System.out.printf("local k=5: %.1f ms %s%n", (System.nanoTime() - t) / 1e6, release);
        }
        release.risk().assertKAnonymous(5);
        assertThat(release.utility().ncpOfHeldValues()).isLessThanOrEqualTo(0.031);
    }

    @Test
    void globalRecoding_k5_fivePercent() {
        Dataset data = AdultData.dataset(true);
        GlobalRecoding global = GlobalRecoding.builder().k(5).suppressionLimit(0.05).build();
        AnonymizedDataset release = null;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            release = global.anonymize(data);
            release.utility();
            System.out.printf("global k=5: %.1f ms %s %s%n", (System.nanoTime() - t) / 1e6, release,
                    release.generalizationLevels());
        }
        release.risk().assertKAnonymous(5);
        assertThat(release.suppressedShare()).isLessThanOrEqualTo(0.05);
        assertThat(release.informationLoss()).isLessThanOrEqualTo(0.29);
    }
}
