package org.privacykit.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyRing;
import org.privacykit.spi.FieldContext;

class TestKeyRingsTest {
    private static final FieldContext EMAIL = FieldContext.of("Customer.email", EncryptionMode.DETERMINISTIC);

    @Test
    void sameLabel_givesTheSameKeysAndDeterministicCiphertexts() throws Exception {
        FieldEncryptor a = TestKeyRings.fieldEncryptor("default");
        FieldEncryptor b = TestKeyRings.fieldEncryptor("default");

        String ciphertext = a.encrypt(EMAIL, "ada@example.com");
        assertThat(b.encrypt(EMAIL, "ada@example.com")).isEqualTo(ciphertext);
        assertThat(b.decrypt(EMAIL, ciphertext)).isEqualTo("ada@example.com");
        assertThat(TestKeyRings.keyRing("default").primaryKeyId())
                .isEqualTo(TestKeyRings.keyRing("default").primaryKeyId());
    }

    @Test
    void otherLabel_givesOtherKeys() throws Exception {
        String one = TestKeyRings.fieldEncryptor("one").encrypt(EMAIL, "ada@example.com");
        String two = TestKeyRings.fieldEncryptor("two").encrypt(EMAIL, "ada@example.com");

        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void stableAcrossRuns_knownAnswer() throws Exception {
        // pins the derivation: a change here breaks every stored fixture of every user
        KeyRing ring = TestKeyRings.keyRing("default");
        assertThat(ring.toString()).doesNotContain("material");
        assertThat(TestKeyRings.fieldEncryptor("default").encrypt(EMAIL, "ada@example.com"))
                .isEqualTo(KNOWN_EMAIL_CIPHERTEXT);
    }

    private static final String KNOWN_EMAIL_CIPHERTEXT = "AQQ9KqAPE4xqKA3Uy6AaKplx03Th4v7nFDNAvq-zCYnAhbVz0Q";
}
