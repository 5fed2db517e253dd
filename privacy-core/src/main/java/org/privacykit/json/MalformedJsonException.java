package org.privacykit.json;

/**
 * The {@link JsonMasker} was given input that is not one well-formed JSON value, or that goes past
 * one of its limits. The message gives the line and column and a reason, never the input: malformed
 * input may still hold the values that were to be masked.
 *
 * <p>Lines count line feeds; columns count UTF-16 chars from the start of the line, the same for a
 * {@code String}, a {@code byte[]} and a stream holding the same text, so the three forms of
 * {@code mask} report the same position for the same input.
 */
public final class MalformedJsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final long line;
    private final long column;

    MalformedJsonException(String reason, long line, long column) {
        super("malformed JSON" + (line > 0 ? " at line " + line + ", column " + column : "") + ": " + reason);
        this.line = line;
        this.column = column;
    }

    /**
     * Returns the line where the input stopped being JSON.
     *
     * @return the 1-based line, or -1 when the input ended before any value
     */
    public long line() {
        return line;
    }

    /**
     * Returns the column where the input stopped being JSON.
     *
     * @return the 1-based column in UTF-16 chars, or -1 when the input ended before any value
     */
    public long column() {
        return column;
    }
}
