package org.privacykit.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.Objects;

import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869), on the JDK's HMAC. privacy-kit derives every per-field,
 * per-purpose key from a key ring's root keys with it, once per key and field (derived keys are
 * cached, never derived per call).
 *
 * <pre>{@code
 * byte[] fieldKey = Hkdf.sha256(rootKey, null, "orders.note".getBytes(UTF_8), 32);
 * }</pre>
 */
public final class Hkdf {
    /** The largest output HKDF-SHA256 can give: 255 blocks of 32 bytes. */
    public static final int MAX_LENGTH = 255 * 32;

    private Hkdf() {
    }

    /**
     * Derives key material: extract with the salt, then expand with the info.
     *
     * @param inputKeyMaterial the input key material, not empty
     * @param salt the salt; {@code null} or empty means 32 zero bytes
     * @param info the context and application specific information, may be empty
     * @param length how many bytes to derive, 1 to {@link #MAX_LENGTH}
     * @return the output key material
     * @throws GeneralSecurityException when the length is out of range or the JDK lacks HMAC-SHA256
     */
    public static byte[] sha256(byte[] inputKeyMaterial, byte[] salt, byte[] info, int length)
            throws GeneralSecurityException {
        Objects.requireNonNull(inputKeyMaterial, "inputKeyMaterial");
        if (length < 1 || length > MAX_LENGTH) {
            throw new GeneralSecurityException("HKDF-SHA256 output length must be 1 to " + MAX_LENGTH + " bytes, was " + length);
        }
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        byte[] effectiveSalt = salt == null || salt.length == 0 ? new byte[32] : salt;
        mac.init(new SecretKeySpec(effectiveSalt, "HmacSHA256"));
        byte[] prk = mac.doFinal(inputKeyMaterial.length == 0 ? new byte[0] : inputKeyMaterial);
        try {
            return expand(mac, prk, info == null ? new byte[0] : info, length);
        } finally {
            Arrays.fill(prk, (byte) 0);
        }
    }

    private static byte[] expand(javax.crypto.Mac mac, byte[] prk, byte[] info, int length) throws InvalidKeyException {
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        byte[] out = new byte[length];
        byte[] block = new byte[0];
        int done = 0;
        for (int counter = 1; done < length; counter++) {
            mac.update(block);
            mac.update(info);
            mac.update((byte) counter);
            block = mac.doFinal();
            int n = Math.min(block.length, length - done);
            System.arraycopy(block, 0, out, done, n);
            done += n;
        }
        Arrays.fill(block, (byte) 0);
        return out;
    }
}
