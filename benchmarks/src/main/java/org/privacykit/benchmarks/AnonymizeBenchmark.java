package org.privacykit.benchmarks;

import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.SubjectId;
import org.privacykit.anonymize.Anonymizer;

/**
 * Anonymized copies of a ten-field customer with one nested order. Anchors: a hand-written copy
 * that applies one HMAC-SHA256 per personal field (what a team writes without a library, with no
 * realistic fakes), and a plain copy (the floor).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class AnonymizeBenchmark {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** An order line. */
    public record Order(String orderId, long cents, @PersonalData(PersonalDataType.POSTCODE) String postcode) {
    }

    /** The customer of the README. */
    public record Customer(@SubjectId String id,
                           @PersonalData(PersonalDataType.NAME) String fullName,
                           @PersonalData(PersonalDataType.EMAIL) @Encrypted(mode = DETERMINISTIC) String email,
                           @PersonalData(PersonalDataType.PHONE) String phone,
                           @PersonalData(PersonalDataType.PAYMENT_CARD) @Encrypted String cardNumber,
                           @PersonalData(PersonalDataType.HEALTH) @Encrypted String diagnosis,
                           @PersonalData(PersonalDataType.DATE_OF_BIRTH) LocalDate birthDate,
                           @Sensitive @Encrypted String apiToken,
                           String plan,
                           List<Order> orders) {
    }

    private final Customer customer = new Customer("c-1001", "Ada Lovelace", "ada.lovelace@example.com",
            "+44 20 7946 0958", "4111 1111 1111 1111", "Type 1 diabetes", LocalDate.of(1985, 12, 10),
            "sk_live_9f8e7d6c5b4a", "gold", List.of(new Order("o-1", 4250, "SW1Y 4JH")));
    private Anonymizer anonymizer;
    private Mac mac;

    /**
     * Builds the anonymizer and the anchor's MAC once.
     *
     * @throws GeneralSecurityException never with a JDK
     */
    @Setup
    public void setUp() throws GeneralSecurityException {
        anonymizer = Anonymizer.withKey(KEY);
        var unused = anonymizer.anonymize(customer); // the class plans, made once
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    }

    /** @return privacy-kit's anonymized copy: fakes, generalization, suppression, pseudonymized id */
    @Benchmark
    public Customer anonymize() {
        return anonymizer.anonymize(customer);
    }

    private String token(String value) {
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    /** @return the anchor: one keyed hash per personal field, written by hand */
    @Benchmark
    public Customer handWrittenKeyedCopy() {
        Customer c = customer;
        Order o = c.orders().get(0);
        return new Customer(token(c.id()), token(c.fullName()), token(c.email()), token(c.phone()),
                token(c.cardNumber()), null, c.birthDate().withDayOfYear(1), null, c.plan(),
                List.of(new Order(o.orderId(), o.cents(), o.postcode().substring(0, 4) + " ***")));
    }

    /** @return a plain copy, the floor */
    @Benchmark
    public Customer plainCopy() {
        Customer c = customer;
        Order o = c.orders().get(0);
        return new Customer(c.id(), c.fullName(), c.email(), c.phone(), c.cardNumber(), c.diagnosis(), c.birthDate(),
                c.apiToken(), c.plan(), List.of(new Order(o.orderId(), o.cents(), o.postcode())));
    }
}
