package org.privacykit.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.google.crypto.tink.subtle.AesSiv;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.audit.AuditSink;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyInfo;
import org.privacykit.crypto.KeyRing;
import org.privacykit.spi.FieldContext;

/**
 * {@link FieldEncryptor#searchTerms} on a ring of 1,000 keys (years of rotation), which returns the
 * deterministic ciphertext of a 32-byte value under every enabled key. {@code enabled = 3}: the
 * primary and the two keys before it still enabled, the 997 older ones disabled after re-encryption
 * (the target: at most 10 us per call); {@code enabled = 1000}: nothing ever disabled, one term per
 * key. The anchor computes the same number of AES-SIV encryptions with Tink, each key already made,
 * in the same run: the cost of the terms themselves.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar SearchTermsBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SearchTermsBenchmark {
    static final int RING_KEYS = 1_000;
    static final String VALUE = "ada.lovelace@analytical-engine.x"; // 32 bytes
    static final byte[] BYTES = VALUE.getBytes(StandardCharsets.UTF_8);
    static final byte[] AD = "Customer.email".getBytes(StandardCharsets.UTF_8);

    @Param({"3", "1000"})
    int enabled;

    FieldEncryptor fields;
    FieldContext email;
    AesSiv[] tink;

    @Setup
    public void setUp() throws Exception {
        KeyRing keys = KeyRing.builder().auditSink(AuditSink.noop()).generate();
        for (int i = 1; i < RING_KEYS; i++) {
            keys.rotate();
        }
        List<KeyInfo> all = keys.keys();
        for (int i = 0; i < RING_KEYS - enabled; i++) {
            keys.disable(all.get(i).id());
        }
        fields = FieldEncryptor.builder(keys).auditSink(AuditSink.noop()).build();
        email = FieldContext.of("Customer.email", EncryptionMode.DETERMINISTIC);
        if (fields.searchTerms(email, VALUE).size() != enabled) {
            throw new IllegalStateException("expected one term per enabled key");
        }
        SecureRandom random = new SecureRandom();
        tink = new AesSiv[enabled];
        for (int i = 0; i < enabled; i++) {
            byte[] key = new byte[64];
            random.nextBytes(key);
            tink[i] = new AesSiv(key);
        }
    }

    @Benchmark
    public List<String> searchTerms_ours() throws GeneralSecurityException {
        return fields.searchTerms(email, VALUE);
    }

    @Benchmark
    public byte[][] sameNumberOfAesSiv_tink() throws GeneralSecurityException {
        byte[][] out = new byte[tink.length][];
        for (int i = 0; i < tink.length; i++) {
            out[i] = tink[i].encryptDeterministically(BYTES, AD);
        }
        return out;
    }
}
