package org.privacykit.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.privacykit.dataset.model.KAnonymity;
import org.privacykit.dataset.model.PrivacyModel;

/**
 * What every dataset anonymizer's builder sets: k, ℓ and further privacy models. {@link Mondrian}
 * and {@link GlobalRecoding} builders extend it, so both read the same and check the same.
 *
 * @param <B> the concrete builder, returned by each setter
 */
public abstract sealed class RecodingBuilder<B extends RecodingBuilder<B>>
        permits GlobalRecoding.Builder, Mondrian.Builder {
    /** The k of a builder nobody asked for another one. */
    private static final int DEFAULT_K = 2;

    private int k = DEFAULT_K;
    private final List<PrivacyModel> models = new ArrayList<>();

    RecodingBuilder() {
    }

    /** Returns this builder as its concrete type. */
    abstract B self();

    /**
     * Sets k: every released class holds at least k rows. The default is 2.
     *
     * @param k at least 2
     * @return this builder
     * @throws IllegalArgumentException when below 2
     */
    public final B k(int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2; got " + k);
        }
        this.k = k;
        return self();
    }

    /**
     * Asks for distinct ℓ-diversity on the dataset's sensitive attribute; 1 asks for nothing.
     *
     * @param l at least 1
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public final B l(int l) {
        if (l < 1) {
            throw new IllegalArgumentException("l must be at least 1; got " + l);
        }
        if (l > 1) {
            models.add(PrivacyModel.distinctLDiversity(l));
        }
        return self();
    }

    /**
     * Adds a privacy model every released class must meet as well.
     *
     * @param model the model
     * @return this builder
     */
    public final B model(PrivacyModel model) {
        models.add(Objects.requireNonNull(model, "model"));
        return self();
    }

    /** Returns the k asked for. */
    final int k() {
        return k;
    }

    /** Returns k-anonymity followed by the other models asked for, in the order they were added. */
    final List<PrivacyModel> models() {
        List<PrivacyModel> all = new ArrayList<>(models.size() + 1);
        all.add(new KAnonymity(k));
        all.addAll(models);
        return List.copyOf(all);
    }

    /**
     * Checks a share of rows that may be suppressed.
     *
     * @param share the share
     * @return the share
     * @throws IllegalArgumentException when outside 0..1 or not a number
     */
    static double checkSuppressionShare(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("the suppression limit is a share from 0 to 1; got " + share);
        }
        return share;
    }
}
