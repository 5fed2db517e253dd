package org.privacykit.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.privacykit.dataset.model.DeltaPresence;
import org.privacykit.dataset.model.DistinctLDiversity;
import org.privacykit.dataset.model.EntropyLDiversity;
import org.privacykit.dataset.model.KAnonymity;
import org.privacykit.dataset.model.KMap;
import org.privacykit.dataset.model.PrivacyModel;
import org.privacykit.dataset.model.RecursiveCLDiversity;
import org.privacykit.dataset.model.TCloseness;

/**
 * Privacy models bound to a dataset: sensitive attributes resolved, the table's distributions
 * computed once, so each class is judged from its {@link ClassStats} alone.
 */
final class ModelSet {
    /** Slack for floating-point comparisons of entropies and distances. */
    private static final double EPSILON = 1e-9;

    final List<PrivacyModel> models;
    /** The largest k of k-anonymity (1 without). */
    final int minimumSize;
    /** Dataset column of each sensitive attribute the models use. */
    final int[] sensitiveColumns;
    /** Value codes of each used sensitive attribute, per row. */
    final int[][] sensitiveCodes;
    final int[] domains;
    final boolean needsPopulation;
    final boolean monotoneWithSuppression;
    /** Whether two classes that meet every model always meet them merged (all but δ-presence). */
    final boolean monotoneUnderMerging;
    private final int[] attributeOf;
    private final EarthMovers[] distances;

