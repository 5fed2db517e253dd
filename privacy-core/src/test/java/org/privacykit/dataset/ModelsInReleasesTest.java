package org.privacykit.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.privacykit.dataset.model.GroundDistance;
import org.privacykit.dataset.model.PrivacyModel;

/**
 * Every privacy model, in local and in global recoding, on random samples of random populations: each
 * release is checked by {@link ReleaseVerifier}'s own counting, distances and population matching,
 * never by the code that made it.
 */
class ModelsInReleasesTest {
    private static final double T = 0.3;
    private static final double DELTA_MAX = 0.6;
    private static final double C = 3;

    @Test
    void everyModel_holdsInEveryReleasedClass_byIndependentCounting() {
        AtomicInteger checked = new AtomicInteger();
        AtomicInteger releases = new AtomicInteger();
        qt().withExamples(60).forAll(longs().all(), integers().between(2, 5), integers().between(20, 150),
                integers().between(0, 5)).checkAssert((seed, k, n, which) -> {
                    Dataset data = RandomTables.sampleOfAPopulation(seed, n);
                    PrivacyModel model = switch (which) {
                        case 0 -> PrivacyModel.recursiveCLDiversity("salary", C, 2);
                        case 1 -> PrivacyModel.tCloseness("visits", T, GroundDistance.ORDERED);
                        case 2 -> PrivacyModel.tCloseness("salary", T, RandomTables.SALARY_BANDS);
                        case 3 -> PrivacyModel.kMap(k + 3);
                        case 4 -> PrivacyModel.deltaPresence(0, DELTA_MAX);
                        default -> PrivacyModel.entropyLDiversity("salary", 1.5);
                    };
                    List<AnonymizedDataset> made = List.of(
                            Mondrian.builder().k(k).model(model).build().anonymize(data),
                            GlobalRecoding.builder().k(k).suppressionLimit(0.1).model(model).build().anonymize(data));
                    for (AnonymizedDataset release : made) {
                        releases.incrementAndGet();
                        if (release.suppressedRows() == n) {
                            continue; // out of reach for this table
                        }
                        checked.incrementAndGet();
                        ReleaseVerifier verify = new ReleaseVerifier(data, release).kAnonymous(k).cellsAreHierarchyNodes();
                        switch (which) {
                            case 0 -> verify.recursiveCLDiverse("salary", C, 2);
                            case 1 -> verify.orderedTClose("visits", T);
                            case 2 -> verify.hierarchicalTClose("salary", T, RandomTables.SALARY_BANDS);
                            case 3 -> verify.againstPopulation(k + 3, 0, 1);
                            case 4 -> verify.againstPopulation(1, 0, DELTA_MAX);
                            default -> verify.entropyLDiverse("salary", 1.5);
                        }
                        assertThat(release.check(model).satisfied()).isTrue();
                    }
                });
        assertThat(checked.get()).as("releases that were not wholly suppressed").isGreaterThan(releases.get() / 2);
    }

    @Test
    void hierarchicalDistance_equalsTheEdgeFlowForm_onEveryClassOfARandomTable() {
        qt().withExamples(30).forAll(longs().all(), integers().between(10, 200)).checkAssert((seed, n) -> {
            Dataset data = RandomTables.sampleOfAPopulation(seed, n);
            PrivacyModel model = PrivacyModel.tCloseness("salary", 1, RandomTables.SALARY_BANDS);
            AnonymizedDataset release = Mondrian.builder().k(2).build().anonymize(data);
            double highest = release.check(model).results().get(0).highest();
            assertThat(new ReleaseVerifier(data, release).highestHierarchicalDistance("salary", RandomTables.SALARY_BANDS))
                    .isCloseTo(highest, within(1e-9));
        });
    }
}
