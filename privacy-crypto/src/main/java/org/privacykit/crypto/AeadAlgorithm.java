package org.privacykit.crypto;

/**
 * The randomized AEAD a key ring key encrypts with. Deterministic fields always use AES-SIV and
 * format-preserving fields FF1, with keys derived from the same root key.
 */
public enum AeadAlgorithm {
    /** AES-256-GCM on the JDK (AES-NI): the default and the fastest. */
    AES_256_GCM(1, "AES-256-GCM"),
    /** ChaCha20-Poly1305 on the JDK: for machines without AES instructions. */
    CHACHA20_POLY1305(2, "ChaCha20-Poly1305"),
    /** AES-256-GCM-SIV (RFC 8452) on BouncyCastle: nonce-misuse resistant, several times slower. */
    AES_256_GCM_SIV(3, "AES-256-GCM-SIV");

    private final int code;
    private final String displayName;

    AeadAlgorithm(int code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    int code() {
        return code;
    }

    static AeadAlgorithm ofCode(int code) {
        for (AeadAlgorithm a : values()) {
            if (a.code == code) {
                return a;
            }
        }
        return null;
    }

    AeadEngine engine(byte[] key) throws java.security.GeneralSecurityException {
        switch (this) {
            case AES_256_GCM:
                return JdkAead.aesGcm(key);
            case CHACHA20_POLY1305:
                return JdkAead.chaCha20Poly1305(key);
            default:
                return new AesGcmSiv(key);
        }
    }

    @Override
    public String toString() {
        return displayName;
    }
}
