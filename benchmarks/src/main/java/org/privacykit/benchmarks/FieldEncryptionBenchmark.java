package org.privacykit.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.AesSiv;

import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.bouncycastle.crypto.params.FPEParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.audit.AuditSink;
import org.privacykit.crypto.Aead;
import org.privacykit.crypto.Alphabet;
import org.privacykit.crypto.DeterministicAead;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.FormatPreservingCipher;
import org.privacykit.crypto.KeyRing;
import org.privacykit.spi.FieldContext;

/**
 * Field encryption of a 32-byte value beside its anchors, in one run: raw JDK {@code Cipher}
 * (AES-256-GCM, {@code SecureRandom} nonce), Tink's AES-GCM and AES-SIV (tink 1.18.0 subtle
 * primitives, as its keyset primitives use), and raw BouncyCastle FF1 (engine reused per thread).
 * Ours are measured both as primitives (bytes in, bytes out, like the anchors) and as
 * {@link FieldEncryptor} (String in, base64url String out, header, field binding).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar FieldEncryptionBenchmark -f 1 -wi 1 -i 2 -w 1 -r 1          # 1 thread
 * java -jar benchmarks/target/benchmarks.jar FieldEncryptionBenchmark -f 1 -wi 1 -i 2 -w 1 -r 1 -t 2     # 2 threads
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class FieldEncryptionBenchmark {
    static final String VALUE = "ada.lovelace@analytical-engine.x"; // 32 bytes
    static final byte[] BYTES = VALUE.getBytes(StandardCharsets.UTF_8);
    static final byte[] AD = "Customer.email".getBytes(StandardCharsets.UTF_8);
    static final String CARD = "4111111111111111";

    FieldEncryptor fields;
    FieldContext randomized;
    FieldContext deterministic;
    FieldContext formatPreserving;
    Aead ourAead;
    DeterministicAead ourSiv;
    FormatPreservingCipher ourFf1;
    AesGcmJce tinkAead;
    AesSiv tinkSiv;
    byte[] aesKey = new byte[32];
    byte[] sivKey = new byte[64];
    String randomizedCiphertext;
    byte[] rawCiphertext;
    byte[] tinkCiphertext;

    @Setup
    public void setUp() throws GeneralSecurityException {
        SecureRandom random = new SecureRandom();
        random.nextBytes(aesKey);
        random.nextBytes(sivKey);
        KeyRing keys = KeyRing.builder().auditSink(AuditSink.noop()).generate();
        fields = FieldEncryptor.builder(keys).auditSink(AuditSink.noop()).build();
        randomized = FieldContext.of("Customer.note", EncryptionMode.RANDOMIZED);
        deterministic = FieldContext.of("Customer.email", EncryptionMode.DETERMINISTIC);
        formatPreserving = FieldContext.of("Customer.card", EncryptionMode.FORMAT_PRESERVING).withAlphabet("0123456789");
        ourAead = Aead.aesGcm(aesKey);
        ourSiv = DeterministicAead.aesSiv(sivKey);
        ourFf1 = FormatPreservingCipher.ff1(aesKey, Alphabet.DIGITS);
        tinkAead = new AesGcmJce(aesKey);
        tinkSiv = new AesSiv(sivKey);
        randomizedCiphertext = fields.encrypt(randomized, VALUE);
        tinkCiphertext = tinkAead.encrypt(BYTES, AD);
    }

    /** Per-thread state of the raw anchors: one Cipher, one SecureRandom, one BouncyCastle FF1 engine. */
    @State(Scope.Thread)
    public static class Raw {
        Cipher gcm;
        SecretKeySpec key;
        SecureRandom random;
        FPEFF1Engine ff1;
        byte[] digits = new byte[CARD.length()];
        byte[] rawCiphertext;

        @Setup(Level.Trial)
        public void setUp(FieldEncryptionBenchmark b) throws GeneralSecurityException {
            gcm = Cipher.getInstance("AES/GCM/NoPadding");
            key = new SecretKeySpec(b.aesKey, "AES");
            random = new SecureRandom();
            ff1 = new FPEFF1Engine(AESEngine.newInstance());
            ff1.init(true, new FPEParameters(new KeyParameter(b.aesKey), 10, "Customer.card".getBytes(StandardCharsets.UTF_8)));
            for (int i = 0; i < digits.length; i++) {
                digits[i] = (byte) (CARD.charAt(i) - '0');
            }
            rawCiphertext = jdkEncrypt(this);
        }
    }

    static byte[] jdkEncrypt(Raw raw) throws GeneralSecurityException {
        byte[] nonce = new byte[12];
        raw.random.nextBytes(nonce);
        byte[] out = new byte[12 + BYTES.length + 16];
        System.arraycopy(nonce, 0, out, 0, 12);
        raw.gcm.init(Cipher.ENCRYPT_MODE, raw.key, new GCMParameterSpec(128, nonce));
        raw.gcm.updateAAD(AD);
        raw.gcm.doFinal(BYTES, 0, BYTES.length, out, 12);
        return out;
    }

    // --- randomized: AES-256-GCM, 32 bytes ---------------------------------------------------

    @Benchmark
    public byte[] gcmEncrypt_rawJdkCipher(Raw raw) throws GeneralSecurityException {
        return jdkEncrypt(raw);
    }

    @Benchmark
    public byte[] gcmEncrypt_tink() throws GeneralSecurityException {
        return tinkAead.encrypt(BYTES, AD);
    }

    @Benchmark
    public byte[] gcmEncrypt_oursPrimitive() throws GeneralSecurityException {
        return ourAead.encrypt(BYTES, AD);
    }

    @Benchmark
    public String gcmEncrypt_oursFieldEncryptor() throws GeneralSecurityException {
        return fields.encrypt(randomized, VALUE);
    }

    @Benchmark
    public byte[] gcmDecrypt_rawJdkCipher(Raw raw) throws GeneralSecurityException {
        byte[] c = raw.rawCiphertext;
        raw.gcm.init(Cipher.DECRYPT_MODE, raw.key, new GCMParameterSpec(128, c, 0, 12));
        raw.gcm.updateAAD(AD);
        return raw.gcm.doFinal(c, 12, c.length - 12);
    }

    @Benchmark
    public byte[] gcmDecrypt_tink() throws GeneralSecurityException {
        return tinkAead.decrypt(tinkCiphertext, AD);
    }

    @Benchmark
    public String gcmDecrypt_oursFieldEncryptor() throws GeneralSecurityException {
        return fields.decrypt(randomized, randomizedCiphertext);
    }

    // --- deterministic: AES-SIV, 32 bytes -----------------------------------------------------

    @Benchmark
    public byte[] sivEncrypt_tink() throws GeneralSecurityException {
        return tinkSiv.encryptDeterministically(BYTES, AD);
    }

    @Benchmark
    public byte[] sivEncrypt_oursPrimitive() throws GeneralSecurityException {
        return ourSiv.encryptDeterministically(BYTES, AD);
    }

    @Benchmark
    public String sivEncrypt_oursFieldEncryptor() throws GeneralSecurityException {
        return fields.encrypt(deterministic, VALUE);
    }

    // --- format-preserving: FF1, 16 digits ----------------------------------------------------

    @Benchmark
    public byte[] ff1Encrypt_rawBouncyCastle(Raw raw) {
        byte[] out = new byte[raw.digits.length];
        raw.ff1.processBlock(raw.digits, 0, raw.digits.length, out, 0);
        return out;
    }

    @Benchmark
    public String ff1Encrypt_oursPrimitive() throws GeneralSecurityException {
        return ourFf1.encrypt(CARD, AD);
    }

    @Benchmark
    public String ff1Encrypt_oursFieldEncryptor() throws GeneralSecurityException {
        return fields.encrypt(formatPreserving, CARD);
    }
}
