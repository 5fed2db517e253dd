package org.privacykit.dataset.model;

import org.jspecify.annotations.Nullable;
import org.privacykit.dataset.hierarchy.Hierarchy;

/**
 * A condition every equivalence class of a release must meet. The same models drive local recoding
 * ({@code Mondrian}), global recoding ({@code GlobalRecoding}) and the checks of an existing table
 * ({@code Dataset.check}).
 *
 * <table>
 *   <caption>Models</caption>
 *   <tr><th>model</th><th>every class</th></tr>
 *   <tr><td>{@link KAnonymity}</td><td>holds at least k rows</td></tr>
 *   <tr><td>{@link DistinctLDiversity}</td><td>holds at least ℓ distinct sensitive values</td></tr>
 *   <tr><td>{@link EntropyLDiversity}</td><td>has a sensitive-value entropy of at least log ℓ</td></tr>
 *   <tr><td>{@link RecursiveCLDiversity}</td><td>r1 &lt; c (rℓ + ... + rm) over its sorted value counts</td></tr>
 *   <tr><td>{@link TCloseness}</td><td>has a sensitive distribution within Earth Mover's Distance t of the whole
 *       table's</td></tr>
 *   <tr><td>{@link DeltaPresence}</td><td>holds between δmin and δmax of the population rows it matches</td></tr>
 *   <tr><td>{@link KMap}</td><td>matches at least k rows of the population</td></tr>
 * </table>
 *
 * <p>Models on a sensitive attribute name it, or name none to mean the dataset's only sensitive
 * attribute. δ-presence and k-map need the dataset's population table
 * ({@code Dataset.Builder.population}).
 */
public sealed interface PrivacyModel permits KAnonymity, DistinctLDiversity, EntropyLDiversity, RecursiveCLDiversity,
        TCloseness, DeltaPresence, KMap {

    /**
     * Tells whether suppressing the classes that fail this model can only suppress fewer rows as
     * classes merge, which lets global recoding prune its search with a suppression budget. Without a
     * budget every model here is monotone.
     *
     * @return {@code true} for k-anonymity, distinct ℓ-diversity and k-map
     */
    boolean isMonotoneWithSuppression();

    /**
     * Returns k-anonymity.
     *
     * @param k at least 1
     * @return the model
     */
    static KAnonymity kAnonymity(int k) {
        return new KAnonymity(k);
    }

    /**
     * Returns distinct ℓ-diversity on the dataset's only sensitive attribute.
     *
     * @param l at least 1
     * @return the model
     */
    static DistinctLDiversity distinctLDiversity(int l) {
        return new DistinctLDiversity(null, l);
    }

    /**
     * Returns distinct ℓ-diversity on a named sensitive attribute.
     *
     * @param attribute the sensitive attribute
     * @param l at least 1
     * @return the model
     */
    static DistinctLDiversity distinctLDiversity(String attribute, int l) {
        return new DistinctLDiversity(attribute, l);
    }

    /**
     * Returns entropy ℓ-diversity on the dataset's only sensitive attribute.
     *
     * @param l at least 1
     * @return the model
     */
    static EntropyLDiversity entropyLDiversity(double l) {
        return new EntropyLDiversity(null, l);
    }

    /**
     * Returns entropy ℓ-diversity on a named sensitive attribute.
     *
     * @param attribute the sensitive attribute
     * @param l at least 1
     * @return the model
     */
    static EntropyLDiversity entropyLDiversity(String attribute, double l) {
        return new EntropyLDiversity(attribute, l);
    }

    /**
     * Returns recursive (c,ℓ)-diversity on the dataset's only sensitive attribute.
     *
     * @param c positive
     * @param l at least 2
     * @return the model
     */
    static RecursiveCLDiversity recursiveCLDiversity(double c, int l) {
        return new RecursiveCLDiversity(null, c, l);
    }

    /**
     * Returns recursive (c,ℓ)-diversity on a named sensitive attribute.
     *
     * @param attribute the sensitive attribute
     * @param c positive
     * @param l at least 2
     * @return the model
     */
    static RecursiveCLDiversity recursiveCLDiversity(String attribute, double c, int l) {
        return new RecursiveCLDiversity(attribute, c, l);
    }

    /**
     * Returns t-closeness with the equal ground distance (every two values at distance 1), on the
     * dataset's only sensitive attribute.
     *
     * @param t from 0 to 1
     * @return the model
     */
    static TCloseness tCloseness(double t) {
        return new TCloseness(null, t, GroundDistance.EQUAL, null);
    }

    /**
     * Returns t-closeness with a chosen ground distance.
     *
     * @param attribute the sensitive attribute, or {@code null} for the dataset's only one
     * @param t from 0 to 1
     * @param distance {@link GroundDistance#EQUAL} or {@link GroundDistance#ORDERED}
     * @return the model
     */
    static TCloseness tCloseness(@Nullable String attribute, double t, GroundDistance distance) {
        return new TCloseness(attribute, t, distance, null);
    }

    /**
     * Returns t-closeness with the hierarchical ground distance: two values are as far apart as the
     * height of their lowest common node, over the hierarchy's height.
     *
     * @param attribute the sensitive attribute, or {@code null} for the dataset's only one
     * @param t from 0 to 1
     * @param hierarchy a hierarchy holding every value of the attribute
     * @return the model
     */
    static TCloseness tCloseness(@Nullable String attribute, double t, Hierarchy hierarchy) {
        return new TCloseness(attribute, t, GroundDistance.HIERARCHICAL, hierarchy);
    }

    /**
     * Returns δ-presence against the dataset's population table.
     *
     * @param min the lowest share of matching population rows a class may hold, from 0
     * @param max the highest share, at most 1
     * @return the model
     */
    static DeltaPresence deltaPresence(double min, double max) {
        return new DeltaPresence(min, max);
    }

    /**
     * Returns k-map against the dataset's population table.
     *
     * @param k at least 1
     * @return the model
     */
    static KMap kMap(int k) {
        return new KMap(k);
    }
}
