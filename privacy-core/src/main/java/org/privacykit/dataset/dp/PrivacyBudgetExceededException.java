package org.privacykit.dataset.dp;

/**
 * A query refused because its cost exceeds what remains of the budget; nothing was released and
 * nothing was spent. The message names the query, its cost and what remains: figures of the budget,
 * never of the data.
 */
public final class PrivacyBudgetExceededException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    PrivacyBudgetExceededException(String message) {
        super(message);
    }
}
