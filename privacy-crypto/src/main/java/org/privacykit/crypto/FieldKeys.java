package org.privacykit.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The working keys of one key-ring key for one context name, one per {@link Purpose}, each derived
 * on first use and kept: HKDF runs once per (key, context, purpose), never per call.
 *
 * <p>Each purpose has its own HKDF info, so no two users of a ring share a key: the
 * {@link FieldEncryptor}'s field keys, blind indexes, subject-key wrapping and the raw primitives
 * of {@link KeyRing#aead} and friends each derive their own, even for the same context name.
 */
final class FieldKeys {
    /** What a derived key is for; the label is part of its HKDF info and must never change. */
    enum Purpose {
        /** {@link FieldEncryptor} randomized fields; followed by the algorithm code. */
        FIELD_AEAD("aead/", 0),
        /** {@link FieldEncryptor} deterministic fields (AES-SIV, 64 bytes). */
        FIELD_SIV("aes-siv", 1),
        /** {@link FieldEncryptor} format-preserving fields (FF1). */
        FIELD_FF1("ff1", 2),
        /** {@link BlindIndex}. */
        BLIND_INDEX("blind-index", 3),
        /** Wrapping of subjects' data keys; followed by the algorithm code. */
        SUBJECT_WRAP("subject-key-wrap/", 4),
        /** {@link KeyRing#aead}; followed by the algorithm code. */
        RING_AEAD("ring-aead/", 5),
        /** {@link KeyRing#deterministicAead}. */
        RING_SIV("ring-aes-siv", 6),
        /** {@link KeyRing#mac}. */
        RING_MAC("ring-hmac-sha256", 7),
        /** {@link KeyRing#formatPreserving}. */
        RING_FF1("ring-ff1", 8),
        /** {@link FormatPreservingPseudonymizer}. */
        PSEUDONYM_FF1("fpe-pseudonym", 9);

        final String label;
        /** Where this purpose's key is kept in {@link FieldKeys}; distinct per purpose. */
        final int slot;

        Purpose(String label, int slot) {
            this.label = label;
            this.slot = slot;
        }
    }

    private static final int SLOTS = Purpose.values().length;

    final int keyId;
    final AeadAlgorithm algorithm;
    private final KeyMaterial material;
    private final String context;
    private final AtomicReferenceArray<Object> keys = new AtomicReferenceArray<>(SLOTS);
    private volatile byte[] sivPrefix;

    FieldKeys(KeyMaterial material, int keyId, AeadAlgorithm algorithm, String context) {
        this.material = material;
        this.keyId = keyId;
        this.algorithm = algorithm;
        this.context = context;
    }

    /** The randomized AEAD of a purpose ({@link Purpose#FIELD_AEAD}, {@link Purpose#SUBJECT_WRAP}, {@link Purpose#RING_AEAD}). */
    AeadEngine aead(Purpose purpose) throws GeneralSecurityException {
        Object k = keys.get(purpose.slot);
        if (k == null) {
            byte[] bytes = material.derive(purpose.label + algorithm.code(), context, 32);
            try {
                k = publish(purpose, algorithm.engine(bytes));
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
        return (AeadEngine) k;
    }

    /** AES-SIV of a purpose ({@link Purpose#FIELD_SIV}, {@link Purpose#RING_SIV}). */
    AesSiv siv(Purpose purpose) throws GeneralSecurityException {
        Object k = keys.get(purpose.slot);
        if (k == null) {
            byte[] bytes = material.derive(purpose.label, context, 64);
            try {
                k = publish(purpose, new AesSiv(bytes));
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
        return (AesSiv) k;
    }

    /** FF1 of a purpose ({@link Purpose#FIELD_FF1}, {@link Purpose#RING_FF1}, {@link Purpose#PSEUDONYM_FF1}). */
    Ff1 ff1(Purpose purpose) throws GeneralSecurityException {
        Object k = keys.get(purpose.slot);
        if (k == null) {
            byte[] bytes = material.derive(purpose.label, context, 32);
            try {
                k = publish(purpose, new Ff1(bytes));
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
        return (Ff1) k;
    }

    /** HMAC-SHA256 with full tags of a purpose ({@link Purpose#BLIND_INDEX}, {@link Purpose#RING_MAC}). */
    HmacSha256 mac(Purpose purpose) throws GeneralSecurityException {
        Object k = keys.get(purpose.slot);
        if (k == null) {
            byte[] bytes = material.derive(purpose.label, context, 32);
            try {
                k = publish(purpose, new HmacSha256(bytes));
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
        return (HmacSha256) k;
    }

    /**
     * The AES-SIV S2V state after a deterministic field's fixed associated data (the header, which
     * holds this key's id, and the field binding), computed once.
     */
    byte[] sivPrefix(byte[] binding) throws GeneralSecurityException {
        byte[] p = sivPrefix;
        if (p == null) {
            byte[] header = new byte[Envelope.HEADER];
            Envelope.header(header, Envelope.AES_SIV, keyId);
            p = siv(Purpose.FIELD_SIV).prefix(header, 0, Envelope.HEADER, binding);
            sivPrefix = p;
            if (material.isWiped()) {
                Arrays.fill(p, (byte) 0);
                throw new GeneralSecurityException("the key was destroyed");
            }
        }
        return p;
    }

    /** Keeps the first key made for a purpose; a key made after the material was wiped is wiped at once. */
    private Object publish(Purpose purpose, Object made) throws GeneralSecurityException {
        if (!keys.compareAndSet(purpose.slot, null, made)) {
            wipe(made);
            made = keys.get(purpose.slot);
        }
        if (material.isWiped()) {
            wipe();
            throw new GeneralSecurityException("the key was destroyed");
        }
        return made;
    }

    /** Zeroes every key made here. */
    void wipe() {
        for (int i = 0; i < SLOTS; i++) {
            Object k = keys.get(i);
            if (k != null) {
                wipe(k);
            }
        }
        byte[] p = sivPrefix;
        if (p != null) {
            Arrays.fill(p, (byte) 0);
        }
    }

    private static void wipe(Object key) {
        if (key instanceof AeadEngine a) {
            a.wipe();
        } else if (key instanceof AesSiv s) {
            s.wipe();
        } else if (key instanceof Ff1 f) {
            f.wipe();
        } else if (key instanceof HmacSha256 m) {
            m.wipe();
        }
    }
}
