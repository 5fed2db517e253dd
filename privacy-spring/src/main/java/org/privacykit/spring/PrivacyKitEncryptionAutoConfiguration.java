package org.privacykit.spring;

import java.io.IOException;
import java.nio.file.Path;

import org.privacykit.audit.AuditSink;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyRing;
import org.privacykit.crypto.SubjectKeyStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A {@link KeyRing} loaded from {@code privacykit.key-ring.file} with its key-encryption key
 * ({@code privacykit.key-ring.*}), and a {@link FieldEncryptor} over it. Each bean backs off
 * when the application declares its own. Off with {@code privacykit.encryption.enabled=false}.
 *
 * <p>privacy-crypto (and with it BouncyCastle) is an optional dependency of the starters: an
 * application that only masks does not carry it, and this configuration stays off until the
 * application adds privacy-crypto (or privacy-jpa, which brings it).
 */
@AutoConfiguration(after = PrivacyKitAutoConfiguration.class)
@ConditionalOnClass(name = "org.privacykit.crypto.FieldEncryptor")
@ConditionalOnProperty(name = "privacykit.encryption.enabled", matchIfMissing = true)
public class PrivacyKitEncryptionAutoConfiguration {

    /** Created by Spring Boot from the auto-configuration imports. */
    public PrivacyKitEncryptionAutoConfiguration() {
    }

    /**
     * The key ring from its wrapped file; audited ({@code KEY_RING_LOADED}) to the audit sink.
     *
     * @param properties the settings
     * @param environment where the KEK secret is read by name
     * @param audit the audit sink
     * @return the loaded key ring
     * @throws PrivacyKitConfigurationException when the KEK is not configured or the file does not load
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "privacykit.key-ring.file")
    public KeyRing privacyKitKeyRing(PrivacyKitProperties properties, Environment environment, AuditSink audit) {
        return new KeyRingLoader(properties.getKeyRing(), environment).load(audit);
    }

    /**
     * The field encryptor over the key ring, with per-subject keys for crypto-shredding when
     * {@code privacykit.encryption.subject-keys} names a directory.
     *
     * @param keys the key ring
     * @param properties the settings
     * @param audit the audit sink
     * @return the encryptor
     * @throws PrivacyKitConfigurationException when the subject-key directory cannot be used
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(KeyRing.class)
    public FieldEncryptor privacyKitFieldEncryptor(KeyRing keys, PrivacyKitProperties properties, AuditSink audit) {
        FieldEncryptor.Builder builder = FieldEncryptor.builder(keys).auditSink(audit);
        Path subjectKeys = properties.getEncryption().getSubjectKeys();
        if (subjectKeys != null) {
            try {
                builder.subjectKeyStore(SubjectKeyStore.directory(subjectKeys));
            } catch (IOException e) {
                throw new PrivacyKitConfigurationException("privacykit.encryption.subject-keys names a directory that "
                        + "cannot be used: " + subjectKeys, "Create the directory or fix its permissions.", e);
            }
        }
        return builder.build();
    }
}
