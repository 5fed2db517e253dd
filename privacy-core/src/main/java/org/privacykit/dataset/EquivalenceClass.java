package org.privacykit.dataset;

import java.util.List;
import java.util.Map;

import org.privacykit.dataset.hierarchy.Generalized;

/**
 * One equivalence class of a release: what it publishes for each quasi-identifier, how many rows it
 * holds, which input rows they are, and how its sensitive values are distributed.
 *
 * @param generalization what the class publishes, per quasi-identifier in order
 * @param size the number of rows
 * @param inputRows the input rows it holds, from 0, in order
 * @param sensitiveValues per sensitive attribute, the count of each value
 */
public record EquivalenceClass(Map<String, Generalized> generalization, int size, List<Integer> inputRows,
                               Map<String, Map<Object, Integer>> sensitiveValues) {
    /** Freezes the collections. */
    public EquivalenceClass {
        generalization = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(generalization));
        inputRows = List.copyOf(inputRows);
        sensitiveValues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sensitiveValues));
    }

    @Override
    public String toString() {
        return "EquivalenceClass[" + generalization + ", " + size + " rows]";
    }
}
