package org.privacykit.dataset.risk;

/** The logarithm of the gamma function (Lanczos approximation, g = 7, relative error below 1e-14). */
final class Gamma {
    private static final double G = 7;
    private static final double[] LANCZOS = {0.9999999999998099, 676.5203681218851, -1259.1392167224028,
        771.3234287776531, -176.6150291621406, 12.507343278686905, -0.13857109526572012,
        9.984369578019572e-6, 1.5056327351493116e-7};
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private Gamma() {
    }

    /** ln Γ(x) for x > 0. */
    static double logGamma(double x) {
        if (!(x > 0)) {
            return Double.NaN;
        }
        if (x < 0.5) {
            // reflection: Γ(x) Γ(1 − x) = π / sin(πx)
            return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + G + 0.5;
        return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
