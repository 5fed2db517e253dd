package org.privacykit.jackson;

/**
 * The {@link JsonMasker} was given input that is not one well-formed JSON value. The message gives
 * the line and column and a reason, never the input: malformed input may still hold the values that
 * were to be masked.
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
     * @return the 1-based line, or -1 when unknown
     */
    public long line() {
        return line;
    }

    /**
     * Returns the column where the input stopped being JSON.
     *
     * @return the 1-based column, or -1 when unknown
     */
    public long column() {
        return column;
    }
}
