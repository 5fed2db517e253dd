package org.privacykit.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Property tests are reproducible: the build passes a fixed seed to QuickTheories (its {@code QT_SEED}
 * system property, from the {@code qt.seed} Maven property), so every run draws the same examples;
 * a failure prints the seed, which {@code -Dqt.seed=N} replays.
 */
class QuickTheoriesSeedTest {

    @Test
    void seed_isFixedByTheBuild() {
        String seed = System.getProperty("QT_SEED");

        assertThat(seed).as("QT_SEED, set by the parent pom's surefire configuration").isNotBlank();
        assertThat(Long.parseLong(seed)).isNotNull();
    }

    @Test
    void twoRuns_drawTheSameExamples() {
        assertThat(examples()).isEqualTo(examples());
    }

    @Test
    void aFailingProperty_printsTheSeedThatReplaysIt() {
        String seed = System.getProperty("QT_SEED");

        assertThatThrownBy(() -> qt().withExamples(50).forAll(integers().between(0, 9))
                        .checkAssert(i -> assertThat(i).isNegative()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Seed was " + seed);
    }

    private static List<Integer> examples() {
        List<Integer> drawn = new ArrayList<>();
        qt().withExamples(50).forAll(integers().all()).checkAssert(drawn::add);
        return drawn;
    }
}
