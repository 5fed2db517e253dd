package org.privacykit.rights;

import java.util.List;

/**
 * The outcome of {@link RetentionEnforcer#apply}: copies of the objects with expired fields
 * anonymized or dropped, and the report. Immutable.
 *
 * @param <T> the type of the objects
 */
public final class RetentionResult<T> {
    private final List<T> objects;
    private final RetentionReport report;

    RetentionResult(List<T> objects, RetentionReport report) {
        this.objects = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(objects));
        this.report = report;
    }

    /**
     * Returns the copies, in the order given; objects with nothing expired are copied unchanged.
     *
     * @return an unmodifiable list
     */
    public List<T> objects() {
        return objects;
    }

    /**
     * Returns what was affected, and what will be next.
     *
     * @return the report
     */
    public RetentionReport report() {
        return report;
    }

    @Override
    public String toString() {
        return "RetentionResult[" + objects.size() + " objects, " + report.expired().size() + " fields expired]";
    }
}
