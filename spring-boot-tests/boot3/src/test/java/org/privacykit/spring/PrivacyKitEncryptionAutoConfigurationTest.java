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
        return runner.withPropertyValues("privacykit.key-ring.file=" + ringFile,
                "privacykit.key-ring.passphrase-variable=TEST_KEYRING_PASSPHRASE",
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
        runner.withPropertyValues("privacykit.key-ring.file=" + p12Ring,
                        "privacykit.key-ring.keystore=" + keystore,
                        "privacykit.key-ring.keystore-password-variable=TEST_KEYSTORE_PASSWORD",
                        "TEST_KEYSTORE_PASSWORD=store-secret")
                .run(context -> assertThat(context.getBean(FieldEncryptor.class).decrypt(NOTE, ciphertext))
                        .isEqualTo("leave at the door"));
    }

    @Test
    void wrongPassphrase_failsWithTheReason_neverThePassphrase() {
        runner.withPropertyValues("privacykit.key-ring.file=" + ringFile,
                        "privacykit.key-ring.passphrase-variable=TEST_KEYRING_PASSPHRASE",
                        "TEST_KEYRING_PASSPHRASE=not the passphrase")
                .run(context -> {
                    assertThat(context).hasFailed();
                    Throwable failure = context.getStartupFailure();
                    while (!(failure instanceof PrivacyKitConfigurationException) && failure.getCause() != null) {
                        failure = failure.getCause();
                    }
                    assertThat(failure).isInstanceOf(PrivacyKitConfigurationException.class)
                            .hasMessageContaining("privacykit.key-ring.file")
                            .hasMessageContaining("WRONG_KEY_ENCRYPTION_KEY")
                            .hasMessageNotContaining("not the passphrase");
                });
    }

    @Test
    void passphraseVariableUnset_failsNamingTheVariable() {
        runner.withPropertyValues("privacykit.key-ring.file=" + ringFile,
                        "privacykit.key-ring.passphrase-variable=PRIVACYKIT_TEST_UNSET_VARIABLE")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .isInstanceOf(PrivacyKitConfigurationException.class)
                        .hasMessageContaining("PRIVACYKIT_TEST_UNSET_VARIABLE")
                        .hasMessageContaining("privacykit.key-ring.passphrase-variable"));
    }

    @Test
    void keyRingWithoutKek_failsNamingTheKekProperties() {
        runner.withPropertyValues("privacykit.key-ring.file=" + ringFile)
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("no key-encryption key is configured"));
    }

    @Test
    void bothKekSources_fail() {
        passphraseRing().withPropertyValues("privacykit.key-ring.keystore=" + keystore)
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("both a passphrase and privacykit.key-ring.keystore"));
    }

    @Test
    void missingKeyRingFile_failsNamingTheProperty() {
        runner.withPropertyValues("privacykit.key-ring.file=" + dir.resolve("absent.pkkr"),
                        "privacykit.key-ring.passphrase-variable=TEST_KEYRING_PASSPHRASE",
                        "TEST_KEYRING_PASSPHRASE=" + PASSPHRASE)
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("privacykit.key-ring.file names no readable file"));
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

    @Test
    void passphraseAsAPlaceholder_resolvedFromTheEnvironment_givesAWorkingFieldEncryptor() {
        // privacykit.key-ring.passphrase: ${KEYRING_PASSPHRASE}, the variable set in the environment
        runner.withPropertyValues("privacykit.key-ring.file=" + ringFile,
                        "privacykit.key-ring.passphrase=${KEYRING_PASSPHRASE}", "KEYRING_PASSPHRASE=" + PASSPHRASE)
                .run(context -> assertThat(context.getBean(FieldEncryptor.class).decrypt(NOTE, ciphertext))
                        .isEqualTo("leave at the door"));
    }

    @Test
    void keystorePasswordAsAPlaceholder_givesAWorkingFieldEncryptor() {
        runner.withPropertyValues("privacykit.key-ring.file=" + p12Ring, "privacykit.key-ring.keystore=" + keystore,
                        "privacykit.key-ring.keystore-password=${KEYSTORE_PASSWORD}", "KEYSTORE_PASSWORD=store-secret")
                .run(context -> assertThat(context.getBean(FieldEncryptor.class).decrypt(NOTE, ciphertext))
                        .isEqualTo("leave at the door"));
    }

    @Test
    void placeholderOfAnUnsetVariable_failsWithoutASecret() {
        runner.withPropertyValues("privacykit.key-ring.file=" + ringFile,
                        "privacykit.key-ring.passphrase=${PRIVACYKIT_TEST_UNSET_PASSPHRASE}")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void aSecretPutInTheVariableProperty_isNeverRepeated() {
        // the passphrase pasted where the variable's name belongs, in every shape a passphrase takes
        for (String secret : new String[] {"Tr0ub4dor&3", "correct horse battery staple", "CorrectHorseBatteryStaple",
                "s3cr3t-passw0rd", "hunter2"}) {
            runner.withPropertyValues("privacykit.key-ring.file=" + ringFile, "privacykit.key-ring.passphrase-variable=" + secret)
                    .run(context -> {
                        Throwable failure = context.getStartupFailure();
                        assertThat(failure).rootCause().isInstanceOf(PrivacyKitConfigurationException.class)
                                .hasMessageContaining("privacykit.key-ring.passphrase-variable")
                                .hasMessageNotContaining(secret);
                        assertThat(((PrivacyKitConfigurationException) org.assertj.core.util.Throwables.getRootCause(failure))
                                .action()).doesNotContain(secret).contains("privacykit.key-ring.passphrase");
                    });
        }
    }

    @Test
    void everyMisconfiguration_failsNamingProperties_neverASecret() {
        String[][] cases = {
                {"privacykit.key-ring.passphrase=" + PASSPHRASE, "privacykit.key-ring.passphrase-variable=X"},
                {"privacykit.key-ring.passphrase=" + PASSPHRASE, "privacykit.key-ring.keystore=" + keystore},
                {"privacykit.key-ring.passphrase=wrong-" + PASSPHRASE},
                {"privacykit.key-ring.keystore=" + keystore, "privacykit.key-ring.keystore-password=wrong-" + PASSPHRASE},
                {"privacykit.key-ring.keystore=" + keystore},
        };
        for (String[] properties : cases) {
            runner.withPropertyValues("privacykit.key-ring.file=" + (properties[0].contains("keystore") ? p12Ring : ringFile))
                    .withPropertyValues(properties)
                    .run(context -> {
                        Throwable root = org.assertj.core.util.Throwables.getRootCause(context.getStartupFailure());
                        Throwable configuration = context.getStartupFailure();
                        while (!(configuration instanceof PrivacyKitConfigurationException) && configuration.getCause() != null) {
                            configuration = configuration.getCause();
                        }
                        assertThat(configuration).as(String.join(", ", properties))
                                .isInstanceOf(PrivacyKitConfigurationException.class)
                                .hasMessageContaining("privacykit.key-ring").hasMessageNotContaining(PASSPHRASE);
                        assertThat(((PrivacyKitConfigurationException) configuration).action()).doesNotContain(PASSPHRASE);
                        assertThat(String.valueOf(root.getMessage())).doesNotContain(PASSPHRASE);
                    });
        }
    }
}
