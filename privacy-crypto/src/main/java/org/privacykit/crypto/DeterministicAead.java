package org.privacykit.crypto;

import java.security.GeneralSecurityException;

/**
 * Deterministic authenticated encryption, in the shape of Tink's {@code DeterministicAead}: equal
 * plaintexts with equal associated data give equal ciphertexts, so a column can be searched by
 * equality (and equality is all it reveals). The ciphertext is {@code SIV (16 bytes) || encrypted
 * plaintext}. Implementations are thread-safe.
 *
 * <pre>{@code
 * DeterministicAead siv = DeterministicAead.aesSiv(key);   // 32, 48 or 64 raw key bytes
 * byte[] c1 = siv.encryptDeterministically(email, ad);
 * byte[] c2 = siv.encryptDeterministically(email, ad);   // c1 equals c2
 * }</pre>
 */
public interface DeterministicAead {

    /**
     * Encrypts deterministically.
     *
     * @param plaintext the plaintext, may be empty
     * @param associatedData authenticated but not encrypted; {@code null} means empty
     * @return {@code SIV || ciphertext}
     * @throws GeneralSecurityException when encryption fails
     */
    byte[] encryptDeterministically(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException;

    /**
     * Checks and decrypts.
     *
     * @param ciphertext what {@link #encryptDeterministically} returned
     * @param associatedData the same associated data; {@code null} means empty
     * @return the plaintext
     * @throws GeneralSecurityException when the ciphertext is too short or fails authentication
     *         ({@link javax.crypto.AEADBadTagException})
     */
    byte[] decryptDeterministically(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException;

    /**
     * Returns AES-SIV (RFC 5297, AES-CMAC-SIV) built on the JDK's AES: S2V's CMAC runs as one
     * AES-CBC pass and the encryption as AES-CTR, both AES-NI accelerated.
     *
     * @param key 32, 48 or 64 raw key bytes (two AES keys of 128, 192 or 256 bits)
     * @return the deterministic AEAD
     * @throws GeneralSecurityException when the key length is wrong
     */
    static DeterministicAead aesSiv(byte[] key) throws GeneralSecurityException {
        return new AesSiv(key);
    }
}
