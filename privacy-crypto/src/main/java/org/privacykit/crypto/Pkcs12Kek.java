package org.privacykit.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/** A KEK held as an AES secret-key entry of a PKCS#12 key store, read with the JDK's {@code KeyStore}. */
final class Pkcs12Kek {
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
                java.util.Arrays.fill(bytes, (byte) 0);
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
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        SecretKey key = generator.generateKey();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, password);
        store.setEntry(alias, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password));
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            store.store(out, password);
        }
        byte[] bytes = key.getEncoded();
        try {
            return new AesKek("pkcs12:" + alias, bytes);
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
    }
}
