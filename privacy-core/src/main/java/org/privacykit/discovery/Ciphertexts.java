package org.privacykit.discovery;

import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * Recognizes privacy-kit ciphertexts by their format (privacy-crypto's README, "Ciphertext format"),
 * without privacy-crypto: base64url text without padding whose bytes start with format version 1,
 * a known algorithm and a 4-byte key id, and are long enough for that algorithm's nonce, tag or
 * SIV. Random text passes by chance with a probability below 2^-12 per value (the version and
 * algorithm bytes), so a column where every value passes is encrypted. Format-preserving values
 * look like the values they replace and cannot be recognized.
 */
final class Ciphertexts {
    static final int VERSION = 1;
    static final int HEADER = 6;
    static final int SUBJECT_FLAG = 0x80;
    static final int AES_SIV = 4;
    /** Nonce (12) and tag (16) of the randomized algorithms. */
    static final int RANDOMIZED_OVERHEAD = 28;
    /** The synthetic IV of AES-SIV. */
    static final int SIV = 16;
    /** The longest text inspected: longer values are not decoded (privacy-kit ciphertexts of real fields are far shorter). */
    static final int MAX_CHARS = 1 << 20;

    /** How a recognized value was encrypted. */
    enum Mode { RANDOMIZED, DETERMINISTIC, SUBJECT_KEY }

    /** A recognized ciphertext: its mode and key id. */
    record Envelope(Mode mode, int keyId) {
        String keyIdHex() {
            return String.format("%08x", keyId);
        }
    }

    private Ciphertexts() {
    }

    static @Nullable Envelope inspect(String text) {
        int n = text.length();
        if (n < 30 || n > MAX_CHARS || (n & 3) == 1) {
            return null; // the shortest ciphertext (deterministic, empty value) is 30 characters
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!alphabet) {
                return null;
            }
        }
        byte[] in;
        try {
            in = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (in.length < HEADER || in[0] != VERSION) {
            return null;
        }
        int algorithm = in[1] & 0xff;
        int keyId = (in[2] & 0xff) << 24 | (in[3] & 0xff) << 16 | (in[4] & 0xff) << 8 | (in[5] & 0xff);
        int body = in.length - HEADER;
        if (algorithm == AES_SIV) {
            return body >= SIV ? new Envelope(Mode.DETERMINISTIC, keyId) : null;
        }
        int aead = algorithm & ~SUBJECT_FLAG;
        if (aead < 1 || aead > 3 || body < RANDOMIZED_OVERHEAD) {
            return null;
        }
        return new Envelope((algorithm & SUBJECT_FLAG) != 0 ? Mode.SUBJECT_KEY : Mode.RANDOMIZED, keyId);
    }
}
