package org.privacykit.jackson.testsuite;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.privacykit.annotation.EncryptionMode;
import org.privacykit.spi.FieldCipher;
import org.privacykit.spi.FieldContext;
import org.privacykit.spi.FieldCryptoException;
import org.privacykit.spi.MalformedCiphertextException;
import org.privacykit.spi.SubjectErasedException;
import org.privacykit.spi.TamperedCiphertextException;

/**
 * TEST ONLY: a small {@link FieldCipher} on the JDK's AES-256-GCM, so that the encrypting mappers'
 * tests depend on the {@code FieldCipher} contract only, with ciphertexts they can recognize
 * ({@code t1.}) and erasure they can trigger; the real {@code FieldEncryptor} has its own contract
 * ({@code FieldEncryptorContract}). Not for production: one key, no key ids, no rotation, no
 * per-subject keys (erasure is simulated by a set of forgotten subjects).
 *
 * <p>Ciphertext: {@code t1.} + base64url(iv ‖ ciphertext ‖ tag). AAD: the context name, a zero byte,
 * the subject id. Deterministic mode derives the IV from an HMAC of the AAD and plaintext
 * (a synthetic IV), so equal values in the same context give equal ciphertexts.
 */
public final class TestFieldCipher implements FieldCipher {
    private static final String PREFIX = "t1.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final SecretKeySpec ivKey;
    private final Set<String> forgotten = ConcurrentHashMap.newKeySet();

    private TestFieldCipher(byte[] key, byte[] ivKey) {
        this.key = new SecretKeySpec(key, "AES");
        this.ivKey = new SecretKeySpec(ivKey, "HmacSHA256");
    }

    /**
     * A cipher with fresh random keys.
     *
     * @return the cipher
     */
    public static TestFieldCipher generate() {
        byte[] k = new byte[32];
        byte[] i = new byte[32];
        RANDOM.nextBytes(k);
        RANDOM.nextBytes(i);
        return new TestFieldCipher(k, i);
    }

    /**
     * Makes every later encryption and decryption for a subject fail as erased.
     *
     * @param subjectId the subject
     */
    public void forget(String subjectId) {
        forgotten.add(subjectId);
    }

    @Override
    public String encrypt(FieldContext field, String plaintext) throws FieldCryptoException {
        checkNotForgotten(field);
        byte[] aad = aad(field);
        byte[] clear = plaintext.getBytes(StandardCharsets.UTF_8);
        byte[] iv = new byte[12];
        try {
            if (field.mode() == EncryptionMode.RANDOMIZED) {
                RANDOM.nextBytes(iv);
            } else {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(ivKey);
                mac.update(aad);
                mac.update((byte) 0);
                iv = Arrays.copyOf(mac.doFinal(clear), 12);
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(clear);
            byte[] out = ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array();
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new FieldCryptoException(field.name(), "encryption failed", e);
        }
    }

    @Override
    public String decrypt(FieldContext field, String ciphertext) throws FieldCryptoException {
        checkNotForgotten(field);
        if (!ciphertext.startsWith(PREFIX)) {
            throw new MalformedCiphertextException(field.name());
        }
        byte[] in;
        try {
            in = Base64.getUrlDecoder().decode(ciphertext.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new MalformedCiphertextException(field.name(), "not base64url");
        }
        if (in.length < 12 + 16) {
            throw new MalformedCiphertextException(field.name(), "too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            cipher.updateAAD(aad(field));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new TamperedCiphertextException(field.name());
        } catch (GeneralSecurityException e) {
            throw new FieldCryptoException(field.name(), "decryption failed", e);
        }
    }

    private void checkNotForgotten(FieldContext field) throws SubjectErasedException {
        if (field.subjectId() != null && forgotten.contains(field.subjectId())) {
            throw new SubjectErasedException(field.name());
        }
    }

    private static byte[] aad(FieldContext field) {
        String subject = field.subjectId() == null ? "" : field.subjectId();
        return (field.name() + "\u0000" + subject).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "TestFieldCipher[AES-256-GCM, test only]";
    }
}
