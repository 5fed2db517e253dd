package org.privacykit.jpa;

/**
 * How an {@code @Encrypted} attribute can be searched by equality ({@link EncryptedEntities#searchability}).
 */
public enum Searchability {
    /** Deterministic or format-preserving: the stored ciphertext of a value is known, the match is exact. */
    EXACT,
    /**
     * Randomized with a {@link BlindIndexFor} attribute: the index finds candidates, a few of which
     * may be false positives to drop after loading ({@link EncryptedEntities#matches}).
     */
    BLIND_INDEX,
    /** Randomized without a blind index: no query can find a value. */
    NONE
}
