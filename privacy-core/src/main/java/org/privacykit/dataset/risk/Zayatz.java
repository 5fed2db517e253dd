package org.privacykit.dataset.risk;

/**
 * Population uniques by Zayatz's method ("Estimation of the percent of unique population elements
 * on a microdata file using the sample", US Census Bureau SRD Report 91/08, 1991): the sample's
 * class sizes stand for the population's, a population class of size i is seen once in a sample of n
 * of N rows with hypergeometric probability H<sub>i</sub> = i · C(N − i, n − 1) / C(N, n), so a sample
 * unique is a population unique with probability c<sub>1</sub>H<sub>1</sub> / Σ<sub>i</sub>
 * c<sub>i</sub>H<sub>i</sub>, and the population holds c<sub>1</sub> times that, over n/N, uniques.
 */
final class Zayatz {
    private Zayatz() {
    }

    /** The expected number of unique rows in the population. */
    static double uniques(ClassSizes sample, double population) {
        double c1 = sample.classesOfSize(1);
        if (c1 == 0) {
            return 0;
        }
        double n = sample.rows();
        double fraction = n / population;
        // H_i / H_1 = i · Π_{j=1}^{i−1} (N − n + 1 − j) / (N − j), in logarithms for stability
        double weighted = 0;
        double logProduct = 0;
        int next = 0;
        for (int i = 1; i <= sample.largest(); i++) {
            if (i > 1) {
                double j = i - 1;
                logProduct += Math.log1p(-(n - 1) / (population - j));
            }
            if (next < sample.size().length && sample.size()[next] == i) {
                weighted += sample.classes()[next] * i * Math.exp(logProduct);
                next++;
            }
        }
        double conditional = c1 / weighted;
        return c1 * conditional / fraction;
    }
}
