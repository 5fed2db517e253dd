package org.privacykit.annotation;

/** How an {@link Encrypted} field is encrypted: {@code @Encrypted(mode = DETERMINISTIC)}. */
public enum EncryptionMode {
    /** A randomized AEAD: equal values give different ciphertexts. The default. */
    RANDOMIZED,
    /** A deterministic AEAD (AES-SIV): equal values give equal ciphertexts, so they can be searched. */
    DETERMINISTIC,
    /** Format-preserving encryption (FF1): the ciphertext keeps the value's length and alphabet. */
    FORMAT_PRESERVING
}
