package org.privacykit.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the detector with arbitrary text. Without {@code JAZZER_FUZZ=1} only the seeds in
 * {@code PiiDetectorFuzzTestInputs} run; with it, Jazzer explores for as long as it is given
 * ({@code JAZZER_FUZZ=1 ./mvnw -pl privacy-core test -Dtest=PiiDetectorFuzzTest}). A stall would
 * show up as Jazzer's timeout, so this also guards the linear-time claim.
 */
class PiiDetectorFuzzTest {
    private static final PiiDetector LOOSE = PiiDetector.builder().minConfidence(0).build();

    @FuzzTest(maxDuration = "30s")
    void detect_keepsItsInvariants(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        for (PiiDetector detector : new PiiDetector[] {PiiDetector.defaults(), LOOSE}) {
            List<PiiFinding> findings = detector.detect(text);
            int previousEnd = 0;
            for (PiiFinding f : findings) {
                assertThat(f.start()).isGreaterThanOrEqualTo(previousEnd);
                assertThat(f.end()).isGreaterThan(f.start()).isLessThanOrEqualTo(text.length());
                assertThat(f.confidence()).isBetween(0.0, 1.0);
                assertThat(detector.types()).contains(f.type());
                previousEnd = f.end();
            }
            assertThat(detector.detect(text)).isEqualTo(findings);
            String redacted = detector.redact(text);
            String masked = detector.mask(text);
            assertThat(redacted).isNotNull();
            assertThat(masked).isNotNull();
            if (findings.isEmpty()) {
                assertThat(redacted).isEqualTo(text);
                assertThat(masked).isEqualTo(text);
            }
        }
    }
}
