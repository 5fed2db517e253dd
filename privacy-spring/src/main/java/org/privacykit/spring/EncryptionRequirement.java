package org.privacykit.spring;

import org.privacykit.spi.FieldCipher;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;

/** Fails startup when {@code privacykit.encryption.required=true} and no {@link FieldCipher} bean results. */
final class EncryptionRequirement implements InitializingBean {
    private final PrivacyKitProperties.Encryption settings;
    private final ObjectProvider<FieldCipher> ciphers;

    EncryptionRequirement(PrivacyKitProperties.Encryption settings, ObjectProvider<FieldCipher> ciphers) {
        this.settings = settings;
        this.ciphers = ciphers;
    }

    @Override
    public void afterPropertiesSet() {
        if (ciphers.stream().findAny().isPresent()) { // one or several: getIfAvailable would fail on two
            return;
        }
        String why = !settings.isEnabled()
                ? "privacykit.encryption.required=true but privacykit.encryption.enabled=false"
                : "privacykit.encryption.required=true but no key ring is configured (" + KeyRingLoader.FILE
                        + " is not set) and the application declares no FieldCipher bean";
        throw new PrivacyKitConfigurationException(why,
                "Set " + KeyRingLoader.FILE + " to a wrapped key-ring file (KeyRing.create) and its KEK: either "
                        + KeyRingLoader.PASSPHRASE + "=${KEYRING_PASSPHRASE} (or " + KeyRingLoader.PASSPHRASE_VARIABLE
                        + "=<name of the environment variable holding the passphrase>), or " + KeyRingLoader.KEYSTORE
                        + "=<PKCS#12 file> with " + KeyRingLoader.KEYSTORE_PASSWORD + " and " + KeyRingLoader.ALIAS + ". "
                        + "Or declare a FieldEncryptor bean, or set privacykit.encryption.required=false.");
    }
}
