package org.privacykit.spring;

/**
 * The {@code privacykit.*} configuration cannot give what the application asked for: encryption is
 * required but no key ring is configured, or the key-encryption key is incompletely configured.
 * The message names the properties to set, never a secret. Spring Boot's failure analysis prints
 * it as the startup failure's description with the properties to set as the action.
 */
public final class PrivacyKitConfigurationException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** The action that fixes it, for the failure analysis. */
    private final String action;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the properties involved
     * @param action what to set to fix it
     */
    public PrivacyKitConfigurationException(String message, String action) {
        super(message);
        this.action = action;
    }

    /**
     * Creates the exception with a cause (a key ring that fails to load).
     *
     * @param message what is wrong, naming the properties involved
     * @param action what to set to fix it
     * @param cause the underlying failure
     */
    public PrivacyKitConfigurationException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    /**
     * Returns what to set to fix it.
     *
     * @return the action, naming properties
     */
    public String action() {
        return action;
    }
}
