package org.privacykit.crypto;

import java.security.GeneralSecurityException;

/**
 * Format-preserving encryption: the ciphertext has the same length and alphabet as the plaintext,
 * so it fits columns and validators built for the clear value. It is deterministic for a key and
 * tweak, and it is not authenticated: any value of the right alphabet decrypts to something.
 * Implementations are thread-safe.
 *
 * <pre>{@code
 * FormatPreservingCipher ff1 = FormatPreservingCipher.ff1(key, Alphabet.DIGITS);
 * String token = ff1.encrypt("4111111111111111", tweak);   // 16 digits
 * String clear = ff1.decrypt(token, tweak);
 * }</pre>
 */
public interface FormatPreservingCipher {

    /**
     * Encrypts a value.
     *
     * @param value characters of the alphabet only; at least {@link Alphabet#minLength()} of them
     * @param tweak public data that changes the permutation (a field name, a tenant); {@code null} means empty
     * @return a value of the same length over the same alphabet
     * @throws IllegalArgumentException when the value holds a character outside the alphabet (the
     *         message gives its position, never the character) or is shorter than NIST SP 800-38G
     *         rev 1 allows
     * @throws GeneralSecurityException when the cipher fails
     */
    String encrypt(String value, byte[] tweak) throws GeneralSecurityException;

    /**
     * Decrypts a value.
     *
     * @param value what {@link #encrypt} returned
     * @param tweak the same tweak
     * @return the clear value
     * @throws IllegalArgumentException when the value does not fit the alphabet or is too short
     * @throws GeneralSecurityException when the cipher fails
     */
    String decrypt(String value, byte[] tweak) throws GeneralSecurityException;

    /**
     * Returns the alphabet values are written in.
     *
     * @return the alphabet
     */
    Alphabet alphabet();

    /**
     * Returns FF1 (NIST SP 800-38G rev 1) with AES.
     *
     * @param key 16, 24 or 32 raw AES key bytes
     * @param alphabet the alphabet of values
     * @return the cipher
     * @throws GeneralSecurityException when the key length is wrong
     */
    static FormatPreservingCipher ff1(byte[] key, Alphabet alphabet) throws GeneralSecurityException {
        return new Ff1Cipher(new Ff1(key), alphabet);
    }
}
