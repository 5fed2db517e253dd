/**
 * Risk estimates beyond the sample: population uniqueness (Pitman, Zayatz, SNB, Dankar's decision
 * rule) and the HIPAA Safe Harbor check of the identifiers a dataset holds.
 */
@NullMarked
package org.privacykit.dataset.risk;

import org.jspecify.annotations.NullMarked;
