/**
 * Anonymized copies of objects: {@link org.privacykit.anonymize.Anonymizer} transforms every
 * personal-data field of a deep copy by its operator (redact, suppress, mask, pseudonymize, fake,
 * generalize, date shift, noise, keep), keyed so that the same input always gives the same output.
 */
@NullMarked
package org.privacykit.anonymize;

import org.jspecify.annotations.NullMarked;
