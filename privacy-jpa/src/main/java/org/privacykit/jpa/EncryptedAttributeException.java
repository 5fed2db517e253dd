package org.privacykit.jpa;

import jakarta.persistence.PersistenceException;

/**
 * An encrypted attribute could not be read or written: its stored value does not decrypt (tampered,
 * truncated, copied from another column or row, or under an unknown key), or a value cannot be
 * encrypted. The message names the entity and the attribute and gives the reason; it never holds the
 * value, a key or a subject id. The cause, where there is one, is a
 * {@link org.privacykit.spi.FieldCryptoException}.
 */
public class EncryptedAttributeException extends PersistenceException {
    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String attribute;

    /**
     * Creates the exception.
     *
     * @param entity the entity name, such as {@code Customer}
     * @param attribute the attribute, such as {@code email}
     * @param reason what went wrong; never a value or key
     * @param cause the underlying failure, or {@code null}
     */
    public EncryptedAttributeException(String entity, String attribute, String reason, Throwable cause) {
        super(entity + "." + attribute + ": " + reason, cause);
        this.entity = entity;
        this.attribute = attribute;
    }

    /**
     * Returns the entity whose attribute failed.
     *
     * @return the entity name
     */
    public String entity() {
        return entity;
    }

    /**
     * Returns the attribute that failed.
     *
     * @return the attribute name
     */
    public String attribute() {
        return attribute;
    }
}
