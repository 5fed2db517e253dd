package org.privacykit.spark;

/**
 * A value of a column could not be protected or read back: a ciphertext that is tampered,
 * truncated, moved from another column or subject, or under an unknown key; text that is not valid
 * UTF-16. The message names the column and the reason, never the value.
 */
public final class ColumnProtectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ColumnProtectionException(String column, String reason, Throwable cause) {
        super(column + ": " + reason, cause);
    }
}
