package org.privacykit.dataset.hierarchy;

/**
 * Builds a masking hierarchy for codes: {@code Hierarchy.masking(5).build()} maps {@code 94103} to
 * {@code 9410*}, {@code 941**}, {@code 94***}, {@code 9****}, {@code *****}, then {@code *}.
 */
public final class MaskingBuilder {
    private final int length;
    private char maskCharacter = '*';
    private boolean fromLeft;

    MaskingBuilder(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("the code length must be at least 1; got " + length);
        }
        this.length = length;
    }

    /**
     * Masks from the left instead ({@code *4103}, {@code **103}, ...), for codes whose first characters
     * are the most specific.
     *
     * @return this builder
     */
    public MaskingBuilder fromLeft() {
        this.fromLeft = true;
        return this;
    }

    /**
     * Sets the character that replaces masked ones; the default is {@code *}.
     *
     * @param mask the character
     * @return this builder
     */
    public MaskingBuilder maskCharacter(char mask) {
        this.maskCharacter = mask;
        return this;
    }

    /**
     * Builds the hierarchy.
     *
     * @return the hierarchy
     */
    public Hierarchy build() {
        return new MaskingHierarchy(length, maskCharacter, fromLeft);
    }
}
