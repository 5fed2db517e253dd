package org.privacykit.crypto;

import java.security.GeneralSecurityException;

/**
 * Authenticated encryption with associated data, in the shape of Tink's {@code Aead}: each
 * encryption draws a fresh random 96-bit nonce, so equal plaintexts give different ciphertexts.
 * The ciphertext is {@code nonce (12 bytes) || encrypted plaintext || tag (16 bytes)}. The
 * associated data is authenticated, not encrypted: decryption fails unless it is the same.
 * Implementations are thread-safe.
 *
 * <pre>{@code
 * Aead aead = Aead.aesGcm(key);                      // 16, 24 or 32 raw key bytes
 * byte[] ciphertext = aead.encrypt(plaintext, "orders.note".getBytes(UTF_8));
 * byte[] plaintext = aead.decrypt(ciphertext, "orders.note".getBytes(UTF_8));
 * }</pre>
 *
 * <p>Nonces come from a per-thread generator keyed from fresh operating-system entropy every 128
 * nonces, which drops its state when the process is restored from a snapshot (see
 * {@link #afterSnapshotRestore()}); with random 96-bit nonces NIST SP 800-38D allows at most 2^32
 * encryptions under one key (see the module README).
 */
public interface Aead {

    /**
     * Encrypts and authenticates.
     *
     * @param plaintext the plaintext, may be empty
     * @param associatedData authenticated but not encrypted; {@code null} means empty
     * @return {@code nonce || ciphertext || tag}
     * @throws GeneralSecurityException when encryption fails
     */
    byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException;

    /**
     * Checks and decrypts.
     *
     * @param ciphertext what {@link #encrypt} returned
     * @param associatedData the same associated data; {@code null} means empty
     * @return the plaintext
     * @throws GeneralSecurityException when the ciphertext is too short, was modified, or the key or
     *         associated data differ ({@link javax.crypto.AEADBadTagException})
     */
    byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException;

    /**
     * Returns AES-GCM (NIST SP 800-38D) with 96-bit nonces and 128-bit tags, on the JDK's provider
     * (AES-NI and carry-less multiply intrinsics).
     *
     * @param key 16, 24 or 32 raw key bytes
     * @return the AEAD
     * @throws GeneralSecurityException when the key length is wrong
     */
    static Aead aesGcm(byte[] key) throws GeneralSecurityException {
        return JdkAead.aesGcm(key);
    }

    /**
     * Returns ChaCha20-Poly1305 (RFC 8439) on the JDK's provider.
     *
     * @param key 32 raw key bytes
     * @return the AEAD
     * @throws GeneralSecurityException when the key length is wrong
     */
    static Aead chaCha20Poly1305(byte[] key) throws GeneralSecurityException {
        return JdkAead.chaCha20Poly1305(key);
    }

    /**
     * Returns AES-GCM-SIV (RFC 8452), which stays secure when a nonce repeats (it then only reveals
     * that two plaintexts were equal). Built on BouncyCastle's lightweight API; slower than
     * {@link #aesGcm} because BouncyCastle's AES is not AES-NI accelerated.
     *
     * @param key 16 or 32 raw key bytes
     * @return the AEAD
     * @throws GeneralSecurityException when the key length is wrong
     */
    static Aead aesGcmSiv(byte[] key) throws GeneralSecurityException {
        return new AesGcmSiv(key);
    }

    /**
     * Makes every thread's nonce generator drop what it holds and take fresh entropy before its next
     * nonce. Call it from the restore hook of a platform that snapshots or clones the process (a VM
     * snapshot, Firecracker), so the copies never reuse a nonce under the same key. With CRaC
     * ({@code org.crac} or {@code jdk.crac}, as AWS Lambda SnapStart runs it) this happens by itself.
     * Without any hook, a clone repeats at most the rest of one batch of 128 nonces per thread.
     */
    static void afterSnapshotRestore() {
        NonceSource.afterRestore();
    }
}
