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

import org.privacykit.annotation.EncryptionMode;
import org.privacykit.spi.FieldCipher;
import org.privacykit.spi.FieldContext;
import org.privacykit.spi.FieldCryptoException;
import org.privacykit.spi.TamperedCiphertextException;

/**
 * BENCHMARK STAND-IN for privacy-crypto's {@code FieldEncryptor}, until that module is merged: the
 * JDK's AES-256-GCM with one {@code Cipher} per thread, AAD = context name and subject, a synthetic
 * IV (HMAC) for deterministic fields. It measures what the Jackson layer adds around a cipher of
 * about the real one's cost; it is not the product's cipher and has no key management.
 */
final class BenchmarkFieldCipher implements FieldCipher {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final SecretKeySpec ivKey;
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    });
    private final ThreadLocal<Mac> macs;

    BenchmarkFieldCipher() {
        byte[] k = new byte[32];
        byte[] i = new byte[32];
        RANDOM.nextBytes(k);
        RANDOM.nextBytes(i);
        key = new SecretKeySpec(k, "AES");
        ivKey = new SecretKeySpec(i, "HmacSHA256");
        macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(ivKey);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        });
    }

    @Override
    public String encrypt(FieldContext field, String plaintext) throws FieldCryptoException {
        byte[] aad = (field.name() + "\u0000" + (field.subjectId() == null ? "" : field.subjectId()))
                .getBytes(StandardCharsets.UTF_8);
        byte[] clear = plaintext.getBytes(StandardCharsets.UTF_8);
        byte[] iv;
        if (field.mode() == EncryptionMode.RANDOMIZED) {
            iv = new byte[12];
            RANDOM.nextBytes(iv);
        } else {
            Mac mac = macs.get();
            mac.update(aad);
            iv = Arrays.copyOf(mac.doFinal(clear), 12);
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(aad);
            byte[] out = new byte[12 + cipher.getOutputSize(clear.length)];
            System.arraycopy(iv, 0, out, 0, 12);
            cipher.doFinal(clear, 0, clear.length, out, 12);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new FieldCryptoException(field.name(), "encryption failed", e);
        }
    }

    @Override
    public String decrypt(FieldContext field, String ciphertext) throws FieldCryptoException {
        byte[] in = Base64.getUrlDecoder().decode(ciphertext);
        byte[] aad = (field.name() + "\u0000" + (field.subjectId() == null ? "" : field.subjectId()))
                .getBytes(StandardCharsets.UTF_8);
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            cipher.updateAAD(aad);
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new TamperedCiphertextException(field.name());
        }
    }
}
