/**
 * Dataset anonymization: {@link org.privacykit.dataset.Dataset} holds a table with column roles and
 * hierarchies; {@link org.privacykit.dataset.Mondrian} (local recoding) and
 * {@link org.privacykit.dataset.GlobalRecoding} (global recoding with a suppression budget) release it
 * under privacy models ({@link org.privacykit.dataset.model}) as an
 * {@link org.privacykit.dataset.AnonymizedDataset} of typed rows; {@link org.privacykit.dataset.RiskReport}
 * measures re-identification risk, {@link org.privacykit.dataset.UtilityReport} information loss and
 * {@link org.privacykit.dataset.ModelCheck} any model on any table.
 */
@NullMarked
package org.privacykit.dataset;

import org.jspecify.annotations.NullMarked;
