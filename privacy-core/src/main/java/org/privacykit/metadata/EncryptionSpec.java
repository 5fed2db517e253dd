package org.privacykit.metadata;

import org.privacykit.annotation.EncryptionMode;

/**
 * How an {@code @Encrypted} field is encrypted, resolved once per field: the mode, the alphabet for
 * format-preserving encryption, and the name the ciphertext is bound to.
 */
public final class EncryptionSpec {
    private final EncryptionMode mode;
    private final String alphabet;
    private final String context;

    EncryptionSpec(EncryptionMode mode, String alphabet, String context) {
        this.mode = mode;
        this.alphabet = alphabet;
        this.context = context;
    }

    /**
     * Returns the encryption mode.
     *
     * @return the mode
     */
    public EncryptionMode mode() {
        return mode;
    }

    /**
     * Returns the alphabet declared for format-preserving encryption.
     *
     * @return the alphabet, or empty to choose by type
     */
    public String alphabet() {
        return alphabet;
    }

    /**
     * Returns the name the ciphertext is bound to as associated data: the {@code context} of
     * {@code @Encrypted}, or {@code SimpleClassName.field}.
     *
     * @return the binding name
     */
    public String context() {
        return context;
    }

    @Override
    public String toString() {
        return "EncryptionSpec[" + mode + ", context=" + context + "]";
    }
}
