package org.privacykit.discovery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.privacykit.detect.PiiDetector;
import org.privacykit.internal.CsvTokenizer;
import org.privacykit.inventory.DataInventory;
import org.privacykit.metadata.RedactedException;

/**
 * Finds personal data that nobody declared, in a database and in files, as cloud inspection services
 * (Google Cloud DLP inspection jobs, Amazon Macie) do, but in-process: in a unit test, in CI, or from
 * the command line ({@link DiscoveryCommand}). Each column's name goes through the lint's name rules
 * ({@link org.privacykit.inventory.NameRules}) and a sample of its values through the
 * {@link PiiDetector}; the {@link DataInventory} says which columns the code declares; privacy-kit
 * ciphertexts are recognized by their format. Immutable and thread-safe.
 *
 * <pre>{@code
 * Discovery discovery = Discovery.builder()
 *         .inventory(DataInventory.scanPackage("com.example.shop"))
 *         .sampleRows(500)
 *         .build();
 * DiscoveryReport report = discovery.scan(connection);          // read-only, every table of the schema
 * report.columns(ColumnReport.Verdict.UNDECLARED);              // what the code does not declare
 * Files.writeString(Path.of("discovery.html"), report.toHtml());
 * }</pre>
 *
 * <p>A sampled value is looked at once and dropped: reports hold types, counts, key ids and at most
 * one masked finding per column ({@code j***@example.com}; {@link Builder#maskedExamples(boolean)}
 * turns them off). Errors name the table or file, the column or line and the reason, never a value.
 */
public final class Discovery {
    /** Rows sampled per table by default: enough to see a type that one row in a hundred holds. */
    public static final int DEFAULT_SAMPLE_ROWS = 1000;
    /** Characters of a value the detector reads by default; a longer value is cut. */
    public static final int DEFAULT_MAX_VALUE_CHARS = 10_000;
    /** Seconds a table's query may run by default. */
    public static final int DEFAULT_QUERY_TIMEOUT_SECONDS = 60;
    /** Tables as drivers name them: {@code TABLE} (PostgreSQL, most), {@code BASE TABLE} (H2 2), partitioned (PostgreSQL). */
    private static final String[] TABLE_TYPES = {"TABLE", "BASE TABLE", "PARTITIONED TABLE"};
    /** Rows fetched per round trip. */
    private static final int FETCH_SIZE = 500;

    private final PiiDetector detector;
    private final Declarations declarations;
    private final int sampleRows;
    private final int maxValueChars;
    private final boolean maskedExamples;
    private final @Nullable String schema;
    private final String tablePattern;
    private final int queryTimeoutSeconds;

    private Discovery(Builder b) {
        this.detector = b.detector;
        this.declarations = Declarations.of(b.inventory);
        this.sampleRows = b.sampleRows;
        this.maxValueChars = b.maxValueChars;
        this.maskedExamples = b.maskedExamples;
        this.schema = b.schema;
        this.tablePattern = b.tablePattern;
        this.queryTimeoutSeconds = b.queryTimeoutSeconds;
    }

