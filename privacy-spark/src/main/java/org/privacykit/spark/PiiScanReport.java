package org.privacykit.spark;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.DataTypes;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;

/**
 * What a {@link PiiScan} found: per column, the values read, and per personal data type, the values
 * holding it and the findings. Counts only, never a value, so it can be printed and logged.
 */
public final class PiiScanReport {
    private final long rows;
    private final Map<String, Long> valuesRead;
    private final List<Finding> findings;

    PiiScanReport(long rows, Map<String, Long> valuesRead, List<Finding> findings) {
        this.rows = rows;
        this.valuesRead = Collections.unmodifiableMap(new LinkedHashMap<>(valuesRead));
        this.findings = findings.stream().sorted(Comparator.comparing(Finding::column)
                .thenComparing(Comparator.comparingLong(Finding::values).reversed())).toList();
    }

    /**
     * One personal data type found in one column.
     *
     * @param column the column
     * @param type the type found
     * @param values the non-null values holding at least one finding of it
     * @param findings the findings of it in the column
     * @param valuesRead the column's non-null values
     */
    public record Finding(String column, PersonalDataType type, long values, long findings, long valuesRead) {
        /**
         * Returns the share of the column's non-null values that hold this type.
         *
         * @return 0 to 1
         */
        public double share() {
            return valuesRead == 0 ? 0 : (double) values / valuesRead;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s: %s in %d of %d values (%.1f%%), %d findings", column, type,
                    values, valuesRead, 100 * share(), findings);
        }
    }

    /**
     * Returns the rows scanned.
     *
     * @return the rows
     */
    public long rows() {
        return rows;
    }

    /**
     * Returns the non-null values read per column scanned.
     *
     * @return an unmodifiable map in scan order
     */
    public Map<String, Long> valuesRead() {
        return valuesRead;
    }

    /**
     * Returns every finding, by column, then most values first.
     *
     * @return an unmodifiable list
     */
    public List<Finding> findings() {
        return findings;
    }

    /**
     * Returns the findings of one column.
     *
     * @param column the column
     * @return its findings, most values first
     */
    public List<Finding> findings(String column) {
        return findings.stream().filter(f -> f.column().equals(column)).toList();
    }

    /**
     * Returns the findings in columns an annotated class does not declare personal (or sensitive):
     * personal data nobody declared. Columns match properties as in {@link ColumnPolicy}.
     *
     * @param declarations the class the table stores
     * @return the undeclared findings
     */
    public List<Finding> undeclared(Class<?> declarations) {
        ClassMetadata metadata = PrivacyMetadata.of(declarations);
        StructType schema = new StructType();
        for (String column : valuesRead.keySet()) {
            schema = schema.add(column, DataTypes.StringType);
        }
        java.util.Set<String> declared = new java.util.HashSet<>();
        for (PropertyMetadata p : metadata.properties()) {
            if (p.isProtected() || p.isSubjectId() || p.isEncrypted()) {
                StructField f = SparkPrivacy.find(schema, p.name(), true);
                if (f != null) {
                    declared.add(f.name());
                }
            }
        }
        return findings.stream().filter(f -> !declared.contains(f.column())).toList();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("PII scan of ").append(rows).append(" rows, ").append(valuesRead.size())
                .append(" columns: ").append(findings.isEmpty() ? "nothing found" : findings.size() + " findings");
        for (Finding f : findings) {
            b.append("\n  ").append(f);
        }
        return b.toString();
    }
}
