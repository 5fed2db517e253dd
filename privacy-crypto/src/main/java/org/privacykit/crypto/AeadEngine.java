package org.privacykit.crypto;

import java.security.GeneralSecurityException;

/**
 * The shared core of the randomized AEADs: nonce, then ciphertext, then a 16-byte tag, with the
 * associated data given as up to two parts (the envelope header and the field binding) so the hot
 * path never concatenates them. One instance per key; thread-safe.
 */
abstract class AeadEngine implements Aead {
    static final int NONCE = 12;
    static final int TAG = 16;
    static final int OVERHEAD = NONCE + TAG;
    static final byte[] EMPTY = new byte[0];

    /** Encrypts with a fresh random nonce written at {@code out[outOff]}; returns the bytes written. */
    final int seal(byte[] in, int inOff, int inLen, byte[] out, int outOff,
                   byte[] ad1, int ad1Off, int ad1Len, byte[] ad2) throws GeneralSecurityException {
        NonceSource.next(out, outOff, NONCE);
        return sealWithNonceAt(in, inOff, inLen, out, outOff, ad1, ad1Off, ad1Len, ad2);
    }

    /**
     * Encrypts with the nonce already at {@code out[outOff, outOff + 12)}; the known-answer tests
     * use it directly. Returns the bytes written, nonce included.
     */
    abstract int sealWithNonceAt(byte[] in, int inOff, int inLen, byte[] out, int outOff,
                                 byte[] ad1, int ad1Off, int ad1Len, byte[] ad2) throws GeneralSecurityException;

    /**
     * Decrypts {@code in[inOff, inOff + inLen)} (nonce, ciphertext, tag) into {@code out[outOff]};
     * returns the plaintext length. {@code out} has room for {@code inLen - OVERHEAD} bytes.
     */
    abstract int open(byte[] in, int inOff, int inLen, byte[] out, int outOff,
                      byte[] ad1, int ad1Off, int ad1Len, byte[] ad2) throws GeneralSecurityException;

    abstract String algorithmName();

    /** Zeroes the key bytes this engine holds; it refuses every use afterwards. */
    abstract void wipe();

    @Override
    public final byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
        byte[] ad = associatedData == null ? EMPTY : associatedData;
        byte[] out = new byte[plaintext.length + OVERHEAD];
        seal(plaintext, 0, plaintext.length, out, 0, ad, 0, ad.length, null);
        return out;
    }

    @Override
    public final byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
        if (ciphertext == null || ciphertext.length < OVERHEAD) {
            throw new GeneralSecurityException("ciphertext too short");
        }
        byte[] ad = associatedData == null ? EMPTY : associatedData;
        byte[] out = new byte[ciphertext.length - OVERHEAD];
        int n = open(ciphertext, 0, ciphertext.length, out, 0, ad, 0, ad.length, null);
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    @Override
    public String toString() {
        return "Aead[" + algorithmName() + "]";
    }
}
