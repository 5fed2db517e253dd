package org.privacykit.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.persistence.AttributeConverter;

/**
 * The anchor of {@link JpaEncryptionBenchmark}'s {@code rawjdk} entity: column encryption written by
 * hand on the JDK's own AES, the least a Java team would write, as JPA {@code AttributeConverter}s.
 * Randomized: AES-256-GCM with a 12-byte nonce from {@code SecureRandom} and the column's name as
 * associated data, stored as base64url of nonce, ciphertext and tag. Deterministic (the JDK has no
 * AES-SIV): the nonce is the first 12 bytes of HMAC-SHA256 of the value (a synthetic nonce), then
 * the same AES-GCM. One cached {@code Cipher} and {@code Mac} per thread; no key ring, no key id in
 * the value, no subject binding, no audit, no normalization: what the row costs in the JDK's AES,
 * base64 and the larger columns, so that privacy-kit's own cost is the difference.
 */
final class RawJdkColumnCrypto {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The benchmark's keys, made once per JVM (converters are instantiated by Hibernate, without arguments). */
    private static final SecretKeySpec AES_KEY = new SecretKeySpec(randomBytes(KEY_BYTES), "AES");
    private static final SecretKeySpec MAC_KEY = new SecretKeySpec(randomBytes(KEY_BYTES), "HmacSHA256");
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> instance(() -> Cipher.getInstance("AES/GCM/NoPadding")));
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> instance(() -> {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(MAC_KEY);
        return mac;
    }));

    private RawJdkColumnCrypto() {
    }

    static String encrypt(String column, String value, boolean deterministic) {
        byte[] plaintext = value.getBytes(StandardCharsets.UTF_8);
        byte[] nonce = deterministic ? Arrays.copyOf(HMAC.get().doFinal(plaintext), NONCE_BYTES) : randomBytes(NONCE_BYTES);
        try {
            Cipher cipher = GCM.get();
            cipher.init(Cipher.ENCRYPT_MODE, AES_KEY, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE_BYTES);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(column + ": cannot encrypt", e);
        }
    }

    static String decrypt(String column, String stored) {
        byte[] in = Base64.getUrlDecoder().decode(stored);
        try {
            Cipher cipher = GCM.get();
            cipher.init(Cipher.DECRYPT_MODE, AES_KEY, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(column + ": cannot decrypt", e);
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private interface Factory<T> {
        T make() throws GeneralSecurityException;
    }

    private static <T> T instance(Factory<T> factory) {
        try {
            return factory.make();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES-GCM or HMAC-SHA256", e);
        }
    }

    /** A column's converter: its name is the associated data. */
    abstract static class Column implements AttributeConverter<String, String> {
        private final String column;
        private final boolean deterministic;

        Column(String column, boolean deterministic) {
            this.column = column;
            this.deterministic = deterministic;
        }

        @Override
        public String convertToDatabaseColumn(String value) {
            return value == null ? null : encrypt(column, value, deterministic);
        }

        @Override
        public String convertToEntityAttribute(String stored) {
            return stored == null ? null : decrypt(column, stored);
        }
    }

    /** Deterministic, for equality search. */
    public static final class Email extends Column {
        /** For Hibernate. */
        public Email() {
            super("RawJdkCustomer.email", true);
        }
    }

    /** Randomized. */
    public static final class CardNumber extends Column {
        /** For Hibernate. */
        public CardNumber() {
            super("RawJdkCustomer.cardNumber", false);
        }
    }

    /** Randomized. */
    public static final class Diagnosis extends Column {
        /** For Hibernate. */
        public Diagnosis() {
            super("RawJdkCustomer.diagnosis", false);
        }
    }
}
