/**
 * Privacy models for tables of rows: {@link org.privacykit.dataset.Dataset} measures
 * k-anonymity, distinct ℓ-diversity and prosecutor re-identification risk
 * ({@link org.privacykit.dataset.RiskReport}); {@link org.privacykit.dataset.Mondrian} generalizes a
 * dataset until it reaches them, reporting information loss.
 */
@NullMarked
package org.privacykit.dataset;

import org.jspecify.annotations.NullMarked;
