package org.privacykit.crypto;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * The KMS SPI: a key-encryption key (KEK) that wraps a key ring for storage and unwraps it on
 * load. Built in: a passphrase (Argon2id), a key in a PKCS#12 key store, and raw AES key bytes. A
 * cloud KMS plugs in by implementing the two methods with its encrypt and decrypt calls (the key
 * ring is a few hundred bytes, well within every KMS's direct-encryption limit), passing the
 * associated data as the KMS's encryption context where it has one.
 *
 * <pre>{@code
 * KeyEncryptionKey kek = new KeyEncryptionKey() {
 *     public String id() { return "aws-kms:" + keyArn; }
 *     public byte[] wrap(byte[] keyRing, byte[] ad) { return kms.encrypt(keyArn, keyRing, context(ad)); }
 *     public byte[] unwrap(byte[] wrapped, byte[] ad) { return kms.decrypt(wrapped, context(ad)); }
 * };
 * }</pre>
 *
 * <p>Implementations are thread-safe and never log or print the key.
 */
public interface KeyEncryptionKey {

    /**
     * Returns a name for this KEK, stored in clear in the key-ring file header so an operator can
     * tell which KEK a file needs; never secret.
     *
     * @return the id, at most 255 UTF-8 bytes
     */
    String id();

    /**
     * Encrypts and authenticates key material.
     *
     * @param plaintext the serialized key ring
     * @param associatedData the file header, to authenticate with it
     * @return the wrapped bytes
     * @throws GeneralSecurityException when wrapping fails
     */
    byte[] wrap(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException;

    /**
     * Checks and decrypts what {@link #wrap} returned.
     *
     * @param wrapped the wrapped bytes
     * @param associatedData the file header
     * @return the serialized key ring
     * @throws KeyRingStorageException with {@link KeyRingStorageException.Reason#WRONG_KEY_ENCRYPTION_KEY}
     *         when the KEK can tell it is the wrong one
     * @throws GeneralSecurityException when authentication or decryption fails
     */
    byte[] unwrap(byte[] wrapped, byte[] associatedData) throws GeneralSecurityException;

    /**
     * Returns a KEK derived from a passphrase with Argon2id at RFC 9106's second recommended
     * parameters (64 MiB of memory, 3 passes, 4 lanes), for a file an attacker may copy and attack
     * offline. A random 16-byte salt is stored with the parameters; a file demanding more memory or
     * passes than these is refused, so a crafted file cannot make a loader spend gigabytes.
     *
     * @param passphrase the passphrase; copied, so the caller may clear its array
     * @return the KEK
     */
    static KeyEncryptionKey passphrase(char[] passphrase) {
        return new PassphraseKek(passphrase, PassphraseKek.DEFAULT_MEMORY_KIB, PassphraseKek.DEFAULT_ITERATIONS,
                PassphraseKek.DEFAULT_PARALLELISM);
    }

    /**
     * Returns a passphrase KEK with chosen Argon2id parameters: stronger ones (RFC 9106's first
     * recommended option is 2 GiB and 1 pass), or cheap ones for tests. They are also the most a file
     * may demand when this KEK reads it.
     *
     * @param passphrase the passphrase; copied
     * @param memoryKiB memory in KiB, 8 per lane to 4,194,304 (4 GiB)
     * @param iterations passes over memory, 1 to 64
     * @param parallelism lanes, 1 to 16
     * @return the KEK
     * @throws IllegalArgumentException when a parameter is out of range
     */
    static KeyEncryptionKey passphrase(char[] passphrase, int memoryKiB, int iterations, int parallelism) {
        return new PassphraseKek(passphrase, memoryKiB, iterations, parallelism);
    }

    /**
     * Returns a KEK held as an AES-256 secret-key entry in a PKCS#12 key store (the JDK's
     * {@code KeyStore}).
     *
     * @param keyStore the PKCS#12 file
     * @param password the store and entry password
     * @param alias the entry
     * @return the KEK
     * @throws IOException when the file cannot be read
     * @throws KeyRingStorageException when the password is wrong or the entry is missing or not an AES key
     */
    static KeyEncryptionKey pkcs12(Path keyStore, char[] password, String alias) throws IOException, KeyRingStorageException {
        return Pkcs12Kek.load(keyStore, password, alias);
    }

    /**
     * Creates a PKCS#12 key store holding a new random AES-256 KEK, and returns that KEK. The file
     * is owner-only ({@code 0600}), written durably, and its entry is protected by PBES2 with
     * PBKDF2-HMAC-SHA256 at 600,000 iterations and AES-256 (no PKCS#12 MAC, whose JDK default of
     * 10,000 iterations would be the cheaper check for a password guesser).
     *
     * @param keyStore the file to create; it must not exist
     * @param password the store and entry password
     * @param alias the entry name
     * @return the KEK
     * @throws IOException when the file exists or cannot be written
     * @throws GeneralSecurityException when the JDK cannot make the key store
     */
    static KeyEncryptionKey createPkcs12(Path keyStore, char[] password, String alias) throws IOException, GeneralSecurityException {
        return Pkcs12Kek.create(keyStore, password, alias);
    }

    /**
     * Returns a KEK from raw AES key bytes, for keys held elsewhere (an HSM export, a secret manager).
     *
     * @param id a name for the KEK, stored in clear
     * @param key 16, 24 or 32 key bytes; copied
     * @return the KEK
     * @throws GeneralSecurityException when the key length is wrong
     */
    static KeyEncryptionKey aes(String id, byte[] key) throws GeneralSecurityException {
        return new AesKek(id, key);
    }
}
