package org.privacykit.test;

import java.nio.ByteBuffer;
import java.util.Objects;

import org.privacykit.audit.AuditSink;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyRing;
import org.privacykit.crypto.SubjectKeyStore;

/**
 * Deterministic key rings for reproducible tests (needs privacy-crypto on the test class path): the
 * same label gives the same key id and key on every machine and in every run, so a deterministic
 * ciphertext or a blind index can be compared with a stored expectation. The keys are public by
 * construction ({@link PrivacyFixtures#secret(String)} of the label): never use them outside tests.
 *
 * <pre>{@code
 * FieldEncryptor encryptor = TestKeyRings.fieldEncryptor("orders");
 * assertThat(encryptor.encrypt(customer).email()).isEqualTo(EXPECTED_EMAIL_CIPHERTEXT);
 * }</pre>
 */
public final class TestKeyRings {
    private TestKeyRings() {
    }

    /**
     * Returns a key ring whose one primary key is derived from a label; key events are not audited.
     *
     * @param label a name for the ring, such as {@code "default"}
     * @return a new key ring, equal in keys to every other ring of the same label
     */
    public static KeyRing keyRing(String label) {
        Objects.requireNonNull(label, "label");
        byte[] material = PrivacyFixtures.secret("key ring: " + label);
        int keyId = ByteBuffer.wrap(PrivacyFixtures.secret("key id: " + label)).getInt();
        return KeyRing.builder().auditSink(AuditSink.noop()).importKey(keyId == 0 ? 1 : keyId, material);
    }

    /**
     * Returns a field encryptor over {@link #keyRing(String)} with an in-memory subject key store
     * (subject keys themselves are random: randomized ciphertexts differ run to run anyway).
     *
     * @param label the ring's label
     * @return the field encryptor
     */
    public static FieldEncryptor fieldEncryptor(String label) {
        return FieldEncryptor.builder(keyRing(label)).subjectKeyStore(SubjectKeyStore.inMemory())
                .auditSink(AuditSink.noop()).build();
    }
}
