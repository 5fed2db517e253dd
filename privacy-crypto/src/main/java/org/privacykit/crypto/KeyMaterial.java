package org.privacykit.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The 256-bit root key of one key-ring key and every working key derived from it, per context name.
 * Derived keys are made once per (key, context, purpose) and shared by every encryptor over the
 * ring; {@link #wipe()}, called when the key is destroyed, zeroes the root and every derived key at
 * once, in all of them. The versions of a key with another status share one material.
 */
final class KeyMaterial {
    static final int LENGTH = 32;

    private final byte[] root;
    private final ConcurrentHashMap<String, FieldKeys> contexts = new ConcurrentHashMap<>();
    private volatile boolean wiped;

    /** Takes ownership of {@code root} (no copy). */
    KeyMaterial(byte[] root) {
        if (root.length != LENGTH) {
            throw new IllegalArgumentException("key material must be " + LENGTH + " bytes; got " + root.length);
        }
        this.root = root;
    }

    /** The raw root key, for the key-ring file writer only. */
    byte[] root() {
        if (wiped) {
            throw new IllegalStateException("the key was destroyed");
        }
        return root;
    }

    boolean sameAs(KeyMaterial other) {
        return other == this || java.security.MessageDigest.isEqual(root, other.root);
    }

    /**
     * Derives a working key: HKDF-SHA256 of the root key with info
     * {@code "privacykit/v1/" + purpose + 0x00 + context}. Purposes are fixed strings without 0x00,
     * so distinct (purpose, context) pairs never share an info string.
     */
    byte[] derive(String purpose, String context, int length) throws GeneralSecurityException {
        requireLive();
        byte[] info = ("privacykit/v1/" + purpose + "\0" + context).getBytes(StandardCharsets.UTF_8);
        byte[] key = Hkdf.sha256(root, null, info, length);
        if (wiped) {
            Arrays.fill(key, (byte) 0);
            throw destroyed();
        }
        return key;
    }

    /** The working keys of one context for this key, made on first use. */
    FieldKeys keys(KeyEntry entry, String context) throws GeneralSecurityException {
        FieldKeys k = contexts.get(context);
        if (k == null) {
            requireLive();
            k = contexts.computeIfAbsent(context, c -> new FieldKeys(this, entry.id, entry.algorithm, c));
            if (wiped) {
                k.wipe();
                throw destroyed();
            }
        }
        return k;
    }

    private void requireLive() throws GeneralSecurityException {
        if (wiped) {
            throw destroyed();
        }
    }

    private static GeneralSecurityException destroyed() {
        return new GeneralSecurityException("the key was destroyed");
    }

    boolean isWiped() {
        return wiped;
    }

    /** Zeroes the root key and every key derived from it; each use afterwards fails. */
    void wipe() {
        wiped = true;
        Arrays.fill(root, (byte) 0);
        for (FieldKeys k : contexts.values()) {
            k.wipe();
        }
        contexts.clear();
    }
}
