package org.privacykit.spi;

/**
 * Erases a data subject by deleting the keys only that subject's data is encrypted with
 * (crypto-shredding): afterwards every ciphertext of the subject is unreadable, wherever it is
 * stored, backups included. Implemented by the privacy-crypto module.
 */
public interface CryptoShredder {

    /**
     * Forgets a subject: destroys its keys, at once, with no cache delay.
     *
     * @param subjectId the subject id
     */
    void forget(String subjectId);

    /**
     * Tells whether a subject was forgotten.
     *
     * @param subjectId the subject id
     * @return {@code true} once {@link #forget(String)} ran for it
     */
    boolean isForgotten(String subjectId);
}
