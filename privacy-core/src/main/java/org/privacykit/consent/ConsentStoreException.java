package org.privacykit.consent;

/**
 * A {@link ConsentStore} could not read or write. The message says which operation failed; the
 * cause is redacted, since a database's message may quote the values of a statement.
 */
public final class ConsentStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, without any value
     * @param cause the redacted cause
     */
    public ConsentStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
