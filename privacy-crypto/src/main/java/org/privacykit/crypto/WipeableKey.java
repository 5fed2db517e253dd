package org.privacykit.crypto;

import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.util.Arrays;

import javax.crypto.SecretKey;

/**
 * A raw secret key whose bytes this library can zero: unlike {@code SecretKeySpec}, whose copy of
 * the bytes cannot be reached, {@link #destroy()} wipes them, and a destroyed key refuses to give
 * them out again, so a cipher initialized with it afterwards fails instead of running under zeros.
 * (A JDK {@code Cipher} keeps its own expanded copy while it lives; those copies belong to
 * per-thread ciphers and go with them.) Never serialized, never printed.
 */
final class WipeableKey implements SecretKey {
    private static final long serialVersionUID = 1L;

    private final String algorithm;
    private final byte[] bytes;
    private volatile boolean destroyed;

    /** Copies {@code length} bytes from {@code offset}. */
    WipeableKey(byte[] key, int offset, int length, String algorithm) {
        this.bytes = Arrays.copyOfRange(key, offset, offset + length);
        this.algorithm = algorithm;
    }

    WipeableKey(byte[] key, String algorithm) {
        this(key, 0, key.length, algorithm);
    }

    @Override
    public String getAlgorithm() {
        return algorithm;
    }

    @Override
    public String getFormat() {
        return "RAW";
    }

    @Override
    public byte[] getEncoded() {
        if (destroyed) {
            throw new IllegalStateException("the " + algorithm + " key was destroyed");
        }
        return bytes.clone();
    }

    int length() {
        return bytes.length;
    }

    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    private void writeObject(ObjectOutputStream out) throws NotSerializableException {
        throw new NotSerializableException("keys are not serializable");
    }

    @Override
    public String toString() {
        return "WipeableKey[" + algorithm + ", " + bytes.length * 8 + " bits" + (destroyed ? ", destroyed" : "") + "]";
    }
}
