package org.privacykit.spi;

/** Thrown when a ciphertext fails authentication: it was tampered with, truncated, extended, moved from another field or subject, or made with another key of the same id. */
public class TamperedCiphertextException extends FieldCryptoException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with the standard reason.
     *
     * @param field the field context name, such as {@code Customer.email}
     */
    public TamperedCiphertextException(String field) {
        super(field, "authentication failed: the ciphertext was tampered with, truncated, moved from another field or subject, or made with a foreign key");
    }

    /**
     * Creates the exception with a specific reason.
     *
     * @param field the field context name
     * @param reason what went wrong; never a value or key
     */
    public TamperedCiphertextException(String field, String reason) {
        super(field, reason);
    }
}
