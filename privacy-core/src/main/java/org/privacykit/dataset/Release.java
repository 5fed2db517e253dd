package org.privacykit.dataset;

import org.jspecify.annotations.Nullable;
import org.privacykit.dataset.hierarchy.Generalized;

/**
 * What an anonymizer decided, before it is presented: each row's class (or -1 when suppressed) and
 * what each class publishes per quasi-identifier.
 */
final class Release {
    final Dataset source;
    final QiColumn[] qis;
    final ModelSet models;
    final int[] classOf;
    final Generalized[][] cells;
    /** The lattice node of global recoding, or {@code null}. */
    final int @Nullable [] levels;
    final String method;
    final int k;
    final int classes;
    final int suppressed;
    final int[][] members;

    Release(Dataset source, QiColumn[] qis, ModelSet models, int[] classOf, Generalized[][] cells, int @Nullable [] levels,
            String method, int k) {
        this.source = source;
        this.qis = qis;
        this.models = models;
        this.classOf = classOf;
        this.cells = cells;
        this.levels = levels;
        this.method = method;
        this.k = k;
        this.classes = cells.length;
        int s = 0;
        for (int c : classOf) {
            if (c < 0) {
                s++;
            }
        }
        this.suppressed = s;
        this.members = ModelCheck.members(classOf, classes);
    }

    /** Population rows each class's cells cover, by intersecting per-column rank coverage. */
    int[] populationPerClass() {
        Dataset population = source.population().orElseThrow();
        int p = population.size();
        int words = (classes + 63) / 64;
        int[] out = new int[classes];
        long[][][] byRank = new long[qis.length][][];
        for (int a = 0; a < qis.length; a++) {
            QiColumn q = qis[a];
            byRank[a] = new long[q.values.length][words];
            for (int c = 0; c < classes; c++) {
                QiColumn.Coverage cover = q.coverage(cells[c][a]);
                for (int r = Math.max(cover.first(), 0); r <= cover.last(); r++) {
                    if (cover.covers(r)) {
                        byRank[a][r][c >>> 6] |= 1L << c;
                    }
                }
            }
        }
        long[] inAll = new long[words];
        int[][] populationRank = new int[qis.length][];
        for (int a = 0; a < qis.length; a++) {
            populationRank[a] = java.util.Objects.requireNonNull(qis[a].populationRank);
        }
        for (int row = 0; row < p; row++) {
            System.arraycopy(byRank[0][populationRank[0][row]], 0, inAll, 0, words);
            for (int a = 1; a < qis.length; a++) {
                long[] bits = byRank[a][populationRank[a][row]];
                for (int w = 0; w < words; w++) {
                    inAll[w] &= bits[w];
                }
            }
            for (int w = 0; w < words; w++) {
                long bits = inAll[w];
                while (bits != 0) {
                    out[w * 64 + Long.numberOfTrailingZeros(bits)]++;
                    bits &= bits - 1;
                }
            }
        }
        return out;
    }
}
