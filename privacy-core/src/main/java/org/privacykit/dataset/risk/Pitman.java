package org.privacykit.dataset.risk;

import org.jspecify.annotations.Nullable;

/**
 * Population uniques under the Pitman (Ewens–Pitman) partition model, fitted by maximum likelihood
 * (Hoshino, "Applying Pitman's sampling formula to microdata disclosure risk assessment", Journal of
 * Official Statistics 17(4), 2001).
 *
 * <p>A sample of n rows in u classes, c<sub>f</sub> of size f, has log-likelihood
 * Σ<sub>i=1</sub><sup>u−1</sup> ln(θ + iα) − Σ<sub>i=1</sub><sup>n−1</sup> ln(θ + i) +
 * Σ<sub>classes</sub> Σ<sub>k=1</sub><sup>f−1</sup> ln(k − α); its two score equations are solved by
 * Newton–Raphson from Hoshino's moment estimates, and a population of N rows then holds
 * Γ(θ + 1) / Γ(θ + α) · N<sup>α</sup> unique rows.
 */
final class Pitman {
    private static final int MAX_ITERATIONS = 200;
    private static final double ACCURACY = 1e-9;

    private Pitman() {
    }

    /** The expected number of unique rows in the population, or NaN when the fit fails. */
    static double uniques(ClassSizes sample, double population) {
        double n = sample.rows();
        double u = sample.classCount();
        double c1 = sample.classesOfSize(1);
        double c2 = sample.classesOfSize(2);
        if (c1 == 0) {
            return 0;
        }
        // Hoshino's initial (moment) estimates
        double c = c1 * (c1 - 1) / (c2 == 0 ? 1 : c2);
        double theta = (n * u * c - c1 * (n - 1) * (2 * u + c)) / (2 * c1 * u + c1 * c - n * c);
        double alpha = (theta * (c1 - n) + (n - 1) * c1) / (n * u);
        double[] estimate = solve(sample, theta, alpha);
        if (estimate == null) {
            return Double.NaN;
        }
        theta = estimate[0];
        alpha = estimate[1];
        if (alpha == 0 || !(theta + alpha > 0) || !(theta + 1 > 0)) {
            return Double.NaN;
        }
        double uniques = Math.exp(Gamma.logGamma(theta + 1) - Gamma.logGamma(theta + alpha) + alpha * Math.log(population));
        return uniques >= 0 && uniques <= population ? uniques : Double.NaN;
    }

    private static double @Nullable [] solve(ClassSizes sample, double theta, double alpha) {
        long u = sample.classCount();
        long n = sample.rows();
        int largest = sample.largest();
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            if (!Double.isFinite(theta) || !Double.isFinite(alpha) || alpha >= 1) {
                return null;
            }
            // sums over the u − 1 classes after the first
            double s1 = 0;
            double s2 = 0;
            double q1 = 0;
            double q2 = 0;
            double q3 = 0;
            for (long i = 1; i < u; i++) {
                double d = theta + i * alpha;
                s1 += 1 / d;
                s2 += i / d;
                q1 += 1 / (d * d);
                q2 += i / (d * d);
                q3 += (double) i * i / (d * d);
            }
            // sums over the n − 1 rows after the first
            double r1 = 0;
            double r2 = 0;
            for (long i = 1; i < n; i++) {
                double d = theta + i;
                r1 += 1 / d;
                r2 += 1 / (d * d);
            }
            // sums over each class's rows after its first: Σ_k 1/(k − α) and Σ_k 1/(k − α)²
            double t1 = 0;
            double t2 = 0;
            double prefix1 = 0;
            double prefix2 = 0;
            int next = 0;
            for (int f = 1; f <= largest; f++) {
                if (f > 1) {
                    double d = f - 1 - alpha;
                    prefix1 += 1 / d;
                    prefix2 += 1 / (d * d);
                }
                if (next < sample.size().length && sample.size()[next] == f) {
                    t1 += sample.classes()[next] * prefix1;
                    t2 += sample.classes()[next] * prefix2;
                    next++;
                }
            }
            double f1 = s1 - r1;
            double f2 = s2 - t1;
            double j11 = r2 - q1;
            double j12 = -q2;
            double j22 = -q3 - t2;
            double determinant = j11 * j22 - j12 * j12;
            if (determinant == 0 || !Double.isFinite(determinant)) {
                return null;
            }
            double dTheta = (f1 * j22 - f2 * j12) / determinant;
            double dAlpha = (f2 * j11 - f1 * j12) / determinant;
            theta -= dTheta;
            alpha -= dAlpha;
            if (Math.abs(dTheta) <= ACCURACY * Math.max(1, Math.abs(theta))
                    && Math.abs(dAlpha) <= ACCURACY * Math.max(1, Math.abs(alpha))) {
                return new double[] {theta, alpha};
            }
        }
        return null;
    }
}
