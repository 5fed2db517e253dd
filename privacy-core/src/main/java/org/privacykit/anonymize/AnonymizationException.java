package org.privacykit.anonymize;

/**
 * Thrown when a field cannot be anonymized as declared: an operator that does not apply to the
 * field's type ({@code MASK} on a {@code LocalDate}), a {@code FAKE} for a type that has no fake, a
 * value that does not parse as its type says. The message names the field and the reason, never
 * the value.
 */
public final class AnonymizationException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * Creates an exception for one field.
     *
     * @param field the qualified field name, {@code SimpleClassName.field}
     * @param reason what is wrong and what to do
     */
    public AnonymizationException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    /**
     * Creates an exception for one field, with what caused it.
     *
     * @param field the qualified field name, {@code SimpleClassName.field}
     * @param reason what is wrong and what to do
     * @param cause what failed, with its message already withheld ({@link org.privacykit.metadata.RedactedException})
     */
    public AnonymizationException(String field, String reason, Throwable cause) {
        super(field + ": " + reason, cause);
        this.field = field;
    }

    /**
     * Returns the field that could not be anonymized.
     *
     * @return the qualified field name, {@code SimpleClassName.field}
     */
    public String field() {
        return field;
    }
}
