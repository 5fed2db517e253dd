package org.privacykit.crypto;

import java.time.Instant;

/** What a {@link KeyRing} tells about one of its keys: id, algorithm, status, creation time. Never key material. Immutable. */
public final class KeyInfo {
    private final int id;
    private final AeadAlgorithm algorithm;
    private final KeyStatus status;
    private final Instant createdAt;
    private final boolean primary;

    KeyInfo(int id, AeadAlgorithm algorithm, KeyStatus status, Instant createdAt, boolean primary) {
        this.id = id;
        this.algorithm = algorithm;
        this.status = status;
        this.createdAt = createdAt;
        this.primary = primary;
    }

    /**
     * Returns the key id, which ciphertexts carry in their header.
     *
     * @return the id
     */
    public int id() {
        return id;
    }

    /**
     * Returns the id as text, {@code k-} and eight hex digits, as {@code toString} and audit events show it.
     *
     * @return the id text
     */
    public String name() {
        return KeyEntry.name(id);
    }

    /**
     * Returns the randomized AEAD this key encrypts with.
     *
     * @return the algorithm
     */
    public AeadAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * Returns the key's status.
     *
     * @return the status
     */
    public KeyStatus status() {
        return status;
    }

    /**
     * Returns when the key was created.
     *
     * @return the creation time
     */
    public Instant createdAt() {
        return createdAt;
    }

    /**
     * Tells whether the key is the primary, the one new data is encrypted with.
     *
     * @return {@code true} for the primary
     */
    public boolean isPrimary() {
        return primary;
    }

    @Override
    public String toString() {
        return name() + " " + algorithm + " " + status + (primary ? " primary" : "");
    }
}
