package org.privacykit.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Reads delimiter-separated records from a {@link Reader} one at a time (RFC 4180: fields may be
 * quoted with {@code "}, a quote inside a quoted field is doubled, quoted fields may hold the
 * delimiter and line breaks; records end with LF, CRLF or CR). Shared by the hierarchy loader and
 * the dataset CSV reader, so both read the same dialect.
 *
 * <p>Errors name the record number and the reason, never the text. A record longer than
 * {@link #MAX_RECORD_CHARS} characters is refused, so a file without line breaks cannot exhaust
 * memory. Not thread-safe.
 */
public final class CsvTokenizer {
    /** The longest record accepted, in characters: far above any real row, far below the heap. */
    public static final int MAX_RECORD_CHARS = 1 << 24;

    private static final int EOF = -1;

    private final Reader in;
    private final char delimiter;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private long record;
    private boolean pendingLf;

    /**
     * Starts reading.
     *
     * @param in the text; not closed by this class
     * @param delimiter the field separator, neither a quote nor a line break
     * @throws IllegalArgumentException when the delimiter is a quote or a line break
     */
    public CsvTokenizer(Reader in, char delimiter) {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("the delimiter cannot be a quote or a line break");
        }
        this.in = in;
        this.delimiter = delimiter;
    }

    /**
     * Returns the number of the record last returned by {@link #next()}, counting from 1.
     *
     * @return the record number, 0 before the first
     */
    public long recordNumber() {
        return record;
    }

    /**
     * Reads the next record.
     *
     * @return its fields (an empty line is one empty field), or {@code null} at the end of the input
     * @throws CsvFormatException when a quoted field is not closed, text follows a closing quote, or a
     *         record is too long
     * @throws UncheckedIOException when the reader fails
     */
    public String @Nullable [] next() {
        int c = read();
        if (c == EOF) {
            return null;
        }
        record++;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int length = 0;
        while (true) {
            if (c == '"' && field.length() == 0) {
                c = readQuoted(field, length);
                length += field.length();
            } else {
                while (c != EOF && c != delimiter && c != '\n' && c != '\r') {
                    if (++length > MAX_RECORD_CHARS) {
                        throw tooLong();
                    }
                    field.append((char) c);
                    c = read();
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (c == delimiter) {
                c = read();
                continue;
            }
            if (c == '\r') {
                pendingLf = true;
            }
            return fields.toArray(new String[0]);
        }
    }

    private int readQuoted(StringBuilder field, int used) {
        int length = used;
        while (true) {
            int c = read();
            if (c == EOF) {
                throw new CsvFormatException("record " + record + ": a quoted field is not closed");
            }
            if (c == '"') {
                int after = read();
                if (after != '"') {
                    if (after != EOF && after != delimiter && after != '\n' && after != '\r') {
                        throw new CsvFormatException("record " + record + ": text after a closing quote");
                    }
                    return after;
                }
            }
            if (++length > MAX_RECORD_CHARS) {
                throw tooLong();
            }
            field.append((char) c);
        }
    }

    private CsvFormatException tooLong() {
        return new CsvFormatException("record " + record + " is longer than " + MAX_RECORD_CHARS + " characters");
    }

    private int read() {
        int c = rawRead();
        if (pendingLf) {
            pendingLf = false;
            if (c == '\n') {
                c = rawRead();
            }
        }
        return c;
    }

    private int rawRead() {
        if (position == limit) {
            try {
                int n;
                do {
                    n = in.read(buffer);
                } while (n == 0);
                if (n < 0) {
                    return EOF;
                }
                limit = n;
                position = 0;
            } catch (IOException e) {
                throw new UncheckedIOException("reading record " + (record + 1) + " failed", e);
            }
        }
        return buffer[position++];
    }

    /** A record that does not follow the CSV dialect; the message names the record, never its text. */
    public static final class CsvFormatException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        CsvFormatException(String message) {
            super(message);
        }
    }
}
