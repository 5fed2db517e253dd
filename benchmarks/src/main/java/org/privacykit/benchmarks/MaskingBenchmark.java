package org.privacykit.benchmarks;

import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;

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
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.SubjectId;
import org.privacykit.mask.Masked;
import org.privacykit.mask.Masker;
import org.privacykit.mask.Maskers;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PrivacyMetadata;

/**
 * Masking and metadata lookup. Anchors: a hand-written masking {@code toString} (what a careful team
 * writes without a library) and the record's own, unmasked {@code toString}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class MaskingBenchmark {

    /** A ten-field customer, as in the README. */
    public record Customer(@SubjectId String id,
                           @PersonalData(PersonalDataType.NAME) String fullName,
                           @PersonalData(PersonalDataType.EMAIL) @Encrypted(mode = DETERMINISTIC) String email,
                           @PersonalData(PersonalDataType.PHONE) String phone,
                           @PersonalData(PersonalDataType.PAYMENT_CARD) @Encrypted String cardNumber,
                           @PersonalData(PersonalDataType.HEALTH) @Encrypted String diagnosis,
                           @PersonalData(PersonalDataType.DATE_OF_BIRTH) LocalDate birthDate,
                           @Sensitive @Encrypted String apiToken,
                           String plan,
                           int loyaltyPoints) {
    }

    private final Customer customer = new Customer("c-1001", "Ada Lovelace", "ada.lovelace@example.com",
            "+44 20 7946 0958", "4111 1111 1111 1111", "Type 1 diabetes", LocalDate.of(1985, 12, 10),
            "sk_live_9f8e7d6c5b4a", "gold", 1200);
    private final Masker email = Maskers.email();
    private final Masker card = Maskers.paymentCard();
    private final Masker phone = Maskers.phone();

    /** @return the email masked */
    @Benchmark
    public String maskEmail() {
        return email.mask(customer.email());
    }

    /** @return the card masked */
    @Benchmark
    public String maskCard() {
        return card.mask(customer.cardNumber());
    }

    /** @return the phone masked */
    @Benchmark
    public String maskPhone() {
        return phone.mask(customer.phone());
    }

    /** @return the cached metadata */
    @Benchmark
    public ClassMetadata metadataLookup() {
        return PrivacyMetadata.of(Customer.class);
    }

    /** @return privacy-kit's masked toString */
    @Benchmark
    public String maskedToString() {
        return Masked.toString(customer);
    }

    /** @return a hand-written masked toString, the anchor */
    @Benchmark
    public String handWrittenMaskedToString() {
        Customer c = customer;
        return "Customer[id=" + c.id() + ", fullName=" + Maskers.name().mask(c.fullName())
                + ", email=" + email.mask(c.email()) + ", phone=" + phone.mask(c.phone())
                + ", cardNumber=" + card.mask(c.cardNumber()) + ", diagnosis=[REDACTED], birthDate="
                + c.birthDate().getYear() + ", apiToken=[REDACTED], plan=" + c.plan()
                + ", loyaltyPoints=" + c.loyaltyPoints() + "]";
    }

    /** @return the record's own toString, unmasked: the floor */
    @Benchmark
    public String plainToString() {
        return customer.toString();
    }
}
