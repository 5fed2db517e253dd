package org.privacykit.crypto;

import java.security.GeneralSecurityException;
import java.time.Instant;

/**
 * One key of a key ring: id, algorithm, status, creation time and its {@link KeyMaterial} (none
 * once destroyed). Immutable; a status change makes a new entry sharing the material. Never prints
 * key bytes; no equals or hashCode over them.
 */
final class KeyEntry {
    static final int ROOT_LENGTH = KeyMaterial.LENGTH;

    final int id;
    final AeadAlgorithm algorithm;
    final KeyStatus status;
    final Instant createdAt;
    private final KeyMaterial material;

    KeyEntry(int id, AeadAlgorithm algorithm, KeyStatus status, Instant createdAt, KeyMaterial material) {
        if ((status == KeyStatus.DESTROYED) != (material == null)) {
            throw new IllegalArgumentException("a destroyed key has no material, every other key has");
        }
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

    /** The same key with another material object holding equal bytes (to keep caches across a reload). */
    KeyEntry withMaterial(KeyMaterial same) {
        return new KeyEntry(id, algorithm, status, createdAt, same);
    }

    boolean hasMaterial() {
        return material != null;
    }

    /** The material, or {@code null} when destroyed. */
    KeyMaterial material() {
        return material;
    }

    /** The working keys of a context under this key. */
    FieldKeys keys(String context) throws GeneralSecurityException {
        if (material == null) {
            throw new GeneralSecurityException("key " + name(id) + " was destroyed");
        }
        return material.keys(this, context);
    }

    KeyInfo info(boolean primary) {
        return new KeyInfo(id, algorithm, status, createdAt, primary);
    }

    @Override
    public String toString() {
        return name(id) + " " + algorithm + " " + status;
    }
}
