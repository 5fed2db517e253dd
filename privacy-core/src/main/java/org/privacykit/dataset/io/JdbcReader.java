package org.privacykit.dataset.io;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.privacykit.dataset.Dataset;
import org.privacykit.metadata.RedactedException;

/**
 * Reads a JDBC result set into a dataset, row by row as the driver fetches them (set a fetch size on
 * the statement for large tables). Columns are named by their labels; SQL dates, times and
 * timestamps become {@code LocalDate}, {@code LocalTime} and {@code LocalDateTime}, other values stay
 * as the driver returns them. A value the driver fails to read is reported with its column and row
 * (rows from 1), the SQL state and the driver's error code; the driver's message is withheld, as it
 * may quote the value.
 *
 * <pre>{@code
 * try (ResultSet rs = statement.executeQuery("select age, sex, zip, diagnosis from patients")) {
 *     Dataset patients = JdbcReader.read(rs).quasiIdentifiers("age", "sex", "zip")
 *             .sensitiveAttribute("diagnosis").build();
 * }
 * }</pre>
 */
public final class JdbcReader {
    private JdbcReader() {
    }

    /**
     * Reads every remaining row.
     *
     * @param rows the result set; not closed
     * @return a table builder holding the rows; declare roles and hierarchies on it, then build
     * @throws SQLException when the driver fails: reading a value, naming its column and row, never the value
     * @throws IllegalArgumentException when two columns share a label
     */
    public static Dataset.Builder read(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int width = meta.getColumnCount();
        List<String> names = new ArrayList<>(width);
        for (int c = 1; c <= width; c++) {
            names.add(meta.getColumnLabel(c));
        }
        Dataset.Builder table = Dataset.table(names);
        Object[] values = new Object[width];
        int row = 0;
        while (rows.next()) {
            row++;
            for (int c = 0; c < width; c++) {
                try {
                    values[c] = plain(rows.getObject(c + 1));
                } catch (SQLException e) {
                    SQLException out = new SQLException("reading column '" + names.get(c) + "' of row " + row
                            + " failed (SQL state " + e.getSQLState() + ", error code " + e.getErrorCode() + ", "
                            + RedactedException.typeOf(e) + "; the driver's message is withheld)", e.getSQLState(),
                            e.getErrorCode());
                    out.initCause(RedactedException.of(e));
                    throw out;
                }
            }
            table.addRow(values);
        }
        return table;
    }

    private static @Nullable Object plain(@Nullable Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (value instanceof Time t) {
            return t.toLocalTime();
        }
        return value;
    }
}
