package org.privacykit.crypto;

/** The state of a key in a {@link KeyRing}. */
public enum KeyStatus {
    /** Decrypts; the primary key also encrypts. */
    ENABLED,
    /** Kept but refused for decryption, until enabled again (a reversible step before destroying). */
    DISABLED,
    /** Its material is gone for good; only its id remains, so ciphertexts under it report why they fail. */
    DESTROYED
}
