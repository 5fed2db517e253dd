package org.privacykit.spi;

/** Thrown when the input is not a ciphertext of this format: wrong encoding, unknown version or algorithm, too short. */
public class MalformedCiphertextException extends FieldCryptoException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with the standard reason.
     *
     * @param field the field context name, such as {@code Customer.email}
     */
    public MalformedCiphertextException(String field) {
        super(field, "not a ciphertext of this format");
    }

    /**
     * Creates the exception with a specific reason.
     *
     * @param field the field context name
     * @param reason what went wrong; never a value or key
     */
    public MalformedCiphertextException(String field, String reason) {
        super(field, reason);
    }
}
