package org.privacykit.crypto;

import java.security.GeneralSecurityException;

/**
 * A key-ring file could not be loaded, reloaded or changed, or a key could not be unwrapped;
 * {@link #reason()} says why. Never holds key material.
 */
public final class KeyRingStorageException extends GeneralSecurityException {
    private static final long serialVersionUID = 1L;

    /** Why loading failed. */
    public enum Reason {
        /** The key-encryption key (passphrase, PKCS#12 key, KMS key) is not the one the file was saved with. */
        WRONG_KEY_ENCRYPTION_KEY,
        /** The wrapped content failed authentication: a wrong KEK, or the file was modified. */
        AUTHENTICATION_FAILED,
        /** The file ends too early. */
        TRUNCATED,
        /** The file is not a key-ring file, or its structure is invalid. */
        CORRUPTED,
        /** The file was written by another format version. */
        UNSUPPORTED_VERSION,
        /**
         * The file holds an older ring version than this ring, or the version witness beside the file,
         * has seen: an older copy was written back (a restored backup, a redeployed file). Accepted only
         * when the ring is opened with {@link KeyRing.Builder#allowRollback()}.
         */
        ROLLBACK
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason why loading failed
     * @param message a description, never key material
     */
    public KeyRingStorageException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * Creates the exception with a cause.
     *
     * @param reason why loading failed
     * @param message a description, never key material
     * @param cause the underlying failure
     */
    public KeyRingStorageException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /**
     * Returns why loading failed.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
