package org.privacykit.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.PersonalDataType;

/**
 * Precision and recall of the default detector on a generated, labeled corpus (see
 * {@link LabeledCorpus}; deterministic seeds). A finding counts as a true positive only when its
 * type and both offsets match a label exactly. The table is printed (surefire keeps it in
 * {@code target/surefire-reports/*-output.txt}) and the README quotes it.
 */
class PiiDetectorCorpusTest {
    private static final long[] SEEDS = {20261129L, 42L, 7L};
    private static final int LINES = 4000;

    @Test
    void precisionAndRecall_perType_onTheFormatsItClaims() {
        Map<PersonalDataType, int[]> counts = measure(false);
        for (Map.Entry<PersonalDataType, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            assertThat(c[0] + c[2]).as("labeled %s", e.getKey()).isGreaterThan(1000);
            assertThat(precision(c)).as("precision of %s", e.getKey()).isGreaterThanOrEqualTo(0.99);
            assertThat(recall(c)).as("recall of %s", e.getKey()).isGreaterThanOrEqualTo(0.99);
        }
    }

    @Test
    void precisionAndRecall_perType_withOutOfScopeFormsAndLookAlikes() {
        Map<PersonalDataType, int[]> counts = measure(true);
        for (Map.Entry<PersonalDataType, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            assertThat(precision(c)).as("precision of %s", e.getKey()).isGreaterThanOrEqualTo(0.85);
            assertThat(recall(c)).as("recall of %s", e.getKey()).isGreaterThanOrEqualTo(0.85);
        }
    }

    private static Map<PersonalDataType, int[]> measure(boolean outOfScope) {
        Map<PersonalDataType, int[]> counts = new EnumMap<>(PersonalDataType.class); // tp, fp, fn
        for (PersonalDataType type : PiiDetector.supportedTypes()) {
            counts.put(type, new int[3]);
        }
        long chars = 0;
        for (long seed : SEEDS) {
            LabeledCorpus corpus = LabeledCorpus.generate(seed, LINES, outOfScope);
            chars += corpus.text.length();
            Map<Long, PersonalDataType> labels = new HashMap<>();
            for (LabeledCorpus.Label label : corpus.labels) {
                labels.put(((long) label.start << 32) | label.end, label.type);
            }
            List<PiiFinding> findings = PiiDetector.defaults().detect(corpus.text);
            for (PiiFinding f : findings) {
                PersonalDataType labeled = labels.remove(((long) f.start() << 32) | f.end());
                if (labeled == f.type()) {
                    counts.get(f.type())[0]++;
                } else {
                    counts.get(f.type())[1]++;
                    if (labeled != null) {
                        counts.get(labeled)[2]++;
                    }
                }
            }
            for (PersonalDataType missed : labels.values()) {
                counts.get(missed)[2]++;
            }
        }
        StringBuilder table = new StringBuilder("\nPII detector on the labeled corpus, "
                + (outOfScope ? "with out-of-scope forms and look-alikes" : "formats it claims, with hard negatives")
                + " (" + SEEDS.length + " seeds x " + LINES + " lines, " + chars / 1024 + " KiB)\n")
                .append("| type | labeled | true positives | false positives | false negatives | precision | recall |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Map.Entry<PersonalDataType, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            table.append(String.format("| %s | %d | %d | %d | %d | %.4f | %.4f |%n", e.getKey(), c[0] + c[2], c[0], c[1],
                    c[2], precision(c), recall(c)));
        }
        System.out.println(table);
        return counts;
    }

    private static double precision(int[] c) {
        return c[0] + c[1] == 0 ? 1 : (double) c[0] / (c[0] + c[1]);
    }

    private static double recall(int[] c) {
        return c[0] + c[2] == 0 ? 1 : (double) c[0] / (c[0] + c[2]);
    }
}
