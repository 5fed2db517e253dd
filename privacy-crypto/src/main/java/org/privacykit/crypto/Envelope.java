package org.privacykit.crypto;

/**
 * Constants of the ciphertext format (the module README documents the layout):
 *
 * <pre>
 * version (1) = 1 | algorithm (1) | key id (4, big-endian) | body
 * algorithm: 1 AES-256-GCM, 2 ChaCha20-Poly1305, 3 AES-256-GCM-SIV (body: nonce 12 | ct | tag 16)
 *            4 AES-256-SIV, deterministic (body: SIV 16 | ct)
 *            0x80 | 1..3: randomized under the subject's data key; key id = subject key id
 * </pre>
 */
final class Envelope {
    static final int VERSION = 1;
    static final int HEADER = 6;
    static final int SUBJECT_FLAG = 0x80;
    static final int AES_SIV = 4;

    private Envelope() {
    }

    static void header(byte[] out, int algorithm, int keyId) {
        out[0] = VERSION;
        out[1] = (byte) algorithm;
        out[2] = (byte) (keyId >>> 24);
        out[3] = (byte) (keyId >>> 16);
        out[4] = (byte) (keyId >>> 8);
        out[5] = (byte) keyId;
    }

    static int keyId(byte[] in) {
        return (in[2] & 0xff) << 24 | (in[3] & 0xff) << 16 | (in[4] & 0xff) << 8 | (in[5] & 0xff);
    }

    /** Bytes of a randomized ciphertext for a plaintext of {@code n} UTF-8 bytes. */
    static int randomizedBytes(int n) {
        return HEADER + AeadEngine.OVERHEAD + n;
    }

    /** Bytes of a deterministic ciphertext for a plaintext of {@code n} UTF-8 bytes. */
    static int deterministicBytes(int n) {
        return HEADER + AesSiv.SIV + n;
    }
}
