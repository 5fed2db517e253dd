package org.privacykit.spark;

/**
 * An executor could not open its keys: the key ring, its KEK, the subject key store or the
 * pseudonym secret. The message names what and where, never a secret.
 */
public final class ExecutorKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExecutorKeyException(String message, Throwable cause) {
        super(message, cause);
    }

    ExecutorKeyException(String message) {
        super(message);
    }
}
