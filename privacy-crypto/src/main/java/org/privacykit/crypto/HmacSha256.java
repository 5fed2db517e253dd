package org.privacykit.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 with one initialized JDK {@code Mac} per thread (a JDK Mac is not thread-safe). */
final class HmacSha256 implements Mac {
    static final int MIN_KEY = 16;
    static final int MIN_TAG = 10;

    private final SecretKeySpec key;
    private final ThreadLocal<javax.crypto.Mac> local;

    HmacSha256(byte[] keyBytes) throws GeneralSecurityException {
        if (keyBytes == null || keyBytes.length < MIN_KEY) {
            throw new GeneralSecurityException("HMAC-SHA256 needs a key of at least " + MIN_KEY + " bytes");
        }
        this.key = new SecretKeySpec(keyBytes, "HmacSHA256");
        javax.crypto.Mac.getInstance("HmacSHA256").init(key);
        this.local = ThreadLocal.withInitial(this::newMac);
    }

    private javax.crypto.Mac newMac() {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | java.security.InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Returns this thread's initialized MAC, reset. */
    javax.crypto.Mac mac() {
        return local.get();
    }

    @Override
    public byte[] computeMac(byte[] data) {
        return local.get().doFinal(data);
    }

    @Override
    public void verifyMac(byte[] tag, byte[] data) throws GeneralSecurityException {
        byte[] expected = computeMac(data);
        if (tag == null || tag.length < MIN_TAG || tag.length > expected.length
                || !MessageDigest.isEqual(java.util.Arrays.copyOf(expected, tag.length), tag)) {
            throw new GeneralSecurityException("invalid MAC");
        }
    }

    @Override
    public String toString() {
        return "Mac[HMAC-SHA256]";
    }
}
