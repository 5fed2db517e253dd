/**
 * Differential privacy for aggregates: counts, sums, means and histograms of a
 * {@link org.privacykit.dataset.Dataset} with bounded contributions per subject, noise from exact
 * discrete Laplace and discrete Gaussian samplers over the integers, and a budget accountant that
 * refuses a query once the budget is spent (basic composition of ε, or zero-concentrated DP
 * converted to (ε, δ)).
 */
@NullMarked
package org.privacykit.dataset.dp;

import org.jspecify.annotations.NullMarked;
