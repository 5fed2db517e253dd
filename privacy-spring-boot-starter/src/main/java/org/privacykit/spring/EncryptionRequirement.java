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
        if (ciphers.getIfAvailable() != null) {
            return;
        }
        String why = !settings.isEnabled()
                ? "privacykit.encryption.required=true but privacykit.encryption.enabled=false"
                : "privacykit.encryption.required=true but no key ring is configured (privacykit.encryption.key-ring "
                        + "is not set) and the application declares no FieldCipher bean";
        throw new PrivacyKitConfigurationException(why,
                "Set privacykit.encryption.key-ring to a wrapped key-ring file (KeyRing.save) and its KEK: either "
                        + "privacykit.encryption.kek.passphrase-variable=<name of the environment variable holding the "
                        + "passphrase>, or privacykit.encryption.kek.keystore=<PKCS#12 file> with "
                        + "privacykit.encryption.kek.keystore-password-variable and privacykit.encryption.kek.alias. "
                        + "Or declare a FieldEncryptor bean, or set privacykit.encryption.required=false.");
    }
}
