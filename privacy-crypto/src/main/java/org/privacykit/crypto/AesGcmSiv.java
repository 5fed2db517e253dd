package org.privacykit.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;

import javax.crypto.AEADBadTagException;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMSIVBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** AES-GCM-SIV (RFC 8452) on BouncyCastle's lightweight {@code GCMSIVBlockCipher}, one per thread. */
final class AesGcmSiv extends AeadEngine {
    private final KeyParameter key;
    private volatile boolean wiped;
    private final ThreadLocal<GCMSIVBlockCipher> local =
            ThreadLocal.withInitial(() -> new GCMSIVBlockCipher(AESEngine.newInstance()));

    AesGcmSiv(byte[] keyBytes) throws GeneralSecurityException {
        if (keyBytes == null || (keyBytes.length != 16 && keyBytes.length != 32)) {
            throw new InvalidKeyException("AES-GCM-SIV needs a 16 or 32 byte key");
        }
        this.key = new KeyParameter(keyBytes.clone());
    }

    @Override
    int sealWithNonceAt(byte[] in, int inOff, int inLen, byte[] out, int outOff,
                        byte[] ad1, int ad1Off, int ad1Len, byte[] ad2) throws GeneralSecurityException {
        GCMSIVBlockCipher cipher = cipher();
        byte[] nonce = java.util.Arrays.copyOfRange(out, outOff, outOff + NONCE);
        cipher.init(true, new AEADParameters(key, TAG * 8, nonce));
        cipher.processAADBytes(ad1, ad1Off, ad1Len);
        if (ad2 != null) {
            cipher.processAADBytes(ad2, 0, ad2.length);
        }
        int n = cipher.processBytes(in, inOff, inLen, out, outOff + NONCE);
        try {
            n += cipher.doFinal(out, outOff + NONCE + n);
        } catch (InvalidCipherTextException e) {
            throw new GeneralSecurityException("AES-GCM-SIV encryption failed", e);
        }
        return NONCE + n;
    }

    @Override
    int open(byte[] in, int inOff, int inLen, byte[] out, int outOff,
             byte[] ad1, int ad1Off, int ad1Len, byte[] ad2) throws GeneralSecurityException {
        if (inLen < OVERHEAD) {
            throw new AEADBadTagException("ciphertext too short");
        }
        GCMSIVBlockCipher cipher = cipher();
        byte[] nonce = java.util.Arrays.copyOfRange(in, inOff, inOff + NONCE);
        cipher.init(false, new AEADParameters(key, TAG * 8, nonce));
        cipher.processAADBytes(ad1, ad1Off, ad1Len);
        if (ad2 != null) {
            cipher.processAADBytes(ad2, 0, ad2.length);
        }
        // GCM-SIV needs the whole message before it can check the tag; BouncyCastle buffers it
        byte[] plain = new byte[inLen - OVERHEAD];
        int n = cipher.processBytes(in, inOff + NONCE, inLen - NONCE, plain, 0);
        try {
            n += cipher.doFinal(plain, n);
        } catch (InvalidCipherTextException | IllegalStateException e) {
            cipher.reset();
            throw new AEADBadTagException("AES-GCM-SIV authentication failed");
        }
        System.arraycopy(plain, 0, out, outOff, n);
        return n;
    }

    private GCMSIVBlockCipher cipher() {
        if (wiped) {
            throw new IllegalStateException("the AES-GCM-SIV key was destroyed");
        }
        return local.get();
    }

    @Override
    void wipe() {
        wiped = true;
        java.util.Arrays.fill(key.getKey(), (byte) 0);
    }

    @Override
    String algorithmName() {
        return "AES" + key.getKeyLength() * 8 + "-GCM-SIV";
    }
}
