package org.privacykit.dataset.risk;

import java.util.Locale;
import java.util.Objects;

import org.privacykit.dataset.RiskReport;

/**
 * Estimates of how many rows of the whole population are unique on the quasi-identifiers, from a
 * sample's class sizes and the sampling fraction (a sample unique may not be unique in the
 * population; a population unique is re-identified by anyone who holds the population's data):
 * <ul>
 *   <li>{@link #pitman()}: Hoshino's fit of the Pitman partition model (2001);</li>
 *   <li>{@link #zayatz()}: Zayatz's conditional probability method (1991);</li>
 *   <li>{@link #snb()}: the shifted negative binomial model of Chen and Keller-McNulty (1998);</li>
 *   <li>{@link #dankar()}: the decision rule of Dankar et al. ("Estimating the re-identification risk
 *       of clinical data sets", BMC Medical Informatics and Decision Making 12:66, 2012): Pitman for
 *       sampling fractions up to 10% (Zayatz when Pitman does not converge), else the lower of Zayatz
 *       and SNB.</li>
 * </ul>
 * Each figure is the share of the population's rows that are unique, or NaN when the model cannot be
 * fitted to the sample.
 *
 * <pre>{@code
 * RiskReport risk = adult.risk();
 * PopulationUniqueness unique = PopulationUniqueness.of(risk, PopulationUniqueness.US_POPULATION);
 * unique.pitman();   // 0.0297 on the Adult data, as ARX reports
 * }</pre>
 *
 * Holds figures only. Immutable.
 */
public final class PopulationUniqueness {
    /** The population of the USA in ARX's US population model (its 2014 figure), for comparisons. */
    public static final long US_POPULATION = 317_238_626L;
    /** Dankar's rule uses Pitman's model up to this sampling fraction. */
    static final double DANKAR_SMALL_FRACTION = 0.1;

    /** The models an estimate comes from. */
    public enum Model {
        /** Hoshino's Pitman model. */
        PITMAN,
        /** Zayatz's method. */
        ZAYATZ,
        /** The shifted negative binomial model. */
        SNB
    }

    private final double population;
    private final long sampleRows;
    private final double sampleUniques;
    private final double pitman;
    private final double zayatz;
    private final double snb;
    private final Model dankarModel;
    private final double dankar;

    private PopulationUniqueness(ClassSizes sample, double population) {
        this.population = population;
        this.sampleRows = sample.rows();
        this.sampleUniques = sample.classesOfSize(1);
        double fraction = sample.rows() / population;
        this.pitman = Pitman.uniques(sample, population) / population;
        this.zayatz = Zayatz.uniques(sample, population) / population;
        this.snb = Snb.uniques(sample, fraction) / population;
        if (fraction <= DANKAR_SMALL_FRACTION) {
            this.dankarModel = Double.isNaN(pitman) ? Model.ZAYATZ : Model.PITMAN;
        } else {
            this.dankarModel = Double.isNaN(snb) || zayatz < snb ? Model.ZAYATZ : Model.SNB;
        }
        this.dankar = switch (dankarModel) {
            case PITMAN -> pitman;
            case ZAYATZ -> zayatz;
            case SNB -> snb;
        };
    }

    /**
     * Estimates population uniqueness for a sample drawn from a population of known size.
     *
     * @param sample the sample's risk report (its class sizes)
     * @param populationSize the number of rows (people) in the population
     * @return the estimates
     * @throws IllegalArgumentException when the population is smaller than the sample
     */
    public static PopulationUniqueness of(RiskReport sample, long populationSize) {
        Objects.requireNonNull(sample, "sample");
        if (populationSize < sample.rows() || populationSize < 1) {
            throw new IllegalArgumentException("the population (" + populationSize + ") is smaller than the sample ("
                    + sample.rows() + ")");
        }
        return new PopulationUniqueness(ClassSizes.of(sample.classSizes()), populationSize);
    }

    /**
     * Estimates population uniqueness for a sample drawn with a known sampling fraction.
     *
     * @param sample the sample's risk report
     * @param samplingFraction the share of the population sampled, above 0 and at most 1
     * @return the estimates
     * @throws IllegalArgumentException when the fraction is outside (0, 1]
     */
    public static PopulationUniqueness ofFraction(RiskReport sample, double samplingFraction) {
        Objects.requireNonNull(sample, "sample");
        if (!(samplingFraction > 0 && samplingFraction <= 1)) {
            throw new IllegalArgumentException("the sampling fraction must be above 0 and at most 1; got "
                    + samplingFraction);
        }
        return new PopulationUniqueness(ClassSizes.of(sample.classSizes()), sample.rows() / samplingFraction);
    }

    /**
     * Returns the share of the population's rows that are unique, by Pitman's model.
     *
     * @return the share, or NaN when the model does not converge
     */
    public double pitman() {
        return pitman;
    }

    /**
     * Returns the share of the population's rows that are unique, by Zayatz's method.
     *
     * @return the share
     */
    public double zayatz() {
        return zayatz;
    }

    /**
     * Returns the share of the population's rows that are unique, by the SNB model.
     *
     * @return the share, or NaN when the model cannot be fitted
     */
    public double snb() {
        return snb;
    }

    /**
     * Returns the share of the population's rows that are unique, by Dankar's decision rule.
     *
     * @return the share
     */
    public double dankar() {
        return dankar;
    }

    /**
     * Returns the model Dankar's rule chose.
     *
     * @return the model
     */
    public Model dankarModel() {
        return dankarModel;
    }

    /**
     * Returns the population size the estimates are for.
     *
     * @return the number of rows of the population
     */
    public double populationSize() {
        return population;
    }

    /**
     * Returns the sampling fraction.
     *
     * @return sample rows over population rows
     */
    public double samplingFraction() {
        return sampleRows / population;
    }

    /**
     * Returns the share of the sample's rows that are unique in the sample, for comparison.
     *
     * @return the share
     */
    public double sampleUniqueness() {
        return sampleRows == 0 ? 0 : sampleUniques / sampleRows;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PopulationUniqueness[fraction %.3g, Pitman %.4f%%, Zayatz %.4f%%, SNB %.4f%%,"
                + " Dankar (%s) %.4f%%]", samplingFraction(), pitman * 100, zayatz * 100, snb * 100, dankarModel,
                dankar * 100);
    }
}
