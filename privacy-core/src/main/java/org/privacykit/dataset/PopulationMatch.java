package org.privacykit.dataset;

import java.util.HashMap;
import java.util.Map;

/** Counts the population rows that share each class's quasi-identifier values exactly. */
final class PopulationMatch {
    private static final Object NULL = new Object();

    private PopulationMatch() {
    }

    /**
     * Returns, for each class of a grouping of the dataset's rows by their quasi-identifiers, the
     * number of population rows with the same values.
     */
    static int[] exact(Dataset data, Grouping grouping) {
        int[] qis = data.quasiIdentifierIndexes();
        Dataset population = data.population().orElseThrow();
        int n = data.size();
        int p = population.size();
        int[][] columns = new int[qis.length][];
        for (int i = 0; i < qis.length; i++) {
            Object[] dictionary = data.dictionary(qis[i]);
            Map<Object, Integer> codeOf = new HashMap<>();
            for (int c = 0; c < dictionary.length; c++) {
                codeOf.put(dictionary[c] == null ? NULL : dictionary[c], c);
            }
            int pc = population.indexOf(data.columns().get(qis[i]));
            Object[] popDictionary = population.dictionary(pc);
            int[] translated = new int[popDictionary.length];
            for (int c = 0; c < popDictionary.length; c++) {
                // values the sample lacks get codes no sample row has
                translated[c] = codeOf.getOrDefault(popDictionary[c] == null ? NULL : popDictionary[c],
                        dictionary.length + c);
            }
            int[] all = new int[n + p];
            System.arraycopy(data.codes(qis[i]), 0, all, 0, n);
            int[] popCodes = population.codes(pc);
            for (int r = 0; r < p; r++) {
                all[n + r] = translated[popCodes[r]];
            }
            columns[i] = all;
        }
        Grouping together = Grouping.of(n + p, columns);
        int[] perGroup = new int[together.classes];
        for (int r = n; r < n + p; r++) {
            perGroup[together.classOf[r]]++;
        }
        int[] out = new int[grouping.classes];
        for (int r = 0; r < n; r++) {
            out[grouping.classOf[r]] = perGroup[together.classOf[r]];
        }
        return out;
    }
}
