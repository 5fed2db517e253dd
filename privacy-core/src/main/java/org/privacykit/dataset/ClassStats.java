package org.privacykit.dataset;

/**
 * What the privacy models see of one equivalence class: its size, the count of each value of each
 * sensitive attribute the models use, and the population rows it matches. Mutable and reused by the
 * engines, one per thread.
 */
final class ClassStats {
    int size;
    /** [sensitive attribute][value code] counts. */
    final int[][] histograms;
    int population;

    ClassStats(int[] domains) {
        histograms = new int[domains.length][];
        for (int s = 0; s < domains.length; s++) {
            histograms[s] = new int[domains[s]];
        }
    }

    void clear() {
        size = 0;
        population = 0;
        for (int[] h : histograms) {
            java.util.Arrays.fill(h, 0);
        }
    }
}
