package org.privacykit.mask;

/** How a protected value is shown on a {@link Channel}. */
public enum Disclosure {
    /** In clear, because its sensitivity allows it on this channel. */
    CLEAR,
    /** In clear, because a declared purpose allows it; callers audit every reveal. */
    REVEAL,
    /** Masked with the field's mask. */
    MASK,
    /** Replaced by {@link Maskers#REDACTED}, which reveals nothing, not even the length. */
    REDACT;

    /**
     * Tells whether the value is shown as it is.
     *
     * @return {@code true} for {@link #CLEAR} and {@link #REVEAL}
     */
    public boolean isClear() {
        return this == CLEAR || this == REVEAL;
    }
}