    /**
     * Starts a configured discovery.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Scans every table of a database schema (the connection's own, unless the builder names one),
     * reading at most {@code sampleRows} rows of each, in a read-only transaction that is rolled back:
     * the connection's read-only and auto-commit settings are restored afterwards.
     *
     * @param connection an open connection; not closed
     * @return the report
     * @throws DiscoveryException when the database cannot be read; names the table and the SQLState
     */
    public DiscoveryReport scan(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        List<TableReport> tables = new ArrayList<>();
        String where = "the connection";
        try {
            boolean readOnly = connection.isReadOnly();
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.rollback(); // a transaction in progress would keep its writability
            }
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            try {
                DatabaseMetaData meta = connection.getMetaData();
                String schemaPattern = schema != null ? schema : connection.getSchema();
                String quote = meta.getIdentifierQuoteString().strip();
                List<String[]> names = new ArrayList<>();
                try (ResultSet rs = meta.getTables(connection.getCatalog(), schemaPattern, tablePattern,
                        TABLE_TYPES)) {
                    while (rs.next()) {
                        names.add(new String[] {rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME")});
                    }
                }
                for (String[] name : names) {
                    where = "table " + qualified(name[0], name[1]);
                    tables.add(table(connection, meta, quote, name[0], name[1]));
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
                connection.setReadOnly(readOnly);
            }
        } catch (SQLException e) {
            throw new DiscoveryException(where + ": reading failed (SQLState " + e.getSQLState() + ", "
                    + RedactedException.typeOf(e) + ")", RedactedException.of(e));
        }
        return new DiscoveryReport(tables);
    }

    private TableReport table(Connection connection, DatabaseMetaData meta, String quote, @Nullable String schemaName,
                              String table) throws SQLException {
        String qualified = qualified(schemaName, table);
        List<ColumnScan> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(connection.getCatalog(), escape(schemaName, meta), escape(table, meta), "%")) {
            while (rs.next()) {
                int type = rs.getInt("DATA_TYPE");
                String typeName = rs.getString("TYPE_NAME");
                columns.add(new ColumnScan(table, rs.getString("COLUMN_NAME"), typeName == null ? "?" : typeName,
                        javaType(type), readsValues(type)));
            }
        }
        List<ColumnScan> read = columns.stream().filter(ColumnScan::readsValues).toList();
        long rows = 0;
        if (!read.isEmpty()) {
            StringBuilder sql = new StringBuilder("SELECT ");
            for (int i = 0; i < read.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(quoted(read.get(i).name(), quote));
            }
            sql.append(" FROM ");
            if (schemaName != null && !schemaName.isEmpty()) {
                sql.append(quoted(schemaName, quote)).append('.');
            }
            sql.append(quoted(table, quote));
            try (Statement statement = connection.createStatement()) {
                statement.setMaxRows(sampleRows);
                statement.setFetchSize(Math.min(sampleRows, FETCH_SIZE));
                statement.setQueryTimeout(queryTimeoutSeconds);
                try (ResultSet rs = statement.executeQuery(sql.toString())) {
                    while (rs.next() && rows < sampleRows) {
                        rows++;
                        for (int i = 0; i < read.size(); i++) {
                            String value;
                            try {
                                value = rs.getString(i + 1);
                            } catch (SQLException e) {
                                throw new DiscoveryException("table " + qualified + ", column " + read.get(i).name()
                                        + ": the value cannot be read as text (SQLState " + e.getSQLState() + ")",
                                        RedactedException.of(e));
                            }
                            read.get(i).add(value, detector, maxValueChars, maskedExamples);
                        }
                    }
                }
            }
        }
        return report("table", qualified, qualified, rows, columns);
    }

    /** The report of a table; {@code table} is the name the inventory's declarations are looked up by. */
    private TableReport report(String source, String name, String table, long rows, List<ColumnScan> columns) {
        List<ColumnReport> reports = new ArrayList<>(columns.size());
        for (ColumnScan column : columns) {
            reports.add(column.report(declarations.find(table, column.name())));
        }
        return new TableReport(source, name, rows, reports);
    }

    private static String qualified(@Nullable String schemaName, String table) {
        return schemaName == null || schemaName.isEmpty() ? table : schemaName + "." + table;
    }

    /** A name as a metadata pattern: its {@code _} and {@code %} match only themselves. */
    private static @Nullable String escape(@Nullable String name, DatabaseMetaData meta) throws SQLException {
        if (name == null) {
            return null;
        }
        String escape = meta.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private static String quoted(String identifier, String quote) {
        if (quote.isEmpty()) {
            return identifier;
        }
        return quote + identifier.replace(quote, quote + quote) + quote;
    }

    /** Binary, boolean and structured columns hold no text the detector could read; their names are still checked. */
    private static boolean readsValues(int sqlType) {
        return switch (sqlType) {
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB, Types.BOOLEAN, Types.BIT,
                    Types.ARRAY, Types.STRUCT, Types.REF, Types.DATALINK, Types.JAVA_OBJECT, Types.NULL, Types.OTHER,
                    Types.DISTINCT, Types.SQLXML -> false;
            default -> true;
        };
    }

    /** The Java type the lint's name rules see for a column: text, number, date, boolean or bytes. */
    private static Class<?> javaType(int sqlType) {
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC, Types.REAL,
                    Types.FLOAT, Types.DOUBLE -> Number.class;
            case Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIME, Types.TIME_WITH_TIMEZONE ->
                    java.time.LocalDate.class;
            case Types.BOOLEAN, Types.BIT -> Boolean.class;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> byte[].class;
            default -> String.class;
        };
    }

    /**
     * Scans a CSV file (RFC 4180, comma-separated, UTF-8) whose first record names the columns.
     *
     * @param file the file
     * @return the report, with one table named after the file
     * @throws DiscoveryException when the file cannot be read, is not UTF-8 or not CSV; names the record
     */
    public DiscoveryReport scanCsv(Path file) {
        return scanCsv(file, ',');
    }

    /**
     * Scans a delimiter-separated file whose first record names the columns.
     *
     * @param file the file, UTF-8
     * @param delimiter the field separator, such as {@code ';'} or a tab
     * @return the report
     * @throws DiscoveryException when the file cannot be read, is not UTF-8 or not CSV; names the record
     */
    public DiscoveryReport scanCsv(Path file, char delimiter) {
        String name = Objects.requireNonNull(file, "file").getFileName().toString();
        String table = baseName(name);
        try (BufferedReader reader = utf8(file)) {
            CsvTokenizer csv = new CsvTokenizer(reader, delimiter);
            String[] header = csv.next();
            if (header == null) {
                return new DiscoveryReport(List.of(new TableReport("csv", name, 0, List.of())));
            }
            List<ColumnScan> columns = new ArrayList<>(header.length);
            for (String column : header) {
                columns.add(new ColumnScan(table, column.strip(), "text", String.class, true));
            }
            long rows = 0;
            String[] record;
            while (rows < sampleRows && (record = csv.next()) != null) {
                rows++;
                for (int i = 0; i < columns.size() && i < record.length; i++) {
                    columns.get(i).add(record[i], detector, maxValueChars, maskedExamples);
                }
            }
            return new DiscoveryReport(List.of(report("csv", name, table, rows, columns)));
        } catch (CsvTokenizer.CsvFormatException e) {
            throw new DiscoveryException("file " + name + ": " + e.getMessage());
        } catch (CharacterCodingException e) {
            throw new DiscoveryException("file " + name + ": not UTF-8 text");
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new DiscoveryException("file " + name + ": not UTF-8 text");
            }
            throw new DiscoveryException("file " + name + ": reading failed (" + RedactedException.typeOf(e)
                    + ")", RedactedException.of(e));
        } catch (IOException e) {
            throw new DiscoveryException("file " + name + ": reading failed (" + RedactedException.typeOf(e) + ")",
                    RedactedException.of(e));
        }
    }

