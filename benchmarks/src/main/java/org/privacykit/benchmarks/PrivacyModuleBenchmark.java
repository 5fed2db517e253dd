package org.privacykit.benchmarks;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.privacykit.audit.AuditSink;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyRing;
import org.privacykit.crypto.SubjectKeyStore;
import org.privacykit.jackson.PrivacyModule;
import org.privacykit.jackson.Reveal;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.spi.FieldCipher;
import org.privacykit.spi.FieldContext;

/**
 * The Jackson module against plain Jackson on the same ten-field customer (MaskingBenchmark's):
 * masking (target: at most 1.3x plain), masking with a purpose reveal, and encrypting, whose anchor
 * is plain Jackson plus the raw cost of its four field encryptions ({@link #rawCipherFourFields}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class PrivacyModuleBenchmark {
    private final MaskingBenchmark.Customer customer = new MaskingBenchmark.Customer("c-1001", "Ada Lovelace",
            "ada.lovelace@example.com", "+44 20 7946 0958", "4111 1111 1111 1111", "Type 1 diabetes",
            LocalDate.of(1985, 12, 10), "sk_live_9f8e7d6c5b4a", "gold", 1200);

    private final ObjectMapper plain = mapper(null);
    private final ObjectMapper masking = mapper(PrivacyModule.masking(AuditSink.noop()));
    private final ObjectWriter revealing = Reveal.forPurposes("support").by("agent").writer(masking);
    private final FieldCipher cipher = FieldEncryptor.builder(KeyRing.builder().auditSink(AuditSink.noop()).generate())
            .subjectKeyStore(SubjectKeyStore.inMemory()).auditSink(AuditSink.noop()).build();
    private final ObjectMapper encrypting = mapper(PrivacyModule.encrypting(cipher, AuditSink.noop()));
    private final FieldContext email = context("email");
    private final FieldContext card = context("cardNumber");
    private final FieldContext diagnosis = context("diagnosis");
    private final FieldContext token = context("apiToken");

    private static ObjectMapper mapper(PrivacyModule module) {
        JsonMapper.Builder builder = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        if (module != null) {
            builder.addModule(module);
        }
        return builder.build();
    }

    private static FieldContext context(String property) {
        return FieldContext.of(PrivacyMetadata.of(MaskingBenchmark.Customer.class).property(property), "c-1001");
    }

    /** @return the customer as JSON, by plain Jackson: the anchor */
    @Benchmark
    public byte[] plainJackson() throws Exception {
        return plain.writeValueAsBytes(customer);
    }

    /** @return the customer as JSON, masked */
    @Benchmark
    public byte[] masking() throws Exception {
        return masking.writeValueAsBytes(customer);
    }

    /** @return the customer as JSON, revealed for support (two reveals audited to a no-op sink) */
    @Benchmark
    public byte[] maskingWithReveal() throws Exception {
        return revealing.writeValueAsBytes(customer);
    }

    /** @return the customer as stored JSON, four fields encrypted */
    @Benchmark
    public byte[] encrypting() throws Exception {
        return encrypting.writeValueAsBytes(customer);
    }

    /**
     * The raw cipher cost the encrypting mapper cannot avoid: the four String fields encrypted by the same
     * FieldEncryptor.
     *
     * @param sink takes the ciphertexts
     */
    @Benchmark
    public void rawCipherFourFields(Blackhole sink) throws Exception {
        sink.consume(cipher.encrypt(email, "ada.lovelace@example.com"));
        sink.consume(cipher.encrypt(card, "4111 1111 1111 1111"));
        sink.consume(cipher.encrypt(diagnosis, "Type 1 diabetes"));
        sink.consume(cipher.encrypt(token, "sk_live_9f8e7d6c5b4a"));
    }
}
