package org.privacykit.dataset.io;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.privacykit.dataset.AnonymizedDataset;

/**
 * Writes a release as CSV, one row at a time: a header with the released columns (the input's, less
 * identifiers), then each row with its published text ({@code 30-39}, {@code Western Europe},
 * {@code *}) in quasi-identifiers and its values elsewhere, quoted only where RFC 4180 needs it.
 *
 * <pre>{@code
 * CsvWriter.builder().delimiter(';').suppressedRows(true).build().write(release, Path.of("release.csv"));
 * }</pre>
 *
 * With {@link Builder#suppressedRows(boolean) suppressedRows(true)} the output keeps every input
 * row, suppressed ones holding {@code *} in every quasi-identifier. Immutable and thread-safe.
 */
public final class CsvWriter {
    private final char delimiter;
    private final boolean suppressedRows;

    private CsvWriter(Builder b) {
        this.delimiter = b.delimiter;
        this.suppressedRows = b.suppressedRows;
    }

    /**
     * Starts a writer: comma-separated, suppressed rows left out.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes a release to a UTF-8 file, replacing it.
     *
     * @param release the release
     * @param file the file
     * @throws IOException when the file cannot be written
     */
    public void write(AnonymizedDataset release, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(release, out);
        }
    }

    /**
     * Writes a release.
     *
     * @param release the release
     * @param out where to write; flushed, not closed
     * @throws IOException when writing fails
     */
    public void write(AnonymizedDataset release, Writer out) throws IOException {
        List<String> columns = release.columns();
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) {
                line.append(delimiter);
            }
            field(line, columns.get(c));
        }
        out.write(line.append("\r\n").toString());
        for (Map<String, Object> row : suppressedRows ? release.allRows() : release.rows()) {
            line.setLength(0);
            int c = 0;
            for (Object value : row.values()) {
                if (c++ > 0) {
                    line.append(delimiter);
                }
                field(line, text(value));
            }
            out.write(line.append("\r\n").toString());
        }
        out.flush();
    }

    /** The text of a cell: empty for {@code null}, plain decimals, ISO dates, published text. */
    static String text(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    private void field(StringBuilder line, String text) {
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char ch = text.charAt(i);
            quote = ch == delimiter || ch == '"' || ch == '\n' || ch == '\r';
        }
        if (!quote) {
            line.append(text);
            return;
        }
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                line.append('"');
            }
            line.append(ch);
        }
        line.append('"');
    }

    /** Builds a {@link CsvWriter}. */
    public static final class Builder {
        private char delimiter = ',';
        private boolean suppressedRows;

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
         * Keeps suppressed rows in the output, with {@code *} in every quasi-identifier.
         *
         * @param keep {@code true} to keep them; the default leaves them out
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
         */
        public CsvWriter build() {
            return new CsvWriter(this);
        }
    }
}
