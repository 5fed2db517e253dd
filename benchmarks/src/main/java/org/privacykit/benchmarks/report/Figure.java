package org.privacykit.benchmarks.report;

import java.util.List;

/**
 * One measured figure: the mean over all measured iterations and the lowest and highest fork mean,
 * so that a table shows the spread over forks rather than the best run.
 *
 * @param mean mean of every measured iteration of every fork
 * @param low  lowest fork mean
 * @param high highest fork mean
 */
public record Figure(double mean, double low, double high) {

    /**
     * @param forks each fork's measured iterations (JMH's {@code rawData})
     * @return their figure
     */
    static Figure of(List<List<Double>> forks) {
        if (forks.isEmpty() || forks.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a figure needs at least one measured iteration per fork");
        }
        double sum = 0;
        int count = 0;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (List<Double> fork : forks) {
            double forkSum = 0;
            for (double value : fork) {
                forkSum += value;
            }
            sum += forkSum;
            count += fork.size();
            double forkMean = forkSum / fork.size();
            low = Math.min(low, forkMean);
            high = Math.max(high, forkMean);
        }
        return new Figure(sum / count, low, high);
    }

    /**
     * @param other a figure measured in the same run
     * @return the figure of doing both (means and fork bounds added)
     */
    Figure plus(Figure other) {
        return new Figure(mean + other.mean, low + other.low, high + other.high);
    }
}
