package org.privacykit.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA256 with one initialized JDK {@code Mac} per thread (a JDK Mac is not thread-safe). The
 * tag length is fixed per key, full (32 bytes) unless chosen shorter when the key is made, and the
 * verifier accepts that length only: a tag cut shorter by an attacker is refused.
 */
final class HmacSha256 implements Mac {
    static final int MIN_KEY = 16;
    static final int FULL_TAG = 32;
    /** The shortest tag a key may be given: 128 bits, so a forgery stays a 2^128 guess. */
    static final int MIN_TAG = 16;

    private final WipeableKey key;
    private final int tagLength;
    private final ThreadLocal<javax.crypto.Mac> local;

    HmacSha256(byte[] keyBytes) throws GeneralSecurityException {
        this(keyBytes, FULL_TAG);
    }

    HmacSha256(byte[] keyBytes, int tagLength) throws GeneralSecurityException {
        if (keyBytes == null || keyBytes.length < MIN_KEY) {
            throw new InvalidKeyException("HMAC-SHA256 needs a key of at least " + MIN_KEY + " bytes");
        }
        if (tagLength < MIN_TAG || tagLength > FULL_TAG) {
            throw new GeneralSecurityException("HMAC-SHA256 tags are " + MIN_TAG + " to " + FULL_TAG + " bytes, was " + tagLength);
        }
        this.key = new WipeableKey(keyBytes, "HmacSHA256");
        this.tagLength = tagLength;
        javax.crypto.Mac.getInstance("HmacSHA256").init(key);
        this.local = ThreadLocal.withInitial(this::newMac);
    }

    private javax.crypto.Mac newMac() {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Returns this thread's initialized MAC, reset. */
    javax.crypto.Mac mac() {
        if (key.isDestroyed()) {
            throw new IllegalStateException("the HMAC-SHA256 key was destroyed");
        }
        return local.get();
    }

    int tagLength() {
        return tagLength;
    }

    @Override
    public byte[] computeMac(byte[] data) {
        byte[] full = mac().doFinal(data);
        return tagLength == FULL_TAG ? full : Arrays.copyOf(full, tagLength);
    }

    @Override
    public void verifyMac(byte[] tag, byte[] data) throws GeneralSecurityException {
        byte[] expected = computeMac(data);
        // isEqual compares in time that depends on the lengths only, and a wrong length is refused
        if (tag == null || !MessageDigest.isEqual(expected, tag)) {
            throw new GeneralSecurityException("invalid MAC");
        }
    }

    /** Zeroes the key; every use afterwards fails. */
    void wipe() {
        key.destroy();
    }

    @Override
    public String toString() {
        return "Mac[HMAC-SHA256" + (tagLength == FULL_TAG ? "" : ", " + tagLength + "-byte tags") + "]";
    }
}
