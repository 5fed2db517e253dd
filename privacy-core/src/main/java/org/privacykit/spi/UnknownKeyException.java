package org.privacykit.spi;

/** Thrown when a ciphertext names a key id that the key ring does not hold (never generated here, or destroyed). */
public class UnknownKeyException extends FieldCryptoException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with the standard reason.
     *
     * @param field the field context name, such as {@code Customer.email}
     */
    public UnknownKeyException(String field) {
        super(field, "the ciphertext names a key this key ring does not hold");
    }

    /**
     * Creates the exception with a specific reason.
     *
     * @param field the field context name
     * @param reason what went wrong; never a value or key
     */
    public UnknownKeyException(String field, String reason) {
        super(field, reason);
    }
}
