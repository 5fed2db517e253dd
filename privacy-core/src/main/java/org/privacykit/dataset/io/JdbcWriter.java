package org.privacykit.dataset.io;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.privacykit.dataset.AnonymizedDataset;
import org.privacykit.dataset.hierarchy.Generalized;
import org.privacykit.metadata.RedactedException;

/**
 * Writes a release into a database table with batched inserts, one row at a time. Quasi-identifiers
 * are written as their published text ({@code 30-39}, {@code *}), so their columns must hold text;
 * other columns keep their values. The table may be created first ({@link Builder#createTable}):
 * text columns for quasi-identifiers, and for the others a type from the first non-empty value.
 *
 * <pre>{@code
 * JdbcWriter.builder().table("adult_release").createTable(true).build().write(release, connection);
 * }</pre>
 *
 * The caller owns the connection and its transaction. A failed insert is reported with the
 * released rows of its batch, the SQL state and the driver's error code; the driver's message is
 * withheld (drivers quote the value they refuse), and so is every message of its causes. Immutable and
 * thread-safe.
 */
public final class JdbcWriter {
    /** Rows per batch: large enough to amortize round trips, small enough for any driver. */
    private static final int BATCH = 500;
    /** Text columns of created tables hold up to this many characters. */
    private static final int TEXT_LENGTH = 1000;

    private final String table;
    private final boolean create;
    private final boolean suppressedRows;

    private JdbcWriter(Builder b, String table) {
        this.table = table;
        this.create = b.create;
        this.suppressedRows = b.suppressedRows;
    }

    /**
     * Starts a writer.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes a release.
     *
     * @param release the release
     * @param connection an open connection; not closed, not committed
     * @return the number of rows written
     * @throws SQLException when the driver fails; when inserting, naming the rows and the table, never a value
     */
    public int write(AnonymizedDataset release, Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String quote = meta.getIdentifierQuoteString();
        quote = quote == null || quote.isBlank() ? "\"" : quote.strip();
        List<String> columns = release.columns();
        List<Map<String, Object>> rows = suppressedRows ? release.allRows() : release.rows();
        if (create) {
            try (Statement ddl = connection.createStatement()) {
                ddl.executeUpdate(createStatement(release, rows, quote));
            }
        }
        StringBuilder insert = new StringBuilder("INSERT INTO ").append(identifier(table, quote)).append(" (");
        for (int c = 0; c < columns.size(); c++) {
            insert.append(c == 0 ? "" : ", ").append(identifier(columns.get(c), quote));
        }
        insert.append(") VALUES (").append("?, ".repeat(Math.max(0, columns.size() - 1))).append("?)");
        int written = 0;
        try (PreparedStatement statement = connection.prepareStatement(insert.toString())) {
            int pending = 0;
            for (Map<String, Object> row : rows) {
                written++;
                int c = 1;
                for (Map.Entry<String, Object> cell : row.entrySet()) {
                    Object value = cell.getValue();
                    try {
                        statement.setObject(c++, value instanceof Generalized g ? g.toString() : value);
                    } catch (SQLException e) {
                        throw failure("column '" + cell.getKey() + "' of released row " + written, e);
                    }
                }
                statement.addBatch();
                if (++pending == BATCH) {
                    execute(statement, written - pending + 1, written);
                    pending = 0;
                }
            }
            if (pending > 0) {
                execute(statement, written - pending + 1, written);
            }
        }
        return written;
    }

    private void execute(PreparedStatement statement, int first, int last) throws SQLException {
        try {
            statement.executeBatch();
        } catch (SQLException e) {
            throw failure("released rows " + first + " to " + last, e);
        }
    }

    /** The driver's failure without its message, which may quote a value. */
    private SQLException failure(String where, SQLException e) {
        SQLException out = new SQLException("inserting " + where + " into table '" + table + "' failed (SQL state "
                + e.getSQLState() + ", error code " + e.getErrorCode() + ", " + RedactedException.typeOf(e)
                + "; the driver's message is withheld)", e.getSQLState(), e.getErrorCode());
        out.initCause(RedactedException.of(e));
        return out;
    }

    private String createStatement(AnonymizedDataset release, List<Map<String, Object>> rows, String quote) {
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(identifier(table, quote)).append(" (");
        List<String> columns = release.columns();
        for (int c = 0; c < columns.size(); c++) {
            String column = columns.get(c);
            Object sample = null;
            for (Map<String, Object> row : rows) {
                Object v = row.get(column);
                if (v != null) {
                    sample = v;
                    break;
                }
            }
            ddl.append(c == 0 ? "" : ", ").append(identifier(column, quote)).append(' ').append(sqlType(sample));
        }
        return ddl.append(')').toString();
    }

    private static String sqlType(@Nullable Object sample) {
        if (sample instanceof Integer || sample instanceof Short || sample instanceof Byte) {
            return "INTEGER";
        }
        if (sample instanceof Long) {
            return "BIGINT";
        }
        if (sample instanceof BigDecimal || sample instanceof Double || sample instanceof Float) {
            return "DECIMAL(38, 10)";
        }
        if (sample instanceof Boolean) {
            return "BOOLEAN";
        }
        if (sample instanceof LocalDate) {
            return "DATE";
        }
        if (sample instanceof LocalDateTime) {
            return "TIMESTAMP";
        }
        if (sample instanceof LocalTime) {
            return "TIME";
        }
        return "VARCHAR(" + TEXT_LENGTH + ")";
    }

    /** A quoted identifier; a quote inside is doubled, as SQL requires. */
    static String identifier(String name, String quote) {
        return quote + name.replace(quote, quote + quote) + quote;
    }

    /** Builds a {@link JdbcWriter}. */
    public static final class Builder {
        private @Nullable String table;
        private boolean create;
        private boolean suppressedRows;

        private Builder() {
        }

        /**
         * Names the table to insert into.
         *
         * @param table the name, quoted as the database requires when written
         * @return this builder
         */
        public Builder table(String table) {
            if (table == null || table.isBlank()) {
                throw new IllegalArgumentException("the table name is blank");
            }
            this.table = table;
            return this;
        }

        /**
         * Creates the table before inserting.
         *
         * @param create {@code true} to create it
         * @return this builder
         */
        public Builder createTable(boolean create) {
            this.create = create;
            return this;
        }

        /**
         * Writes suppressed rows too, with {@code *} in every quasi-identifier.
         *
         * @param keep {@code true} to keep them
         * @return this builder
         */
        public Builder suppressedRows(boolean keep) {
            this.suppressedRows = keep;
            return this;
        }

        /**
         * Builds the writer.
         *
         * @return the writer
         * @throws IllegalStateException when no table was named
         */
        public JdbcWriter build() {
            String name = table;
            if (name == null) {
                throw new IllegalStateException("name the table to write to");
            }
            return new JdbcWriter(this, name);
        }
    }

    @Override
    public String toString() {
        return "JdbcWriter[" + table + "]";
    }
}
