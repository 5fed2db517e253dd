package org.privacykit.metadata;

/**
 * Thrown when the privacy annotations of a class are invalid or contradict each other, for example
 * {@code @NotPersonalData} together with {@code @PersonalData}, or a retention that is not an
 * ISO-8601 duration. The message names the class and field, never a value.
 */
public final class PrivacyDeclarationException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * Creates an exception for one field.
     *
     * @param field the qualified field name, {@code SimpleClassName.field}
     * @param reason what is wrong
     */
    public PrivacyDeclarationException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    /**
     * Returns the field whose declaration is invalid.
     *
     * @return the qualified field name, {@code SimpleClassName.field}
     */
    public String field() {
        return field;
    }
}
