package org.privacykit.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.privacykit.dataset.hierarchy.Generalized;
import org.privacykit.dataset.model.PrivacyModel;

/** The release goals of the README, on the real UCI Adult data, each release checked independently. */
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
    void localRecoding_withHierarchies_k5_holdsAtMost0031() {
        Dataset data = AdultData.dataset(true);
        AnonymizedDataset release = Mondrian.builder().k(5).build().anonymize(data);
        new ReleaseVerifier(data, release).kAnonymous(5).cellsAreHierarchyNodes().suppressedAtMost(0);
        assertThat(release.utility().ncpOfHeldValues()).isLessThanOrEqualTo(0.031);
        assertThat(release.equivalenceClasses()).isGreaterThan(4_000);
        for (EquivalenceClass c : release.classes()) {
            assertThat(c.generalization().get("native-country")).isNotInstanceOf(Generalized.ValueSet.class);
        }
    }

    @Test
    void globalRecoding_k5_atMostFivePercentSuppressed_losesAtMost029() {
        Dataset data = AdultData.dataset(true);
        AnonymizedDataset release = GlobalRecoding.builder().k(5).suppressionLimit(0.05).build().anonymize(data);
        new ReleaseVerifier(data, release).kAnonymous(5).suppressedAtMost(0.05).cellsAreHierarchyNodes();
        assertThat(release.informationLoss()).isLessThanOrEqualTo(0.29);
        assertThat(release.generalizationLevels()).hasSize(8);
    }

    @Test
    void tCloseness02_localAndGlobal() {
        Dataset data = AdultData.dataset(true);
        AnonymizedDataset local = Mondrian.builder().k(5).model(PrivacyModel.tCloseness(0.2)).build().anonymize(data);
        new ReleaseVerifier(data, local).kAnonymous(5).equalDistanceTClose(AdultData.SENSITIVE, 0.2)
                .cellsAreHierarchyNodes();
        AnonymizedDataset global = GlobalRecoding.builder().k(5).suppressionLimit(0.05)
                .model(PrivacyModel.tCloseness(0.2)).build().anonymize(data);
        new ReleaseVerifier(data, global).kAnonymous(5).suppressedAtMost(0.05)
                .equalDistanceTClose(AdultData.SENSITIVE, 0.2);
        assertThat(local.check(PrivacyModel.tCloseness(0.2)).satisfied()).isTrue();
    }
}
