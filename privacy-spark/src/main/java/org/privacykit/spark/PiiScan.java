package org.privacykit.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.detect.PiiDetector;
import org.privacykit.detect.PiiFinding;

/**
 * The core PII detector on text columns: the findings in each value, the value with what was
 * found masked, and a scan that counts per column which personal data types it holds and in how
 * many values, to find what nobody declared. Each executor builds its detector once; findings carry
 * positions, types and confidences, never the text found.
 *
 * <pre>{@code
 * PiiScan pii = PiiScan.defaults();
 * Dataset<Row> safe = tickets.withColumn("body", pii.masked(col("body")));
 * PiiScanReport report = pii.scan(tickets);      // every string column
 * report.undeclared(Ticket.class);               // findings in columns Ticket does not declare personal
 * }</pre>
 */
public final class PiiScan implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ConcurrentMap<PiiScan, PiiDetector> DETECTORS = new ConcurrentHashMap<>();
    /** The type of {@link #findings(Column)}: an array of these structs. */
    public static final StructType FINDING = new StructType(new StructField[] {
            DataTypes.createStructField("type", DataTypes.StringType, false),
            DataTypes.createStructField("start", DataTypes.IntegerType, false),
            DataTypes.createStructField("end", DataTypes.IntegerType, false),
            DataTypes.createStructField("confidence", DataTypes.DoubleType, false),
            DataTypes.createStructField("detector", DataTypes.StringType, false)});

    private final EnumSet<PersonalDataType> types;
    private final double minConfidence;

    private PiiScan(Set<PersonalDataType> types, double minConfidence) {
        this.types = types.isEmpty() ? EnumSet.noneOf(PersonalDataType.class) : EnumSet.copyOf(types);
        this.minConfidence = minConfidence;
    }

    /**
     * Returns a scan with the detector's defaults (every supported type).
     *
     * @return the scan
     */
    public static PiiScan defaults() {
        return new PiiScan(Set.of(), -1);
    }

    /**
     * Returns a scan for some types, reporting findings of at least a confidence.
     *
     * @param types the types to look for; empty for every supported type
     * @param minConfidence 0 to 1
     * @return the scan
     * @throws IllegalArgumentException when the confidence is out of range or a type has no detector
     */
    public static PiiScan of(Set<PersonalDataType> types, double minConfidence) {
        PiiScan scan = new PiiScan(Objects.requireNonNull(types, "types"), minConfidence);
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minConfidence must be within 0..1, was " + minConfidence);
        }
        scan.detector(); // fails here, on the driver, for a type without detector
        return scan;
    }

    PiiDetector detector() {
        return DETECTORS.computeIfAbsent(this, s -> {
            PiiDetector.Builder b = PiiDetector.builder();
            if (!s.types.isEmpty()) {
                PersonalDataType[] rest = s.types.stream().skip(1).toArray(PersonalDataType[]::new);
                b.types(s.types.iterator().next(), rest);
            }
            if (s.minConfidence >= 0) {
                b.minConfidence(s.minConfidence);
            }
            return b.build();
        });
    }

    /**
     * Returns the findings in a text column: {@code array<struct<type, start, end, confidence, detector>>},
     * {@code null} for a null value. Positions are UTF-16 indexes, as {@code substring} takes them (plus one).
     *
     * @param text a string column
     * @return the findings column
     */
    public Column findings(Column text) {
        return udf(new Findings(this), DataTypes.createArrayType(FINDING, false)).apply(text);
    }

    /**
     * Returns the text with each finding masked by its type's mask, as {@code PiiDetector.mask}.
     *
     * @param text a string column
     * @return the masked column
     */
    public Column masked(Column text) {
        return udf(new Masked(this), DataTypes.StringType).apply(text);
    }

    /**
     * Returns the text with each finding replaced by its type in brackets, as {@code PiiDetector.redact}.
     *
     * @param text a string column
     * @return the redacted column
     */
    public Column redacted(Column text) {
        return udf(new Redacted(this), DataTypes.StringType).apply(text);
    }

    /**
     * Scans every string column of a data set in one pass.
     *
     * @param data the data set
     * @return the report
     */
    public PiiScanReport scan(Dataset<Row> data) {
        List<String> text = new ArrayList<>();
        for (StructField f : data.schema().fields()) {
            if (f.dataType().equals(DataTypes.StringType)) {
                text.add(f.name());
            }
        }
        return scan(data, text.toArray(String[]::new));
    }

    /**
     * Scans some string columns of a data set in one pass: per column, the values it read, and per
     * type found, how many values hold it and how many findings there are.
     *
     * @param data the data set
     * @param columns the string columns to scan
     * @return the report
     * @throws IllegalArgumentException when a column is missing or not a string column
     */
    public PiiScanReport scan(Dataset<Row> data, String... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("no string column to scan in " + data.schema().simpleString());
        }
        Column[] perColumn = new Column[columns.length];
        Column[] nonNull = new Column[columns.length];
        for (int i = 0; i < columns.length; i++) {
            StructField f = SparkPrivacy.find(data.schema(), columns[i], false);
            if (f == null || !f.dataType().equals(DataTypes.StringType)) {
                throw new IllegalArgumentException("column " + columns[i] + " is not a string column");
            }
            Column c = col("`" + f.name().replace("`", "``") + "`");
            perColumn[i] = struct(lit(i).as("column"), udf(new TypeCounts(this),
                    DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType)).apply(c).as("counts"));
            nonNull[i] = count(c);
        }
        Dataset<Row> cached = data;
        Row totals = cached.agg(count(lit(1)), nonNull).first();
        List<Row> found = cached.select(explode(array(perColumn)).as("c"))
                .select(col("c.column").as("column"), explode(col("c.counts")).as(new String[] {"type", "n"}))
                .groupBy("column", "type").agg(count(lit(1)).as("values"), sum("n").as("findings"))
                .collectAsList();
        Map<String, Long> read = new LinkedHashMap<>();
        for (int i = 0; i < columns.length; i++) {
            read.put(columns[i], totals.getLong(i + 1));
        }
        List<PiiScanReport.Finding> findings = new ArrayList<>();
        for (Row r : found) {
            String column = columns[r.getInt(0)];
            findings.add(new PiiScanReport.Finding(column, PersonalDataType.valueOf(r.getString(1)), r.getLong(2), r.getLong(3),
                    read.getOrDefault(column, 0L)));
        }
        return new PiiScanReport(totals.getLong(0), read, findings);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof PiiScan s && s.types.equals(types) && s.minConfidence == minConfidence;
    }

    @Override
    public int hashCode() {
        return Objects.hash(types, minConfidence);
    }

    @Override
    public String toString() {
        return "PiiScan[" + (types.isEmpty() ? "every supported type" : types)
                + (minConfidence >= 0 ? ", confidence >= " + minConfidence : "") + "]";
    }

    private static final class Findings implements UDF1<String, List<Row>> {
        private static final long serialVersionUID = 1L;
        private final PiiScan scan;

        Findings(PiiScan scan) {
            this.scan = scan;
        }

        @Override
        public @Nullable List<Row> call(@Nullable String text) {
            if (text == null) {
                return null;
            }
            List<PiiFinding> found = scan.detector().detect(text);
            List<Row> out = new ArrayList<>(found.size());
            for (PiiFinding f : found) {
                out.add(RowFactory.create(f.type().name(), f.start(), f.end(), f.confidence(), f.detectorId()));
            }
            return out;
        }
    }

    private static final class TypeCounts implements UDF1<String, Map<String, Integer>> {
        private static final long serialVersionUID = 1L;
        private final PiiScan scan;

        TypeCounts(PiiScan scan) {
            this.scan = scan;
        }

        @Override
        public @Nullable Map<String, Integer> call(@Nullable String text) {
            if (text == null) {
                return null;
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (PiiFinding f : scan.detector().detect(text)) {
                counts.merge(f.type().name(), 1, Integer::sum);
            }
            return counts;
        }
    }

    private static final class Masked implements UDF1<String, String> {
        private static final long serialVersionUID = 1L;
        private final PiiScan scan;

        Masked(PiiScan scan) {
            this.scan = scan;
        }

        @Override
        public @Nullable String call(@Nullable String text) {
            return text == null ? null : scan.detector().mask(text);
        }
    }

    private static final class Redacted implements UDF1<String, String> {
        private static final long serialVersionUID = 1L;
        private final PiiScan scan;

        Redacted(PiiScan scan) {
            this.scan = scan;
        }

        @Override
        public @Nullable String call(@Nullable String text) {
            return text == null ? null : scan.detector().redact(text);
        }
    }
}
