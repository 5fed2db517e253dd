package org.privacykit.anonymize;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.Operator;

/**
 * Chooses, value by value, what {@link Anonymizer#anonymize(Object, OperatorSelector)} does with
 * the protected fields of an object graph: the operator to apply, or {@code null} to keep the value
 * as it is. Subject rights use it to anonymize one person's fields only, retention to anonymize
 * only expired fields.
 *
 * <pre>{@code
 * // anonymize the fields of subject c-42, keep everyone else's
 * Order copy = anonymizer.anonymize(order, site -> "c-42".equals(site.subjectId()) ? site.declaredOperator() : null);
 * }</pre>
 */
@FunctionalInterface
public interface OperatorSelector {

    /**
     * Chooses the operator for one protected value.
     *
     * @param site where the value is, and what would be done with it by default
     * @return the operator to apply, or {@code null} to keep the value unchanged
     */
    @Nullable Operator select(FieldSite site);
}
