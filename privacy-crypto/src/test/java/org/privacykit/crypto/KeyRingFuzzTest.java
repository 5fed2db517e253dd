package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.privacykit.audit.AuditSink;

/**
 * Fuzzes the key-ring file loader: any bytes, or a valid file with one mutation, must either load
 * (only the untouched file) or fail with a {@link KeyRingStorageException}, never another exception.
 */
class KeyRingFuzzTest {
    private static final byte[] VALID;

    static {
        try {
            KeyRing keys = KeyRing.builder().auditSink(AuditSink.noop()).generate();
            keys.rotate();
            VALID = keys.toWrappedBytes(FieldEncryptorFuzzTest.KEK);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest
    void load_anyBytes_loadsOrThrowsStorageException(FuzzedDataProvider data) {
        byte[] input;
        if (data.consumeBoolean()) {
            input = VALID.clone();
            int position = data.consumeInt(0, input.length - 1);
            if (data.consumeBoolean()) {
                input[position] ^= (byte) (data.consumeByte() | 1);
            } else {
                input = java.util.Arrays.copyOf(input, position);
            }
        } else {
            input = data.consumeRemainingAsBytes();
        }
        try {
            KeyRing loaded = KeyRing.builder().auditSink(AuditSink.noop()).load(input, FieldEncryptorFuzzTest.KEK);
            assertThat(input).isEqualTo(VALID);
            assertThat(loaded.keys()).hasSize(2);
        } catch (KeyRingStorageException expected) {
            assertThat(expected.reason()).isNotNull();
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
