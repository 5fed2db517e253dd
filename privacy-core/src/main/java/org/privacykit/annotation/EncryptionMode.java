package org.privacykit.annotation;

/** How an {@link Encrypted} field is encrypted. */
public enum EncryptionMode {
    /** A randomized AEAD: equal values give different ciphertexts. The default. */
    RANDOMIZED,
    /** A deterministic AEAD (AES-SIV): equal values give equal ciphertexts, so they can be searched. */
    DETERMINISTIC,
    /** Format-preserving encryption (FF1): the ciphertext keeps the value's length and alphabet. */
    FORMAT_PRESERVING;

    /**
     * Returns the mode an {@code @Encrypted} annotation asks for.
     *
     * @param encrypted the annotation
     * @return its mode
     * @throws IllegalArgumentException when it asks for both deterministic and format-preserving
     */
    public static EncryptionMode of(Encrypted encrypted) {
        if (encrypted.deterministic() && encrypted.formatPreserving()) {
            throw new IllegalArgumentException(
                    "choose one of deterministic and formatPreserving (format-preserving encryption is deterministic)");
        }
        if (encrypted.formatPreserving()) {
            return FORMAT_PRESERVING;
        }
        return encrypted.deterministic() ? DETERMINISTIC : RANDOMIZED;
    }
}
