package org.privacykit.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.PBEParameterSpec;

/**
 * A KEK held as an AES secret-key entry of a PKCS#12 key store, read with the JDK's {@code KeyStore}.
 *
 * <p>A store this class creates is owner-only ({@code 0600}), written durably, and protects its
 * entry with PBES2: PBKDF2-HMAC-SHA256 with {@value #ITERATIONS} iterations (OWASP's figure) and
 * AES-256-CBC. It carries no PKCS#12 MAC: the JDK computes that MAC with its own default of 10,000
 * iterations unless a global security property is changed, which would give a password guesser a
 * check sixty times cheaper than the entry's. Without it, a wrong password is still told apart
 * (the entry does not decrypt), and a modified file fails the key ring's own authentication.
 */
final class Pkcs12Kek {
    /** PBKDF2-HMAC-SHA256 iterations for the entry (OWASP Password Storage Cheat Sheet, 2023). */
    static final int ITERATIONS = 600_000;
    private static final String ENTRY_PROTECTION = "PBEWithHmacSHA256AndAES_256";
    private static final int SALT = 16;
    /** An empty PFX (version 3, empty authenticated safe) without MAC data: a store loaded from it is stored without a MAC. */
    private static final byte[] EMPTY_WITHOUT_MAC = HexFormat.of().parseHex("3016020103301106092a864886f70d010701a00404023000");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Pkcs12Kek() {
    }

    static KeyEncryptionKey load(Path file, char[] password, String alias) throws IOException, KeyRingStorageException {
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new KeyRingStorageException(KeyRingStorageException.Reason.WRONG_KEY_ENCRYPTION_KEY,
                        "wrong password for PKCS#12 key store " + file.getFileName(), e);
            }
            throw e;
        } catch (GeneralSecurityException e) {
            throw new KeyRingStorageException(KeyRingStorageException.Reason.CORRUPTED,
                    "cannot read PKCS#12 key store " + file.getFileName(), e);
        }
        try {
            Key key = store.getKey(alias, password);
            if (!(key instanceof SecretKey) || !"AES".equalsIgnoreCase(key.getAlgorithm())) {
                throw new KeyRingStorageException(KeyRingStorageException.Reason.WRONG_KEY_ENCRYPTION_KEY,
                        "PKCS#12 key store " + file.getFileName() + " has no AES secret key named " + alias);
            }
            byte[] bytes = key.getEncoded();
            try {
                return new AesKek("pkcs12:" + alias, bytes);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        } catch (UnrecoverableKeyException e) {
            throw new KeyRingStorageException(KeyRingStorageException.Reason.WRONG_KEY_ENCRYPTION_KEY,
                    "wrong password for entry " + alias, e);
        } catch (KeyRingStorageException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new KeyRingStorageException(KeyRingStorageException.Reason.CORRUPTED,
                    "cannot read entry " + alias + " of PKCS#12 key store " + file.getFileName(), e);
        }
    }

    static KeyEncryptionKey create(Path file, char[] password, String alias) throws IOException, GeneralSecurityException {
        return create(file, password, alias, ITERATIONS, FileOps.DEFAULT);
    }

    /** Creates the store with a chosen iteration count (tests use a cheap one) through a file-system seam. */
    static KeyEncryptionKey create(Path file, char[] password, String alias, int iterations, FileOps ops)
            throws IOException, GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        SecretKey key = generator.generateKey();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(EMPTY_WITHOUT_MAC), password);
        byte[] salt = new byte[SALT];
        RANDOM.nextBytes(salt);
        store.setEntry(alias, new KeyStore.SecretKeyEntry(key),
                new KeyStore.PasswordProtection(password, ENTRY_PROTECTION, new PBEParameterSpec(salt, iterations)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        writeNewDurably(file.toAbsolutePath(), out.toByteArray(), ops);
        byte[] bytes = key.getEncoded();
        try {
            return new AesKek("pkcs12:" + alias, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Owner-only, forced, then linked under its name (which must not exist), directory forced. */
    private static void writeNewDurably(Path file, byte[] bytes, FileOps ops) throws IOException {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        Path tmp = file.resolveSibling("." + file.getFileName() + "." + HexFormat.of().formatHex(random) + ".tmp");
        try {
            ops.writeNew(tmp, bytes);
            ops.forceFile(tmp);
            ops.link(file, tmp);
        } finally {
            ops.delete(tmp);
        }
        ops.forceDirectory(file.getParent());
    }
}
