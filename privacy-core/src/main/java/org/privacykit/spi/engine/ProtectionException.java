package org.privacykit.spi.engine;

/**
 * A protected value could not be written or read. The message names the field and the reason, never
 * the value; the Jackson adapters rethrow it as their own mapping exception with the same message.
 */
public final class ProtectionException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message names the field and the reason, never the value
     */
    public ProtectionException(String message) {
        super(message);
    }

    /**
     * @param message names the field and the reason, never the value
     * @param cause the cause, whose own message holds no value either
     */
    public ProtectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
