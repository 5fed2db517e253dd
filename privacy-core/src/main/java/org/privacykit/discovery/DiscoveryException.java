package org.privacykit.discovery;

/**
 * A scan that could not read its source: the message names the table or file, the column or line,
 * and the reason, never a value; the cause is redacted
 * ({@link org.privacykit.metadata.RedactedException}) where the driver's message could quote one.
 */
public final class DiscoveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DiscoveryException(String message) {
        super(message);
    }

    DiscoveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
