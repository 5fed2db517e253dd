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
     * Verifies a tag in constant time. The tag length is fixed per key: a tag of any other length,
     * a truncated one included, is refused.
     *
     * @param tag the tag to check
     * @param data the data
     * @throws GeneralSecurityException when the tag does not match
     */
    void verifyMac(byte[] tag, byte[] data) throws GeneralSecurityException;

    /**
     * Returns HMAC-SHA256 (RFC 2104) under raw key bytes, on the JDK's HMAC, with full 32-byte tags.
     *
     * @param key the key, at least 16 bytes; copied
     * @return the MAC
     * @throws GeneralSecurityException when the key is shorter than 16 bytes
     */
    static Mac hmacSha256(byte[] key) throws GeneralSecurityException {
        return new HmacSha256(key);
    }

    /**
     * Returns HMAC-SHA256 with tags truncated to a fixed length (RFC 2104 section 5), for formats
     * that store a shorter tag. Its verifier accepts tags of exactly that length.
     *
     * @param key the key, at least 16 bytes; copied
     * @param tagLength the tag length in bytes, 16 to 32
     * @return the MAC
     * @throws GeneralSecurityException when the key is shorter than 16 bytes or the length is out of range
     */
    static Mac hmacSha256(byte[] key, int tagLength) throws GeneralSecurityException {
        return new HmacSha256(key, tagLength);
    }
}
