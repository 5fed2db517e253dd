package org.privacykit.spi;

/** Thrown when the data subject of a field was forgotten (crypto-shredded), so its data can no longer be read or written. */
public class SubjectErasedException extends FieldCryptoException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with the standard reason.
     *
     * @param field the field context name, such as {@code Customer.email}
     */
    public SubjectErasedException(String field) {
        super(field, "the data subject was forgotten; its data is erased");
    }

    /**
     * Creates the exception with a specific reason.
     *
     * @param field the field context name
     * @param reason what went wrong; never a value or key
     */
    public SubjectErasedException(String field, String reason) {
        super(field, reason);
    }
}
