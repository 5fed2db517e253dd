package org.privacykit.dataset.dp;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The noise a query adds, and so what it costs: discrete Laplace noise for ε-differential privacy,
 * or discrete Gaussian noise for ρ-zero-concentrated differential privacy (zCDP). The noise is
 * calibrated to the query's sensitivity, so the cost does not depend on the query.
 *
 * <p>The parameter is taken as the decimal it prints as ({@code 0.1} is exactly one tenth, not the
 * binary double nearest to it), rounded down to {@value #DECIMALS} decimal places: rounding down
 * adds a little more noise than asked, never less.
 */
public sealed interface Noise {
    /** Decimal places kept of ε and ρ. */
    int DECIMALS = 9;

    /** The largest ε or ρ taken: beyond it the noise is negligible and nothing is protected. */
    double MAX_PARAMETER = 1000;

    /**
     * Discrete Laplace noise with scale sensitivity/ε: ε-differential privacy for the query.
     *
     * @param epsilon ε, positive, at most 1000
     * @return the noise
     * @throws IllegalArgumentException when ε is not positive, not finite, too large, or rounds to 0
     */
    static Noise laplace(double epsilon) {
        return new Laplace(parameter("ε", epsilon));
    }

    /**
     * Discrete Gaussian noise with σ² = sensitivity² / 2ρ: ρ-zCDP for the query. Costs less than
     * Laplace over many queries and for histograms of many cells; needs a
     * {@link PrivacyAccountant#zcdp zCDP accountant}.
     *
     * @param rho ρ, positive, at most 1000
     * @return the noise
     * @throws IllegalArgumentException when ρ is not positive, not finite, too large, or rounds to 0
     */
    static Noise gaussian(double rho) {
        return new Gaussian(parameter("ρ", rho));
    }

    /** Returns this noise with its parameter halved (rounded down), for a query made of two. */
    Noise half();

    /**
     * Discrete Laplace noise.
     *
     * @param epsilon ε, exact
     */
    record Laplace(BigDecimal epsilon) implements Noise {
        @Override
        public Noise half() {
            return new Laplace(halve("ε", epsilon));
        }

        @Override
        public String toString() {
            return "Laplace(ε = " + epsilon.toPlainString() + ")";
        }
    }

    /**
     * Discrete Gaussian noise.
     *
     * @param rho ρ, exact
     */
    record Gaussian(BigDecimal rho) implements Noise {
        @Override
        public Noise half() {
            return new Gaussian(halve("ρ", rho));
        }

        @Override
        public String toString() {
            return "Gaussian(ρ = " + rho.toPlainString() + ")";
        }
    }

    private static BigDecimal parameter(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value) || value > MAX_PARAMETER) {
            throw new IllegalArgumentException(name + " must be positive and at most " + MAX_PARAMETER
                    + "; got " + value);
        }
        BigDecimal exact = BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.DOWN);
        if (exact.signum() == 0) {
            throw new IllegalArgumentException(name + " rounds to 0 at " + DECIMALS + " decimal places; got " + value);
        }
        return exact;
    }

    private static BigDecimal halve(String name, BigDecimal value) {
        BigDecimal half = value.divide(BigDecimal.valueOf(2), DECIMALS, RoundingMode.DOWN);
        if (half.signum() == 0) {
            throw new IllegalArgumentException(name + " " + value.toPlainString() + " is too small to split in two");
        }
        return half;
    }
}
