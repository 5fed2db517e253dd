package org.privacykit.discovery;

import java.util.List;
import java.util.Objects;

/**
 * What discovery found in one table or file.
 *
 * @param source what was scanned: {@code table}, {@code csv} or {@code jsonl}
 * @param name the table ({@code public.customers}) or file name
 * @param rowsSampled how many rows or records were read
 * @param columns one report per column, in the source's order
 */
public record TableReport(String source, String name, long rowsSampled, List<ColumnReport> columns) {
    /** Checks and copies the components. */
    public TableReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }

    /**
     * Returns the column of a name.
     *
     * @param column the name, compared without regard to case
     * @return the column's report
     * @throws IllegalArgumentException when the table has no such column
     */
    public ColumnReport column(String column) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(column)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no column " + column));
    }
}
