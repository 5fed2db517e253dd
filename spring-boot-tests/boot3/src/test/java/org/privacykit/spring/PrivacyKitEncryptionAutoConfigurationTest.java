package org.privacykit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditSink;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyEncryptionKey;
import org.privacykit.crypto.KeyRing;
import org.privacykit.spi.FieldCipher;
import org.privacykit.spi.FieldContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PrivacyKitEncryptionAutoConfigurationTest {
    private static final String PASSPHRASE = "correct horse battery staple 42";
    private static final FieldContext NOTE = FieldContext.of("Order.note", EncryptionMode.RANDOMIZED);

    @TempDir
    static Path dir;
    static Path ringFile;
    static Path p12Ring;
    static Path keystore;
    static String ciphertext;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PrivacyKitAutoConfiguration.class,
                    PrivacyKitEncryptionAutoConfiguration.class))
            .withPropertyValues("privacykit.inventory.enabled=false");

    @BeforeAll
    static void saveRings() throws Exception {
        ringFile = dir.resolve("keys.pkkr");
        KeyRing ring = KeyRing.create(ringFile, KeyEncryptionKey.passphrase(PASSPHRASE.toCharArray()));
        ciphertext = FieldEncryptor.of(ring).encrypt(NOTE, "leave at the door");

        keystore = dir.resolve("kek.p12");
        KeyEncryptionKey p12 = KeyEncryptionKey.createPkcs12(keystore, "store-secret".toCharArray(), "privacykit-kek");
        p12Ring = dir.resolve("keys-p12.pkkr");
        java.nio.file.Files.write(p12Ring, ring.toWrappedBytes(p12)); // the same keys under the other KEK
    }

    private ApplicationContextRunner passphraseRing() {
        return runner.withPropertyValues("privacykit.encryption.key-ring=" + ringFile,
                "privacykit.encryption.kek.passphrase-variable=TEST_KEYRING_PASSPHRASE",
                "TEST_KEYRING_PASSPHRASE=" + PASSPHRASE);
    }

    @Test
    void noKeyRingConfigured_givesNoEncryptor() {
        runner.run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(KeyRing.class).doesNotHaveBean(FieldEncryptor.class));
    }

    @Test
    void passphraseWrappedFile_givesAWorkingFieldEncryptor() {
        InMemoryAuditSink audit = new InMemoryAuditSink();
        passphraseRing().withBean(AuditSink.class, () -> audit).run(context -> {
            FieldEncryptor encryptor = context.getBean(FieldEncryptor.class);
            assertThat(encryptor.decrypt(NOTE, ciphertext)).isEqualTo("leave at the door");
            assertThat(encryptor.decrypt(NOTE, encryptor.encrypt(NOTE, "x"))).isEqualTo("x");
            assertThat(context.getBean(FieldCipher.class)).isSameAs(encryptor);
            assertThat(audit.events(AuditAction.KEY_RING_LOADED)).hasSize(1);
        });
    }

    @Test
    void passphraseRing_satisfiesEncryptionRequired() {
        passphraseRing().withPropertyValues("privacykit.encryption.required=true")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(FieldEncryptor.class));
    }

    @Test
    void pkcs12Kek_givesAWorkingFieldEncryptor() {
        runner.withPropertyValues("privacykit.encryption.key-ring=" + p12Ring,
                        "privacykit.encryption.kek.keystore=" + keystore,
                        "privacykit.encryption.kek.keystore-password-variable=TEST_KEYSTORE_PASSWORD",
                        "TEST_KEYSTORE_PASSWORD=store-secret")
                .run(context -> assertThat(context.getBean(FieldEncryptor.class).decrypt(NOTE, ciphertext))
                        .isEqualTo("leave at the door"));
    }

    @Test
    void wrongPassphrase_failsWithTheReason_neverThePassphrase() {
        runner.withPropertyValues("privacykit.encryption.key-ring=" + ringFile,
                        "privacykit.encryption.kek.passphrase-variable=TEST_KEYRING_PASSPHRASE",
                        "TEST_KEYRING_PASSPHRASE=not the passphrase")
                .run(context -> {
                    assertThat(context).hasFailed();
                    Throwable failure = context.getStartupFailure();
                    while (!(failure instanceof PrivacyKitConfigurationException) && failure.getCause() != null) {
                        failure = failure.getCause();
                    }
                    assertThat(failure).isInstanceOf(PrivacyKitConfigurationException.class)
                            .hasMessageContaining("privacykit.encryption.key-ring")
                            .hasMessageContaining("WRONG_KEY_ENCRYPTION_KEY")
                            .hasMessageNotContaining("not the passphrase");
                });
    }

    @Test
    void passphraseVariableUnset_failsNamingTheVariable() {
        runner.withPropertyValues("privacykit.encryption.key-ring=" + ringFile,
                        "privacykit.encryption.kek.passphrase-variable=PRIVACYKIT_TEST_UNSET_VARIABLE")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .isInstanceOf(PrivacyKitConfigurationException.class)
                        .hasMessageContaining("PRIVACYKIT_TEST_UNSET_VARIABLE")
                        .hasMessageContaining("privacykit.encryption.kek.passphrase-variable"));
    }

    @Test
    void keyRingWithoutKek_failsNamingTheKekProperties() {
        runner.withPropertyValues("privacykit.encryption.key-ring=" + ringFile)
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("no key-encryption key is configured"));
    }

    @Test
    void bothKekSources_fail() {
        passphraseRing().withPropertyValues("privacykit.encryption.kek.keystore=" + keystore)
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("both privacykit.encryption.kek.passphrase-variable and"));
    }

    @Test
    void missingKeyRingFile_failsNamingTheProperty() {
        runner.withPropertyValues("privacykit.encryption.key-ring=" + dir.resolve("absent.pkkr"),
                        "privacykit.encryption.kek.passphrase-variable=TEST_KEYRING_PASSPHRASE",
                        "TEST_KEYRING_PASSPHRASE=" + PASSPHRASE)
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("privacykit.encryption.key-ring names no readable file"));
    }

    @Test
    void encryptionDisabled_loadsNoKeyRing() {
        passphraseRing().withPropertyValues("privacykit.encryption.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(KeyRing.class)
                        .doesNotHaveBean(FieldEncryptor.class));
    }

    @Test
    void applicationFieldEncryptor_replacesTheAutoConfiguredOne() {
        FieldEncryptor mine = FieldEncryptor.of(KeyRing.generate());
        passphraseRing().withBean(FieldEncryptor.class, () -> mine)
                .run(context -> assertThat(context.getBean(FieldEncryptor.class)).isSameAs(mine));
    }

    @Test
    void subjectKeysDirectory_enablesCryptoShredding() {
        passphraseRing().withPropertyValues("privacykit.encryption.subject-keys=" + dir.resolve("subject-keys"))
                .run(context -> {
                    FieldEncryptor encryptor = context.getBean(FieldEncryptor.class);
                    FieldContext diagnosis = FieldContext.of("Customer.diagnosis", EncryptionMode.RANDOMIZED).withSubject("c-7");
                    String c = encryptor.encrypt(diagnosis, "asthma");
                    encryptor.forget("c-7");
                    assertThat(encryptor.isForgotten("c-7")).isTrue();
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> encryptor.decrypt(diagnosis, c))
                            .isInstanceOf(org.privacykit.spi.SubjectErasedException.class);
                });
    }
}
