package org.privacykit.requests;

import java.util.Objects;

/**
 * What an {@link IdentityVerifier} concluded, and how it checked (for the trail; never the evidence).
 *
 * @param verified whether the requester is the data subject
 * @param method how it was checked, such as {@code "signed-in session"} or {@code "email one-time code"}
 */
public record IdentityCheck(boolean verified, String method) {
    /**
     * Validates the method.
     *
     * @throws IllegalArgumentException when the method is blank
     */
    public IdentityCheck {
        Objects.requireNonNull(method, "method");
        if (method.isBlank()) {
            throw new IllegalArgumentException("method: say how the identity was checked");
        }
    }

    /**
     * The requester is the data subject.
     *
     * @param method how it was checked
     * @return the check
     */
    public static IdentityCheck passed(String method) {
        return new IdentityCheck(true, method);
    }

    /**
     * The requester could not be shown to be the data subject.
     *
     * @param method how it was checked
     * @return the check
     */
    public static IdentityCheck failed(String method) {
        return new IdentityCheck(false, method);
    }
}
