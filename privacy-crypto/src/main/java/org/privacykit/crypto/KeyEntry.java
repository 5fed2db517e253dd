package org.privacykit.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;

/**
 * One key of a key ring: a 256-bit root key from which every working key is derived with HKDF.
 * Immutable except that {@link #wipe()} zeroes the material of a destroyed key. Never prints its
 * bytes; no equals or hashCode over them.
 */
final class KeyEntry {
    static final int ROOT_LENGTH = 32;

    final int id;
    final AeadAlgorithm algorithm;
    final KeyStatus status;
    final Instant createdAt;
    private final byte[] material;

    KeyEntry(int id, AeadAlgorithm algorithm, KeyStatus status, Instant createdAt, byte[] material) {
        this.id = id;
        this.algorithm = algorithm;
        this.status = status;
        this.createdAt = createdAt;
        this.material = material;
    }

    static String name(int id) {
        return String.format("k-%08x", id);
    }

    KeyEntry withStatus(KeyStatus newStatus) {
        return new KeyEntry(id, algorithm, newStatus, createdAt, newStatus == KeyStatus.DESTROYED ? null : material);
    }

    boolean hasMaterial() {
        return material != null;
    }

    /** The raw material, for the key-ring file writer only. */
    byte[] material() {
        return material;
    }

    void wipe() {
        if (material != null) {
            java.util.Arrays.fill(material, (byte) 0);
        }
    }

    /**
     * Derives a working key: HKDF-SHA256 of the root key with info
     * {@code "privacykit/v1/" + purpose + 0x00 + context}.
     */
    byte[] derive(String purpose, String context, int length) throws GeneralSecurityException {
        if (material == null) {
            throw new GeneralSecurityException("key " + name(id) + " was destroyed");
        }
        byte[] info = ("privacykit/v1/" + purpose + "\0" + context).getBytes(StandardCharsets.UTF_8);
        return Hkdf.sha256(material, null, info, length);
    }

    KeyInfo info(boolean primary) {
        return new KeyInfo(id, algorithm, status, createdAt, primary);
    }

    @Override
    public String toString() {
        return name(id) + " " + algorithm + " " + status;
    }
}
