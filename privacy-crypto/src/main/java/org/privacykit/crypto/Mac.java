package org.privacykit.crypto;

import java.security.GeneralSecurityException;

/**
 * A message authentication code, in the shape of Tink's {@code Mac}: compute a tag, verify a tag.
 * Implementations are thread-safe.
 *
 * <pre>{@code
 * Mac mac = Mac.hmacSha256(key);
 * byte[] tag = mac.computeMac(data);
 * mac.verifyMac(tag, data);            // throws when the tag does not match
 * }</pre>
 */
public interface Mac {

    /**
     * Computes the tag of some data.
     *
     * @param data the data
     * @return the tag (32 bytes for HMAC-SHA256)
     * @throws GeneralSecurityException when the tag cannot be computed
     */
    byte[] computeMac(byte[] data) throws GeneralSecurityException;

    /**
     * Verifies a tag in constant time. A truncated tag (at least 10 bytes, a prefix of the full tag)
     * is accepted, as RFC 2104 allows.
     *
     * @param tag the tag to check
     * @param data the data
     * @throws GeneralSecurityException when the tag does not match
     */
    void verifyMac(byte[] tag, byte[] data) throws GeneralSecurityException;

    /**
     * Returns HMAC-SHA256 (RFC 2104) under raw key bytes, on the JDK's HMAC.
     *
     * @param key the key, at least 16 bytes
     * @return the MAC
     * @throws GeneralSecurityException when the key is shorter than 16 bytes
     */
    static Mac hmacSha256(byte[] key) throws GeneralSecurityException {
        return new HmacSha256(key);
    }
}
