/**
 * Generalization hierarchies ({@link org.privacykit.dataset.hierarchy.Hierarchy}: intervals, dates,
 * masking, value trees, CSV files) and the values a release publishes in place of the originals
 * ({@link org.privacykit.dataset.hierarchy.Generalized}: a value, a range, a hierarchy label, a set,
 * or {@code *}).
 */
@NullMarked
package org.privacykit.dataset.hierarchy;

import org.jspecify.annotations.NullMarked;
