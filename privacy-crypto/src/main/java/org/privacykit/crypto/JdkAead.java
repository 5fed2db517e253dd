package org.privacykit.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.spec.AlgorithmParameterSpec;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

/** AES-GCM and ChaCha20-Poly1305 on the JDK provider, with one {@code Cipher} per thread and key. */
final class JdkAead extends AeadEngine {
    private final String transformation;
    private final String name;
    private final boolean gcm;
    private final WipeableKey key;
    // separate ciphers for the two directions: the JDK's ChaCha20-Poly1305 refuses an init with the
    // key and nonce of the previous one, which decrypting what was just encrypted would be
    private final ThreadLocal<Cipher> encryptor;
    private final ThreadLocal<Cipher> decryptor;

    private JdkAead(String transformation, String name, boolean gcm, WipeableKey key) throws GeneralSecurityException {
        this.transformation = transformation;
        this.name = name;
        this.gcm = gcm;
        this.key = key;
        Cipher.getInstance(transformation); // fail now, not on first use, when the JDK lacks it
        this.encryptor = ThreadLocal.withInitial(this::newCipher);
        this.decryptor = ThreadLocal.withInitial(this::newCipher);
    }

    static JdkAead aesGcm(byte[] key) throws GeneralSecurityException {
        if (key == null || (key.length != 16 && key.length != 24 && key.length != 32)) {
            throw new InvalidKeyException("AES-GCM needs a 16, 24 or 32 byte key");
        }
        return new JdkAead("AES/GCM/NoPadding", "AES" + key.length * 8 + "-GCM", true, new WipeableKey(key, "AES"));
    }

    static JdkAead chaCha20Poly1305(byte[] key) throws GeneralSecurityException {
        if (key == null || key.length != 32) {
            throw new InvalidKeyException("ChaCha20-Poly1305 needs a 32 byte key");
        }
        return new JdkAead("ChaCha20-Poly1305", "ChaCha20-Poly1305", false, new WipeableKey(key, "ChaCha20"));
    }

    private Cipher newCipher() {
        try {
            return Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(transformation + " unavailable", e);
        }
    }

    private AlgorithmParameterSpec params(byte[] nonce, int off) {
        return gcm ? new GCMParameterSpec(TAG * 8, nonce, off, NONCE) : new IvParameterSpec(nonce, off, NONCE);
    }

    @Override
    int sealWithNonceAt(byte[] in, int inOff, int inLen, byte[] out, int outOff,
                        byte[] ad1, int ad1Off, int ad1Len, byte[] ad2) throws GeneralSecurityException {
        Cipher cipher = encryptor.get();
        cipher.init(Cipher.ENCRYPT_MODE, key, params(out, outOff));
        updateAad(cipher, ad1, ad1Off, ad1Len, ad2);
        return NONCE + cipher.doFinal(in, inOff, inLen, out, outOff + NONCE);
    }

    @Override
    int open(byte[] in, int inOff, int inLen, byte[] out, int outOff,
             byte[] ad1, int ad1Off, int ad1Len, byte[] ad2) throws GeneralSecurityException {
        if (inLen < OVERHEAD) {
            throw new javax.crypto.AEADBadTagException("ciphertext too short");
        }
        Cipher cipher = decryptor.get();
        initDecryption(cipher, in, inOff);
        updateAad(cipher, ad1, ad1Off, ad1Len, ad2);
        return cipher.doFinal(in, inOff + NONCE, inLen - NONCE, out, outOff);
    }

    /**
     * The JDK's ChaCha20-Poly1305 refuses an init with the key and nonce of its previous init, in
     * either direction, so decrypting the same ciphertext twice in a row on one thread would fail:
     * then it steps to another nonce first.
     */
    private void initDecryption(Cipher cipher, byte[] in, int nonceOff) throws GeneralSecurityException {
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, params(in, nonceOff));
        } catch (InvalidKeyException e) {
            if (gcm) {
                throw e;
            }
            byte[] other = java.util.Arrays.copyOfRange(in, nonceOff, nonceOff + NONCE);
            other[0] ^= 1;
            cipher.init(Cipher.DECRYPT_MODE, key, params(other, 0));
            cipher.init(Cipher.DECRYPT_MODE, key, params(in, nonceOff));
        }
    }

    /**
     * Passes both pieces of associated data in one call: the JDK's GCM copies each call's AAD into a
     * buffer of its own, so one call (a small array joined here) costs less than two.
     */
    private static void updateAad(Cipher cipher, byte[] ad1, int ad1Off, int ad1Len, byte[] ad2) {
        int ad2Len = ad2 == null ? 0 : ad2.length;
        if (ad1Len > 0 && ad2Len > 0) {
            byte[] joined = new byte[ad1Len + ad2Len];
            System.arraycopy(ad1, ad1Off, joined, 0, ad1Len);
            System.arraycopy(ad2, 0, joined, ad1Len, ad2Len);
            cipher.updateAAD(joined);
        } else if (ad1Len > 0) {
            cipher.updateAAD(ad1, ad1Off, ad1Len);
        } else if (ad2Len > 0) {
            cipher.updateAAD(ad2);
        }
    }

    @Override
    String algorithmName() {
        return name;
    }

    @Override
    void wipe() {
        key.destroy();
    }
}
