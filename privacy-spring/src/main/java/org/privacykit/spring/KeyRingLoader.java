package org.privacykit.spring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.privacykit.audit.AuditSink;
import org.privacykit.crypto.KeyEncryptionKey;
import org.privacykit.crypto.KeyRing;
import org.privacykit.crypto.KeyRingStorageException;
import org.springframework.core.env.Environment;

/**
 * Loads the key ring named by {@code privacykit.encryption.*}: the wrapped file plus a KEK from a
 * passphrase or a PKCS#12 key store, whose secrets are read from the environment by name. Every
 * failure is a {@link PrivacyKitConfigurationException} naming the property, never a secret.
 */
final class KeyRingLoader {
    /** What an environment variable or property name looks like (a secret rarely does). */
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,127}");

    static final String KEY_RING = "privacykit.encryption.key-ring";
    static final String PASSPHRASE_VARIABLE = "privacykit.encryption.kek.passphrase-variable";
    static final String KEYSTORE = "privacykit.encryption.kek.keystore";
    static final String KEYSTORE_PASSWORD_VARIABLE = "privacykit.encryption.kek.keystore-password-variable";
    static final String ALIAS = "privacykit.encryption.kek.alias";

    private final PrivacyKitProperties.Encryption settings;
    private final Environment environment;

    KeyRingLoader(PrivacyKitProperties.Encryption settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    KeyRing load(AuditSink audit) {
        Path file = settings.getKeyRing();
        if (file == null) {
            throw new PrivacyKitConfigurationException(KEY_RING + " is not set",
                    "Set " + KEY_RING + " to a key-ring file made by KeyRing.create(path, kek).");
        }
        if (!Files.isRegularFile(file)) {
            throw new PrivacyKitConfigurationException(KEY_RING + " names no readable file: " + file,
                    "Point " + KEY_RING + " at a key-ring file made by KeyRing.create(path, kek).");
        }
        KeyEncryptionKey kek = keyEncryptionKey();
        try {
            return KeyRing.builder().auditSink(audit).open(file, kek);
        } catch (KeyRingStorageException e) {
            throw new PrivacyKitConfigurationException("the key ring " + file + " (" + KEY_RING + ") cannot be loaded: "
                    + e.reason(), "Check that the KEK configured under privacykit.encryption.kek is the one the key "
                    + "ring was saved with, and that the file is intact.", e);
        } catch (IOException e) {
            throw new PrivacyKitConfigurationException("the key ring " + file + " (" + KEY_RING + ") cannot be read: "
                    + e.getClass().getSimpleName(), "Check the file's permissions.", e);
        }
    }

    private KeyEncryptionKey keyEncryptionKey() {
        PrivacyKitProperties.Kek kek = settings.getKek();
        boolean passphrase = hasText(kek.getPassphraseVariable());
        boolean keystore = kek.getKeystore() != null;
        if (passphrase == keystore) {
            throw new PrivacyKitConfigurationException(passphrase
                    ? "both " + PASSPHRASE_VARIABLE + " and " + KEYSTORE + " are set; the key ring has one KEK"
                    : "no key-encryption key is configured for " + KEY_RING,
                    "Set exactly one of " + PASSPHRASE_VARIABLE + " (the name of the environment variable holding "
                            + "the passphrase) or " + KEYSTORE + " with " + KEYSTORE_PASSWORD_VARIABLE + " and "
                            + ALIAS + ".");
        }
        if (passphrase) {
            char[] secret = secret(PASSPHRASE_VARIABLE, kek.getPassphraseVariable());
            try {
                return KeyEncryptionKey.passphrase(secret);
            } finally {
                Arrays.fill(secret, '\0');
            }
        }
        if (!hasText(kek.getKeystorePasswordVariable())) {
            throw new PrivacyKitConfigurationException(KEYSTORE + " is set without " + KEYSTORE_PASSWORD_VARIABLE,
                    "Set " + KEYSTORE_PASSWORD_VARIABLE + " to the name of the environment variable holding the "
                            + "key store password.");
        }
        char[] password = secret(KEYSTORE_PASSWORD_VARIABLE, kek.getKeystorePasswordVariable());
        try {
            return KeyEncryptionKey.pkcs12(kek.getKeystore(), password, kek.getAlias());
        } catch (KeyRingStorageException e) {
            throw new PrivacyKitConfigurationException("the KEK " + kek.getAlias() + " in " + kek.getKeystore() + " ("
                    + KEYSTORE + ") cannot be used: " + e.reason(), "Check " + KEYSTORE_PASSWORD_VARIABLE + " and "
                    + ALIAS + ".", e);
        } catch (IOException e) {
            throw new PrivacyKitConfigurationException("the key store " + kek.getKeystore() + " (" + KEYSTORE
                    + ") cannot be read: " + e.getClass().getSimpleName(), "Check the file and its permissions.", e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Reads a secret by the name a property gives. The message repeats the name only when it looks
     * like a variable name: a passphrase pasted into the property by mistake is never echoed.
     */
    private char[] secret(String property, String variable) {
        String name = variable.trim();
        String value = environment.getProperty(name);
        if (value == null || value.isEmpty()) {
            String named = VARIABLE_NAME.matcher(name).matches() ? "the variable " + name : "a variable";
            throw new PrivacyKitConfigurationException(property + " names " + named + ", which is not set or empty",
                    "Set the environment variable that " + property + " names (its name, not the secret itself).");
        }
        return value.toCharArray();
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
