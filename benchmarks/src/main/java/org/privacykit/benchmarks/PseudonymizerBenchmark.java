package org.privacykit.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
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
import org.privacykit.pseudonym.Pseudonymizer;
import org.privacykit.pseudonym.TokenFormat;

/**
 * Pseudonymizer against its anchor, a raw JDK {@code Mac} (HMAC-SHA256) over the same 31-byte value,
 * with and without turning the digest into text. Target: the domain pseudonymizer at most 1.2x the
 * raw MAC.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class PseudonymizerBenchmark {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** A 32-character value: an e-mail address. */
    private final String value = "ada.lovelace.1815@example.co.uk";
    private Pseudonymizer pseudonymizer;
    private Pseudonymizer.Domain domain;
    private Pseudonymizer.Domain hexDomain;
    private Mac rawMac;

    /**
     * Derives the keys once, as an application would.
     *
     * @throws GeneralSecurityException never with a JDK
     */
    @Setup
    public void setUp() throws GeneralSecurityException {
        pseudonymizer = Pseudonymizer.hmacSha256(KEY);
        domain = pseudonymizer.domain("Customer.email");
        hexDomain = Pseudonymizer.builder(KEY).format(TokenFormat.HEX).build().domain("Customer.email");
        rawMac = Mac.getInstance("HmacSHA256");
        rawMac.init(new SecretKeySpec(domain.mac(new byte[0]), "HmacSHA256"));
    }

    /** @return the anchor: HMAC-SHA256 of the value's UTF-8 bytes with a JDK Mac held by the caller */
    @Benchmark
    public byte[] rawMac() {
        return rawMac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the anchor with the same output as a token: raw MAC, first 16 bytes as 32 hex characters */
    @Benchmark
    public String rawMacHex() {
        return HexFormat.of().formatHex(rawMac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    /** @return a pseudonym through the domain held by the caller (the hot path) */
    @Benchmark
    public String domainPseudonym() {
        return domain.pseudonymize(value);
    }

    /** @return a hex pseudonym through the domain */
    @Benchmark
    public String domainPseudonymHex() {
        return hexDomain.pseudonymize(value);
    }

    /** @return a pseudonym through the one-shot call, which looks the domain up */
    @Benchmark
    public String oneShotPseudonym() {
        return pseudonymizer.pseudonymize("Customer.email", value);
    }
}
