package org.privacykit.dataset.risk;

import org.jspecify.annotations.Nullable;

/**
 * Population uniques under the shifted negative binomial (SNB) model of Chen and Keller-McNulty
 * ("Estimation of identification disclosure risk in microdata", Journal of Official Statistics
 * 14(1), 1998): the population's K classes have sizes 1 + NB(α, β), so P(F = 1) = β<sup>α</sup>; each
 * row is sampled with probability f. With d = (1 − f)(1 − β), a class is seen once in the sample with
 * probability f (β / (1 − d))<sup>α</sup> (1 + α d / (1 − d)) and twice with probability
 * f² α (1 − β) β<sup>α</sup> (2 − (1 − α) d) / (2 (1 − d)<sup>α + 2</sup>) (the first two derivatives of
 * the thinned size's generating function at 0). K is estimated by Shlosser's estimator in the form of
 * Haas and Stokes (1998); α and β are solved from the sample's c<sub>1</sub> and c<sub>2</sub>, and the
 * population holds K β<sup>α</sup> uniques.
 */
final class Snb {
    private static final int MAX_ITERATIONS = 100;
    private static final double ACCURACY = 1e-10;
    private static final double STEP = 1e-6;
    private static final double[] START_ALPHA = {0.1, 0.5, 1, 2, 5};
    private static final double[] START_BETA = {0.05, 0.2, 0.5, 0.8, 0.95};

    private Snb() {
    }

    /** Shlosser's estimate of the number of classes in the population. */
    static double classes(ClassSizes sample, double fraction) {
        double q = fraction;
        double a = 0;
        double b = 0;
        double c = 0;
        double d = 0;
        for (int i = 0; i < sample.size().length; i++) {
            int f = sample.size()[i];
            double count = sample.classes()[i];
            a += f * q * q * Math.pow(1 - q * q, f - 1) * count;
            b += (Math.pow(1 - q * q, f) - Math.pow(1 - q, f)) * count;
            c += Math.pow(1 - q, f) * count;
            d += f * q * Math.pow(1 - q, f - 1) * count;
        }
        return sample.classCount() + sample.classesOfSize(1) * (a / b) * (c / d) * (c / d);
    }

    /** The expected number of unique rows in the population, or NaN when the model cannot be fitted. */
    static double uniques(ClassSizes sample, double fraction) {
        double c1 = sample.classesOfSize(1);
        double c2 = sample.classesOfSize(2);
        if (c1 == 0) {
            return 0;
        }
        if (c2 == 0 || fraction >= 1) {
            return Double.NaN;
        }
        double k = classes(sample, fraction);
        double best = Double.NaN;
        double bestResidual = Double.POSITIVE_INFINITY;
        for (double alpha : START_ALPHA) {
            for (double beta : START_BETA) {
                double[] fit = solve(k, fraction, c1, c2, Math.log(alpha), Math.log(beta / (1 - beta)));
                if (fit != null && fit[2] < bestResidual) {
                    bestResidual = fit[2];
                    best = k * Math.pow(fit[1], fit[0]);
                }
            }
        }
        return best;
    }

    /** Newton's method on (ln α, logit β); returns α, β and the residual, or {@code null}. */
    private static double @Nullable [] solve(double k, double f, double c1, double c2, double x, double y) {
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] r = residual(k, f, c1, c2, x, y);
            if (r == null) {
                return null;
            }
            double[] rx = residual(k, f, c1, c2, x + STEP, y);
            double[] ry = residual(k, f, c1, c2, x, y + STEP);
            if (rx == null || ry == null) {
                return null;
            }
            double j11 = (rx[0] - r[0]) / STEP;
            double j21 = (rx[1] - r[1]) / STEP;
            double j12 = (ry[0] - r[0]) / STEP;
            double j22 = (ry[1] - r[1]) / STEP;
            double determinant = j11 * j22 - j12 * j21;
            if (determinant == 0 || !Double.isFinite(determinant)) {
                return null;
            }
            double dx = (r[0] * j22 - r[1] * j12) / determinant;
            double dy = (r[1] * j11 - r[0] * j21) / determinant;
            x -= dx;
            y -= dy;
            if (Math.abs(x) > 50 || Math.abs(y) > 50) {
                return null;
            }
            if (Math.abs(dx) < ACCURACY && Math.abs(dy) < ACCURACY) {
                double[] end = residual(k, f, c1, c2, x, y);
                double size = end == null ? Double.POSITIVE_INFINITY : Math.abs(end[0]) + Math.abs(end[1]);
                return size < 1e-6 ? new double[] {Math.exp(x), 1 / (1 + Math.exp(-y)), size} : null;
            }
        }
        return null;
    }

    /** Expected over observed classes of size 1 and 2, minus 1. */
    private static double @Nullable [] residual(double k, double f, double c1, double c2, double x, double y) {
        double alpha = Math.exp(x);
        double beta = 1 / (1 + Math.exp(-y));
        double d = (1 - f) * (1 - beta);
        double once = f * Math.pow(beta / (1 - d), alpha) * (1 + alpha * d / (1 - d));
        double twice = f * f * alpha * (1 - beta) * Math.pow(beta, alpha) * (2 - (1 - alpha) * d)
                / (2 * Math.pow(1 - d, alpha + 2));
        double r1 = k * once / c1 - 1;
        double r2 = k * twice / c2 - 1;
        return Double.isFinite(r1) && Double.isFinite(r2) ? new double[] {r1, r2} : null;
    }
}
