package org.privacykit.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Discovery} found, per table (or file) and column: the personal data types, how
 * often, what column names suggest, which inventory field declares each column, how it is stored,
 * and a verdict. As JSON for tools and as one self-contained HTML page for people. Holds no sampled
 * value: at most one masked finding per column. Immutable.
 */
public final class DiscoveryReport {
    private final List<TableReport> tables;

    DiscoveryReport(List<TableReport> tables) {
        this.tables = List.copyOf(tables);
    }

    /**
     * Joins reports of several scans (a database and files) into one.
     *
     * @param reports the reports
     * @return one report with every table, in order
     */
    public static DiscoveryReport combine(List<DiscoveryReport> reports) {
        List<TableReport> tables = new ArrayList<>();
        reports.forEach(r -> tables.addAll(Objects.requireNonNull(r, "report").tables));
        return new DiscoveryReport(tables);
    }

    /**
     * Returns the tables and files scanned, in scan order.
     *
     * @return an unmodifiable list
     */
    public List<TableReport> tables() {
        return tables;
    }

    /**
     * Returns the table or file of a name.
     *
     * @param name the name ({@code PUBLIC.CUSTOMERS}, {@code customers.csv}), compared without regard to case
     * @return the table's report
     * @throws IllegalArgumentException when none was scanned
     */
    public TableReport table(String name) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table or file " + name + " was scanned"));
    }

    /**
     * Returns the columns with a verdict, as {@code table.column}.
     *
     * @param verdict the verdict, such as {@link ColumnReport.Verdict#UNDECLARED}
     * @return the qualified column names, in scan order
     */
    public List<String> columns(ColumnReport.Verdict verdict) {
        List<String> out = new ArrayList<>();
        for (TableReport table : tables) {
            for (ColumnReport column : table.columns()) {
                if (column.verdict() == verdict) {
                    out.add(table.name() + "." + column.name());
                }
            }
        }
        return out;
    }

    /**
     * Tells whether a column holds personal data the inventory does not declare, or declares encrypted
     * but stores in clear: what a CI check fails on.
     *
     * @return {@code true} when a finding needs action
     */
    public boolean needsAction() {
        return !columns(ColumnReport.Verdict.UNDECLARED).isEmpty()
                || !columns(ColumnReport.Verdict.DECLARED_ENCRYPTED_BUT_CLEAR).isEmpty();
    }

    /**
     * Renders the report as JSON: {@code {"summary": {...}, "tables": [{"name", "columns": [...]}]}}.
     *
     * @return the JSON document
     */
    public String toJson() {
        return DiscoveryFormats.json(this);
    }

    /**
     * Renders the report as one self-contained HTML page: no script, no external resource, every name escaped.
     *
     * @return the HTML document
     */
    public String toHtml() {
        return DiscoveryFormats.html(this);
    }

    /** Counts per verdict. */
    long count(ColumnReport.Verdict verdict) {
        return tables.stream().flatMap(t -> t.columns().stream()).filter(c -> c.verdict() == verdict).count();
    }

    /** Shows counts only, never a finding. */
    @Override
    public String toString() {
        long columns = tables.stream().mapToLong(t -> t.columns().size()).sum();
        return "DiscoveryReport[" + tables.size() + " tables, " + columns + " columns: "
                + count(ColumnReport.Verdict.UNDECLARED) + " undeclared, "
                + count(ColumnReport.Verdict.DECLARED_ENCRYPTED_BUT_CLEAR) + " declared encrypted but clear, "
                + count(ColumnReport.Verdict.DECLARED) + " declared, " + count(ColumnReport.Verdict.ENCRYPTED)
                + " encrypted]";
    }
}
