package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.privacykit.annotation.EncryptionMode;
import org.privacykit.audit.AuditSink;
import org.privacykit.spi.FieldContext;
import org.privacykit.spi.FieldCryptoException;

/**
 * Fuzzes the ciphertext parser: any text, or a valid ciphertext with one mutation, must either be
 * rejected with a {@link FieldCryptoException} or, when untouched, decrypt to the original. Without
 * {@code JAZZER_FUZZ=1} only the seeds in {@code FieldEncryptorFuzzTestInputs} run.
 */
class FieldEncryptorFuzzTest {
    static final KeyEncryptionKey KEK;
    static final KeyRing KEYS;

    static {
        try {
            KEK = KeyEncryptionKey.aes("fuzz", new byte[32]);
            byte[] material = new byte[32];
            material[0] = 7;
            byte[] file = KeyRingCodec.write(new Keyset(List.of(new KeyEntry(0x01020304, AeadAlgorithm.AES_256_GCM,
                    KeyStatus.ENABLED, Instant.EPOCH, new KeyMaterial(material))), 0x01020304, 1), KEK);
            KEYS = KeyRing.builder().auditSink(AuditSink.noop()).load(file, KEK);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final FieldEncryptor FIELDS = FieldEncryptor.builder(KEYS)
            .subjectKeyStore(SubjectKeyStore.inMemory()).auditSink(AuditSink.noop()).build();
    private static final FieldContext[] CONTEXTS = {
        FieldContext.of("f.randomized", EncryptionMode.RANDOMIZED),
        FieldContext.of("f.deterministic", EncryptionMode.DETERMINISTIC),
        FieldContext.of("f.subject", EncryptionMode.RANDOMIZED).withSubject("s-1"),
    };

    @FuzzTest
    void decrypt_anyInput_rejectedOrExact(FuzzedDataProvider data) throws Exception {
        FieldContext field = CONTEXTS[data.consumeInt(0, CONTEXTS.length - 1)];
        boolean mutate = data.consumeBoolean();
        String input;
        String original = "fuzz me";
        String valid = FIELDS.encrypt(field, original);
        if (mutate) {
            byte[] bytes = Base64Url.decode(valid);
            int position = data.consumeInt(0, bytes.length);
            int kind = data.consumeInt(0, 2);
            if (kind == 0 && position < bytes.length) {
                bytes[position] ^= data.consumeByte();
            } else if (kind == 1) {
                bytes = java.util.Arrays.copyOf(bytes, position);
            } else {
                byte[] extra = data.consumeBytes(16);
                byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + extra.length);
                System.arraycopy(extra, 0, longer, bytes.length, extra.length);
                bytes = longer;
            }
            input = Base64Url.encode(bytes);
        } else {
            input = data.consumeRemainingAsString();
        }
        try {
            String clear = FIELDS.decrypt(field, input);
            assertThat(input).isEqualTo(valid);
            assertThat(clear).isEqualTo(original);
        } catch (FieldCryptoException expected) {
            assertThat(expected.getMessage()).startsWith(field.name() + ":").doesNotContain(original);
        }
    }
}
