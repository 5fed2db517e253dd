package org.privacykit.benchmarks;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.privacykit.audit.AuditSink;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyRing;
import org.privacykit.crypto.SubjectKeyStore;
import org.privacykit.jackson3.PrivacyModule;
import org.privacykit.jackson3.Reveal;
import org.privacykit.spi.FieldCipher;

/**
 * {@link PrivacyModuleBenchmark}'s twin on Jackson 3: privacy-jackson3 against plain Jackson 3 on the
 * same ten-field customer, in one JMH run: masking (target: at most 1.3x plain Jackson 3), masking
 * with a purpose reveal, and encrypting (whose raw cipher cost {@code PrivacyModuleBenchmark}
 * measures: the cipher is the same on both lines).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class Jackson3PrivacyModuleBenchmark {
    private final MaskingBenchmark.Customer customer = new MaskingBenchmark.Customer("c-1001", "Ada Lovelace",
            "ada.lovelace@example.com", "+44 20 7946 0958", "4111 1111 1111 1111", "Type 1 diabetes",
            LocalDate.of(1985, 12, 10), "sk_live_9f8e7d6c5b4a", "gold", 1200);

    private final JsonMapper plain = JsonMapper.builder().build();
    private final JsonMapper masking = JsonMapper.builder().addModule(PrivacyModule.masking(AuditSink.noop())).build();
    private final ObjectWriter revealing = Reveal.forPurposes("support").by("agent").writer(masking);
    private final FieldCipher cipher = FieldEncryptor.builder(KeyRing.builder().auditSink(AuditSink.noop()).generate())
            .subjectKeyStore(SubjectKeyStore.inMemory()).auditSink(AuditSink.noop()).build();
    private final JsonMapper encrypting = JsonMapper.builder()
            .addModule(PrivacyModule.encrypting(cipher, AuditSink.noop())).build();

    /** @return the customer as JSON, by plain Jackson 3: the anchor */
    @Benchmark
    public byte[] plainJackson3() {
        return plain.writeValueAsBytes(customer);
    }

    /** @return the customer as JSON, masked */
    @Benchmark
    public byte[] masking() {
        return masking.writeValueAsBytes(customer);
    }

    /** @return the customer as JSON, revealed for support (audited to a no-op sink) */
    @Benchmark
    public byte[] maskingWithReveal() {
        return revealing.writeValueAsBytes(customer);
    }

    /** @return the customer as stored JSON, four fields encrypted */
    @Benchmark
    public byte[] encrypting() {
        return encrypting.writeValueAsBytes(customer);
    }
}