    /**
     * Scans a JSON-lines file: one JSON object per line; each leaf's path is a column ({@code address.postcode},
     * {@code phones[]}). Blank lines are skipped.
     *
     * @param file the file, UTF-8
     * @return the report, with one table named after the file
     * @throws DiscoveryException when the file cannot be read, is not UTF-8, or a line is not a JSON object; names the line
     */
    public DiscoveryReport scanJsonLines(Path file) {
        String name = Objects.requireNonNull(file, "file").getFileName().toString();
        String table = baseName(name);
        Map<String, ColumnScan> columns = new LinkedHashMap<>();
        long rows = 0;
        long line = 0;
        try (BufferedReader reader = utf8(file)) {
            String text;
            while (rows < sampleRows && (text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                rows++;
                try {
                    JsonLines.read(text, (path, value) -> columns
                            .computeIfAbsent(path, p -> new ColumnScan(table, p, "json", String.class, true))
                            .add(value, detector, maxValueChars, maskedExamples));
                } catch (JsonLines.MalformedRecordException e) {
                    throw new DiscoveryException("file " + name + " line " + line + ", " + e.getMessage());
                }
            }
        } catch (CharacterCodingException e) {
            throw new DiscoveryException("file " + name + " line " + (line + 1) + ": not UTF-8 text");
        } catch (IOException e) {
            throw new DiscoveryException("file " + name + ": reading failed (" + RedactedException.typeOf(e) + ")",
                    RedactedException.of(e));
        }
        return new DiscoveryReport(List.of(report("jsonl", name, table, rows, new ArrayList<>(columns.values()))));
    }

    private static BufferedReader utf8(Path file) throws IOException {
        return new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8
                .newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    private static String baseName(String fileName) {
        int dot = fileName.indexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    @Override
    public String toString() {
        return "Discovery[" + sampleRows + " rows per table, " + detector + "]";
    }

    /** Builds a {@link Discovery}. */
    public static final class Builder {
        private PiiDetector detector = PiiDetector.defaults();
        private @Nullable DataInventory inventory;
        private int sampleRows = DEFAULT_SAMPLE_ROWS;
        private int maxValueChars = DEFAULT_MAX_VALUE_CHARS;
        private boolean maskedExamples = true;
        private @Nullable String schema;
        private String tablePattern = "%";
        private int queryTimeoutSeconds = DEFAULT_QUERY_TIMEOUT_SECONDS;

        private Builder() {
        }

        /**
         * Sets the detector that reads the values.
         *
         * @param detector the detector; {@link PiiDetector#defaults()} by default
         * @return this builder
         */
        public Builder detector(PiiDetector detector) {
            this.detector = Objects.requireNonNull(detector, "detector");
            return this;
        }

        /**
         * Sets the inventory that says which columns are declared.
         *
         * @param inventory the inventory; without one, every personal column is undeclared
         * @return this builder
         */
        public Builder inventory(DataInventory inventory) {
            this.inventory = Objects.requireNonNull(inventory, "inventory");
            return this;
        }

        /**
         * Sets how many rows (or records) of each table (or file) are read.
         *
         * @param rows from 1 to 10,000,000; {@value #DEFAULT_SAMPLE_ROWS} by default
         * @return this builder
         */
        public Builder sampleRows(int rows) {
            if (rows < 1 || rows > 10_000_000) {
                throw new IllegalArgumentException("sampleRows must be from 1 to 10000000, was " + rows);
            }
            this.sampleRows = rows;
            return this;
        }

        /**
         * Sets how many characters of each value the detector reads.
         *
         * @param chars from 16 to 16,777,216; {@value #DEFAULT_MAX_VALUE_CHARS} by default
         * @return this builder
         */
        public Builder maxValueChars(int chars) {
            if (chars < 16 || chars > (1 << 24)) {
                throw new IllegalArgumentException("maxValueChars must be from 16 to 16777216, was " + chars);
            }
            this.maxValueChars = chars;
            return this;
        }

        /**
         * Keeps (the default) or drops one masked finding per column in the report.
         *
         * @param on {@code false} for reports that hold types and counts only
         * @return this builder
         */
        public Builder maskedExamples(boolean on) {
            this.maskedExamples = on;
            return this;
        }

        /**
         * Names the schema (a pattern) whose tables are scanned, instead of the connection's own.
         *
         * @param schema such as {@code "public"} or {@code "sales%"}
         * @return this builder
         */
        public Builder schema(String schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
            return this;
        }

        /**
         * Limits the scan to tables whose name matches a pattern ({@code %} any text, {@code _} one character).
         *
         * @param pattern such as {@code "customer%"}; {@code "%"} by default
         * @return this builder
         */
        public Builder tables(String pattern) {
            this.tablePattern = Objects.requireNonNull(pattern, "pattern");
            return this;
        }

        /**
         * Sets how long one table's query may run.
         *
         * @param seconds at least 1; {@value #DEFAULT_QUERY_TIMEOUT_SECONDS} by default
         * @return this builder
         */
        public Builder queryTimeoutSeconds(int seconds) {
            if (seconds < 1) {
                throw new IllegalArgumentException("queryTimeoutSeconds must be at least 1, was " + seconds);
            }
            this.queryTimeoutSeconds = seconds;
            return this;
        }

        /**
         * Builds the discovery.
         *
         * @return the discovery
         */
        public Discovery build() {
            return new Discovery(this);
        }
    }
}
