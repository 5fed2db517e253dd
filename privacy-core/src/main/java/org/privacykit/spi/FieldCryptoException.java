package org.privacykit.spi;

import java.security.GeneralSecurityException;

/**
 * A field could not be encrypted or decrypted. The message names the field and the reason, never
 * a value, a key or a subject id. Subclasses tell the reasons apart.
 */
public class FieldCryptoException extends GeneralSecurityException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * Creates the exception.
     *
     * @param field the field context name, such as {@code Customer.email}
     * @param reason what went wrong; never a value or key
     */
    public FieldCryptoException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    /**
     * Creates the exception with a cause.
     *
     * @param field the field context name
     * @param reason what went wrong; never a value or key
     * @param cause the underlying failure
     */
    public FieldCryptoException(String field, String reason, Throwable cause) {
        super(field + ": " + reason, cause);
        this.field = field;
    }

    /**
     * Returns the field that failed.
     *
     * @return the field context name
     */
    public String field() {
        return field;
    }
}