    ModelSet(Dataset data, List<PrivacyModel> models) {
        this.models = List.copyOf(models);
        int k = 1;
        boolean population = false;
        boolean monotone = true;
        boolean merging = true;
        List<Integer> columns = new ArrayList<>();
        this.attributeOf = new int[models.size()];
        this.distances = new EarthMovers[models.size()];
        for (int i = 0; i < models.size(); i++) {
            PrivacyModel m = java.util.Objects.requireNonNull(models.get(i), "model");
            monotone &= m.isMonotoneWithSuppression();
            attributeOf[i] = -1;
            String attribute = attributeOf(m);
            if (m instanceof KAnonymity a) {
                k = Math.max(k, a.k());
            }
            merging &= !(m instanceof DeltaPresence);
            if (m instanceof DeltaPresence || m instanceof KMap) {
                population = true;
                if (data.population().isEmpty()) {
                    throw new IllegalArgumentException(m + " needs the population table the dataset was drawn from;"
                            + " give it with Dataset.Builder.population");
                }
            }
            if (attribute != null || needsSensitive(m)) {
                int column = resolve(data, m, attribute);
                int slot = columns.indexOf(column);
                if (slot < 0) {
                    slot = columns.size();
                    columns.add(column);
                }
                attributeOf[i] = slot;
            }
        }
        this.minimumSize = k;
        this.needsPopulation = population;
        this.monotoneWithSuppression = monotone;
        this.monotoneUnderMerging = merging;
        this.sensitiveColumns = columns.stream().mapToInt(Integer::intValue).toArray();
        this.sensitiveCodes = new int[sensitiveColumns.length][];
        this.domains = new int[sensitiveColumns.length];
        for (int s = 0; s < sensitiveColumns.length; s++) {
            sensitiveCodes[s] = data.codes(sensitiveColumns[s]);
            domains[s] = data.dictionary(sensitiveColumns[s]).length;
        }
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i) instanceof TCloseness t) {
                int s = attributeOf[i];
                int[] counts = new int[domains[s]];
                for (int code : sensitiveCodes[s]) {
                    counts[code]++;
                }
                distances[i] = new EarthMovers(t.distance(), t.hierarchy(), data.columns().get(sensitiveColumns[s]),
                        data.dictionary(sensitiveColumns[s]), sensitiveCodes[s], counts);
            }
        }
    }

    private static boolean needsSensitive(PrivacyModel m) {
        return m instanceof DistinctLDiversity || m instanceof EntropyLDiversity || m instanceof RecursiveCLDiversity
                || m instanceof TCloseness;
    }

    private static @Nullable String attributeOf(PrivacyModel m) {
        if (m instanceof DistinctLDiversity d) {
            return d.attribute();
        }
        if (m instanceof EntropyLDiversity e) {
            return e.attribute();
        }
        if (m instanceof RecursiveCLDiversity r) {
            return r.attribute();
        }
        if (m instanceof TCloseness t) {
            return t.attribute();
        }
        return null;
    }

    private static int resolve(Dataset data, PrivacyModel m, @Nullable String attribute) {
        if (attribute == null) {
            List<String> sensitive = data.sensitiveAttributes();
            if (sensitive.isEmpty()) {
                throw new IllegalArgumentException(m + " needs a sensitive attribute; name one in the dataset");
            }
            if (sensitive.size() > 1) {
                throw new IllegalArgumentException(m + ": the dataset has " + sensitive.size() + " sensitive attributes;"
                        + " name the one the model protects");
            }
            return data.indexOf(sensitive.get(0));
        }
        int column = data.indexOf(attribute);
        if (data.roleAt(column) != ColumnRole.SENSITIVE) {
            throw new IllegalArgumentException(m + ": column '" + attribute + "' is not a sensitive attribute");
        }
        return column;
    }

    ClassStats newStats() {
        return new ClassStats(domains);
    }

    boolean usesHistograms() {
        return sensitiveColumns.length > 0;
    }

    /** Fills the statistics of the rows {@code rows[from..to)}, population aside. */
    void collect(int[] rows, int from, int to, ClassStats stats) {
        stats.clear();
        stats.size = to - from;
        for (int s = 0; s < sensitiveCodes.length; s++) {
            int[] codes = sensitiveCodes[s];
            int[] h = stats.histograms[s];
            for (int i = from; i < to; i++) {
                h[codes[rows[i]]]++;
            }
        }
    }

    /** Tells whether a class meets every model. */
    boolean accepts(ClassStats stats) {
        for (int i = 0; i < models.size(); i++) {
            if (!accepts(i, stats)) {
                return false;
            }
        }
        return true;
    }

    boolean accepts(int i, ClassStats s) {
        PrivacyModel m = models.get(i);
        if (m instanceof KAnonymity a) {
            return s.size >= a.k();
        }
        if (m instanceof KMap a) {
            return s.population >= a.k();
        }
        if (m instanceof DeltaPresence d) {
            double delta = delta(s);
            return delta >= d.min() - EPSILON && delta <= d.max() + EPSILON;
        }
        if (m instanceof DistinctLDiversity d) {
            return distinct(s.histograms[attributeOf[i]]) >= d.l();
        }
        if (m instanceof EntropyLDiversity e) {
            return entropy(s.histograms[attributeOf[i]], s.size) >= Math.log(e.l()) - EPSILON;
        }
        if (m instanceof RecursiveCLDiversity r) {
            return recursiveRatio(s.histograms[attributeOf[i]], r.l()) < r.c();
        }
        if (m instanceof TCloseness t) {
            return distances[i].distance(s.histograms[attributeOf[i]], s.size) <= t.t() + EPSILON;
        }
        throw new IllegalStateException("unknown model " + m);
    }

    /**
     * The figure each model judges a class by: size (k), population matches (k-map), δ, distinct
     * values, effective ℓ = e^entropy, r1 / (rℓ + ... + rm), or the distance (t).
     */
    double measure(int i, ClassStats s) {
        PrivacyModel m = models.get(i);
        if (m instanceof KAnonymity) {
            return s.size;
        }
        if (m instanceof KMap) {
            return s.population;
        }
        if (m instanceof DeltaPresence) {
            return delta(s);
        }
        if (m instanceof DistinctLDiversity) {
            return distinct(s.histograms[attributeOf[i]]);
        }
        if (m instanceof EntropyLDiversity) {
            return Math.exp(entropy(s.histograms[attributeOf[i]], s.size));
        }
        if (m instanceof RecursiveCLDiversity r) {
            return recursiveRatio(s.histograms[attributeOf[i]], r.l());
        }
        if (m instanceof TCloseness) {
            return distances[i].distance(s.histograms[attributeOf[i]], s.size);
        }
        throw new IllegalStateException("unknown model " + m);
    }

    private static double delta(ClassStats s) {
        return s.population == 0 ? Double.POSITIVE_INFINITY : s.size / (double) s.population;
    }

    static int distinct(int[] histogram) {
        int n = 0;
        for (int c : histogram) {
            if (c > 0) {
                n++;
            }
        }
        return n;
    }

    /** Shannon entropy in nats. */
    static double entropy(int[] histogram, int size) {
        double h = 0;
        for (int c : histogram) {
            if (c > 0) {
                double p = c / (double) size;
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    /** r1 / (rℓ + ... + rm) over the counts sorted in decreasing order; infinite with fewer than ℓ values. */
    static double recursiveRatio(int[] histogram, int l) {
        int[] sorted = Arrays.stream(histogram).filter(c -> c > 0).toArray();
        if (sorted.length < l) {
            return Double.POSITIVE_INFINITY;
        }
        Arrays.sort(sorted);
        long tail = 0;
        for (int i = 0; i <= sorted.length - l; i++) {
            tail += sorted[i];
        }
        return sorted[sorted.length - 1] / (double) tail;
    }
}
