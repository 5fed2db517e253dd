package org.privacykit.dataset.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.privacykit.dataset.Dataset;
import org.privacykit.internal.CsvTokenizer;

/**
 * Reads a CSV file with a header line into a dataset, one record at a time: the text is never held
 * whole, only each column's distinct values and one code per cell. Fields follow RFC 4180 (quotes,
 * doubled quotes, line breaks in quoted fields); an empty cell is {@code null}. Each column's type is
 * chosen from its cells ({@link ColumnType#AUTO}) or declared.
 *
 * <pre>{@code
 * Dataset adult = CsvReader.builder().delimiter(';').build()
 *         .read(Path.of("adult.csv"))                       // a Dataset.Builder holding the rows
 *         .quasiIdentifiers("age", "sex", "race")
 *         .sensitiveAttribute("salary-class")
 *         .hierarchy("age", Hierarchy.intervals(5, 10, 20).build())
 *         .build();
 * }</pre>
 *
 * Errors name the column and the row (data rows from 1, the header not counted) and the reason,
 * never a cell's text. Immutable and thread-safe; each read is independent.
 */
public final class CsvReader {
    private final char delimiter;
    private final Map<String, ColumnType> types;

    private CsvReader(Builder b) {
        this.delimiter = b.delimiter;
        this.types = Map.copyOf(b.types);
    }

    /**
     * Starts a reader: comma-separated, every column {@link ColumnType#AUTO}.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a UTF-8 file.
     *
     * @param file the file
     * @return a table builder holding every row; declare roles and hierarchies on it, then build
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the row and column when the CSV is malformed or a cell does
     *         not hold its declared type
     */
    public Dataset.Builder read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Reads CSV text.
     *
     * @param in the text; not closed
     * @return a table builder holding every row
     * @throws IllegalArgumentException naming the row and column when the CSV is malformed or a cell does
     *         not hold its declared type
     * @throws java.io.UncheckedIOException when the reader fails
     */
    public Dataset.Builder read(Reader in) {
        CsvTokenizer csv = new CsvTokenizer(in, delimiter);
        String[] header = csv.next();
        if (header == null) {
            throw new IllegalArgumentException("the CSV has no header line");
        }
        for (String column : types.keySet()) {
            if (!Arrays.asList(header).contains(column)) {
                throw new IllegalArgumentException("a type is declared for column '" + column + "', which the header"
                        + " lacks");
            }
        }
        int width = header.length;
        List<Map<String, Integer>> codes = new ArrayList<>(width);
        List<List<String>> dictionaries = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            codes.add(new HashMap<>());
            dictionaries.add(new ArrayList<>());
        }
        int[][] cells = new int[width][1024];
        int rows = 0;
        String[] record;
        while ((record = csv.next()) != null) {
            if (record.length == 1 && record[0].isEmpty() && width > 1) {
                continue; // a blank line, typically the last
            }
            if (record.length != width) {
                throw new IllegalArgumentException("row " + (rows + 1) + " has " + record.length + " fields; the header"
                        + " has " + width);
            }
            if (rows == cells[0].length) {
                for (int c = 0; c < width; c++) {
                    cells[c] = Arrays.copyOf(cells[c], rows * 2);
                }
            }
            for (int c = 0; c < width; c++) {
                String text = record[c];
                Map<String, Integer> dictionary = codes.get(c);
                Integer code = dictionary.get(text);
                if (code == null) {
                    code = dictionary.size();
                    dictionary.put(text, code);
                    dictionaries.get(c).add(text);
                }
                cells[c][rows] = code;
            }
            rows++;
        }
        @Nullable Object[][] typed = new Object[width][];
        for (int c = 0; c < width; c++) {
            typed[c] = convert(header[c], types.getOrDefault(header[c], ColumnType.AUTO), dictionaries.get(c),
                    cells[c]);
        }
        Dataset.Builder table = Dataset.table(header);
        @Nullable Object[] values = new Object[width];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < width; c++) {
                values[c] = typed[c][cells[c][r]];
            }
            table.addRow(values);
        }
        return table;
    }

    /** Converts a column's distinct texts to its type. */
    private static @Nullable Object[] convert(String column, ColumnType declared, List<String> texts, int[] cells) {
        ColumnType type = declared;
        if (type == ColumnType.AUTO) {
            type = ColumnType.TEXT;
            for (ColumnType candidate : new ColumnType[] {ColumnType.INTEGER, ColumnType.DECIMAL, ColumnType.DATE}) {
                boolean all = true;
                boolean any = false;
                for (String text : texts) {
                    if (!text.isEmpty()) {
                        any = true;
                        if (candidate.parse(text) == null) {
                            all = false;
                            break;
                        }
                    }
                }
                if (all && any) {
                    type = candidate;
                    break;
                }
            }
        }
        @Nullable Object[] out = new Object[texts.size()];
        for (int code = 0; code < out.length; code++) {
            String text = texts.get(code);
            if (text.isEmpty()) {
                continue;
            }
            Object value = type.parse(text);
            if (value == null) {
                int row = 0;
                while (cells[row] != code) {
                    row++;
                }
                throw new IllegalArgumentException("column '" + column + "': row " + (row + 1) + " does not hold "
                        + (type == ColumnType.DATE ? "an ISO-8601 date" : "a " + type.name().toLowerCase(java.util.Locale.ROOT)
                        + " number") + " written plainly");
            }
            out[code] = value;
        }
        return out;
    }

    /** Builds a {@link CsvReader}. */
    public static final class Builder {
        private char delimiter = ',';
        private final Map<String, ColumnType> types = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the field separator; the default is a comma.
         *
         * @param delimiter the separator, neither a quote nor a line break
         * @return this builder
         * @throws IllegalArgumentException for a quote or a line break
         */
        public Builder delimiter(char delimiter) {
            if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
                throw new IllegalArgumentException("the delimiter cannot be a quote or a line break");
            }
            this.delimiter = delimiter;
            return this;
        }

        /**
         * Declares a column's type instead of letting the reader choose.
         *
         * @param column the column, as named in the header
         * @param type the type
         * @return this builder
         */
        public Builder columnType(String column, ColumnType type) {
            types.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(type, "type"));
            return this;
        }

        /**
         * Builds the reader.
         *
         * @return the reader
         */
        public CsvReader build() {
            return new CsvReader(this);
        }
    }
}
