package org.privacykit.spring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.privacykit.audit.AuditSink;
import org.privacykit.crypto.KeyEncryptionKey;
import org.privacykit.crypto.KeyRing;
import org.privacykit.crypto.KeyRingStorageException;
import org.springframework.core.env.Environment;

/**
 * Loads the key ring of {@code privacykit.key-ring.*}: the wrapped file plus a KEK from a
 * passphrase or a PKCS#12 key store, whose secret is a property value (a placeholder Spring resolved)
 * or is read from the environment by the variable name given. Every failure is a
 * {@link PrivacyKitConfigurationException} naming the properties, never a secret: a variable name is
 * repeated only when it looks like one (an environment variable or a dotted property name), since a
 * secret pasted into a {@code *-variable} property by mistake would otherwise be printed.
 */
final class KeyRingLoader {
    /** An environment variable's name ({@code SHOP_KEYRING_PASSPHRASE}) or a property's ({@code vault.shop.passphrase}). */
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}|[a-z][a-z0-9-]*(\\.[a-z0-9-]+){1,8}");

    static final String FILE = "privacykit.key-ring.file";
    static final String PASSPHRASE = "privacykit.key-ring.passphrase";
    static final String PASSPHRASE_VARIABLE = "privacykit.key-ring.passphrase-variable";
    static final String KEYSTORE = "privacykit.key-ring.keystore";
    static final String KEYSTORE_PASSWORD = "privacykit.key-ring.keystore-password";
    static final String KEYSTORE_PASSWORD_VARIABLE = "privacykit.key-ring.keystore-password-variable";
    static final String ALIAS = "privacykit.key-ring.alias";

    private final PrivacyKitProperties.KeyRing settings;
    private final Environment environment;

    KeyRingLoader(PrivacyKitProperties.KeyRing settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    KeyRing load(AuditSink audit) {
        Path file = settings.getFile();
        if (file == null) {
            throw new PrivacyKitConfigurationException(FILE + " is not set",
                    "Set " + FILE + " to a key-ring file made by KeyRing.create(path, kek).");
        }
        if (!Files.isRegularFile(file)) {
            throw new PrivacyKitConfigurationException(FILE + " names no readable file: " + file,
                    "Point " + FILE + " at a key-ring file made by KeyRing.create(path, kek).");
        }
        KeyEncryptionKey kek = keyEncryptionKey();
        try {
            return KeyRing.builder().auditSink(audit).refreshInterval(settings.getRefreshInterval()).open(file, kek);
        } catch (KeyRingStorageException e) {
            throw new PrivacyKitConfigurationException("the key ring " + file + " (" + FILE + ") cannot be loaded: "
                    + e.reason(), "Check that the KEK configured under privacykit.key-ring is the one the key ring "
                    + "was saved with, and that the file is intact.", e);
        } catch (IOException e) {
            throw new PrivacyKitConfigurationException("the key ring " + file + " (" + FILE + ") cannot be read: "
                    + e.getClass().getSimpleName(), "Check the file's permissions.", e);
        }
    }

    private KeyEncryptionKey keyEncryptionKey() {
        boolean passphrase = settings.getPassphrase() != null || hasText(settings.getPassphraseVariable());
        Path keystore = settings.getKeystore();
        if (passphrase == (keystore != null)) {
            throw new PrivacyKitConfigurationException(passphrase
                    ? "both a passphrase and " + KEYSTORE + " are set; the key ring has one KEK"
                    : "no key-encryption key is configured for " + FILE,
                    "Set exactly one of " + PASSPHRASE + " (such as ${KEYRING_PASSPHRASE}), " + PASSPHRASE_VARIABLE
                            + " (the name of the environment variable holding the passphrase) or " + KEYSTORE
                            + " with " + KEYSTORE_PASSWORD + " and " + ALIAS + ".");
        }
        if (keystore == null) {
            char[] secret = secret(PASSPHRASE, settings.getPassphrase(), PASSPHRASE_VARIABLE,
                    settings.getPassphraseVariable());
            try {
                return KeyEncryptionKey.passphrase(secret);
            } finally {
                Arrays.fill(secret, '\0');
            }
        }
        char[] password = secret(KEYSTORE_PASSWORD, settings.getKeystorePassword(), KEYSTORE_PASSWORD_VARIABLE,
                settings.getKeystorePasswordVariable());
        try {
            return KeyEncryptionKey.pkcs12(keystore, password, settings.getAlias());
        } catch (KeyRingStorageException e) {
            throw new PrivacyKitConfigurationException("the KEK " + settings.getAlias() + " in " + keystore + " ("
                    + KEYSTORE + ") cannot be used: " + e.reason(), "Check " + KEYSTORE_PASSWORD + " and " + ALIAS + ".", e);
        } catch (IOException e) {
            throw new PrivacyKitConfigurationException("the key store " + keystore + " (" + KEYSTORE
                    + ") cannot be read: " + e.getClass().getSimpleName(), "Check the file and its permissions.", e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * The secret given as a value or by a variable's name, exactly one of them. Messages name the
     * properties; the variable's name only when it looks like one.
     */
    private char[] secret(String valueProperty, @Nullable String value, String variableProperty, @Nullable String variable) {
        boolean byName = hasText(variable);
        if (value != null && byName) {
            throw new PrivacyKitConfigurationException("both " + valueProperty + " and " + variableProperty + " are set",
                    "Set one: " + valueProperty + " as a placeholder (such as ${KEYRING_PASSPHRASE}), or "
                            + variableProperty + " as the variable's name.");
        }
        if (value != null) {
            if (value.isEmpty()) {
                throw new PrivacyKitConfigurationException(valueProperty + " is empty",
                        "Set the environment variable its placeholder names, or give " + variableProperty + " instead.");
            }
            return value.toCharArray();
        }
        if (variable == null || !byName) {
            throw new PrivacyKitConfigurationException("neither " + valueProperty + " nor " + variableProperty + " is set",
                    "Set " + valueProperty + " as a placeholder (such as ${KEYRING_PASSPHRASE}), or " + variableProperty
                            + " as the name of the variable holding the secret.");
        }
        String name = variable.strip();
        String secret = environment.getProperty(name);
        if (secret == null || secret.isEmpty()) {
            boolean looksLikeName = VARIABLE_NAME.matcher(name).matches();
            throw new PrivacyKitConfigurationException(variableProperty + " names "
                    + (looksLikeName ? "the variable " + name : "a variable (not repeated here: it does not look like a "
                    + "variable name, and may be the secret itself)") + ", which is not set or empty",
                    looksLikeName ? "Set the environment variable " + name + "."
                            : "Put the variable's name in " + variableProperty + ", or move a secret written there to "
                            + valueProperty + " as a placeholder (such as ${KEYRING_PASSPHRASE}) and change the secret.");
        }
        return secret.toCharArray();
    }

    private static boolean hasText(@Nullable String s) {
        return s != null && !s.isBlank();
    }
}
