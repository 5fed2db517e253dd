package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.privacykit.audit.AuditSink;

/**
 * Fuzzes the key-ring codec behind the file's authentication: {@link KeyRingFuzzTest} feeds whole
 * files, and random bytes almost never pass the KEK's authentication, so the key-list parser behind
 * it stayed unexplored. Here the fuzzer writes the key list itself, which is then wrapped with the
 * valid KEK into an authenticated file (the header's version taken from the list when asked, so the
 * parser gets past the version check). Loading must either fail with a
 * {@link KeyRingStorageException} or give a consistent ring that survives a round trip.
 *
 * <p>Without {@code JAZZER_FUZZ=1} only the seeds in {@code KeyRingCodecFuzzTestInputs} run.
 */
class KeyRingCodecFuzzTest {
    @FuzzTest
    void load_authenticatedKeyList_loadsConsistentlyOrThrowsStorageException(FuzzedDataProvider data) throws Exception {
        boolean versionFromList = data.consumeBoolean();
        long headerVersion = data.consumeLong();
        byte[] list = data.consumeRemainingAsBytes();
        if (versionFromList && list.length >= 9) {
            headerVersion = ByteBuffer.wrap(list, 1, 8).getLong();
        }
        byte[] file = KeyRingCodec.seal(list, headerVersion, FieldEncryptorFuzzTest.KEK);
        KeyRing ring;
        try {
            ring = KeyRing.builder().auditSink(AuditSink.noop()).load(file, FieldEncryptorFuzzTest.KEK);
        } catch (KeyRingStorageException expected) {
            assertThat(expected.reason()).isNotNull();
            assertThat(expected.getMessage()).isNotBlank();
            return;
        }
        Keyset keys = ring.snapshot();
        assertThat(keys.version).isEqualTo(headerVersion).isNotNegative();
        assertThat(keys.primary.status).isEqualTo(KeyStatus.ENABLED);
        assertThat(keys.enabled[0]).isSameAs(keys.primary);
        for (KeyEntry e : keys.entries) {
            assertThat(e.hasMaterial()).isEqualTo(e.status != KeyStatus.DESTROYED);
            assertThat(keys.find(e.id)).isSameAs(e);
        }
        KeyRing again = KeyRing.builder().auditSink(AuditSink.noop()).load(ring.toWrappedBytes(FieldEncryptorFuzzTest.KEK),
                FieldEncryptorFuzzTest.KEK);
        assertThat(again.toString()).isEqualTo(ring.toString());
        assertThat(again.version()).isEqualTo(ring.version());
    }
}
