package org.privacykit.spi;

/**
 * Encrypts and decrypts field values bound to their {@link FieldContext}. The privacy-crypto module
 * implements it ({@code FieldEncryptor}); privacy-jackson and other integrations use it through
 * this interface, without depending on a crypto implementation. Implementations are thread-safe.
 */
public interface FieldCipher {

    /**
     * Encrypts a value for a field.
     *
     * @param field where the value belongs
     * @param plaintext the value, not {@code null}
     * @return text-safe ciphertext
     * @throws SubjectErasedException when the field's subject was forgotten
     * @throws FieldCryptoException when the value cannot be encrypted (for example, it does not fit a
     *         format-preserving alphabet); the message names the field and the reason, never the value
     */
    String encrypt(FieldContext field, String plaintext) throws FieldCryptoException;

    /**
     * Decrypts a value of a field.
     *
     * @param field where the value belongs; must be the context it was encrypted for
     * @param ciphertext the ciphertext, as {@link #encrypt} returned it
     * @return the plaintext
     * @throws MalformedCiphertextException when the input is not a ciphertext of this format
     * @throws UnknownKeyException when the ciphertext names a key this cipher does not hold
     * @throws SubjectErasedException when the field's subject was forgotten
     * @throws TamperedCiphertextException when authentication fails: tampered, moved or foreign ciphertext
     * @throws FieldCryptoException for any other failure
     */
    String decrypt(FieldContext field, String ciphertext) throws FieldCryptoException;
}
