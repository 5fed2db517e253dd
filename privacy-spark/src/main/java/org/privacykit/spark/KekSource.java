package org.privacykit.spark;

import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.privacykit.crypto.KeyEncryptionKey;

/**
 * How an executor opens the key-encryption key that unwraps the key ring: a passphrase, a PKCS#12
 * key store, or a {@link KekFactory} (a KMS). Holds locations and names only; the passphrase,
 * password or KMS credentials are read on the executor.
 */
public sealed interface KekSource extends Serializable {

    /**
     * An Argon2id passphrase at the library's default cost (64 MiB, 3 passes, 4 lanes), as
     * {@link KeyEncryptionKey#passphrase(char[])}.
     *
     * @param passphrase where each executor reads it
     * @return the source
     */
    static KekSource passphrase(SecretSource passphrase) {
        return new Passphrase(passphrase, 0, 0, 0);
    }

    /**
     * An Argon2id passphrase at a chosen cost, as {@link KeyEncryptionKey#passphrase(char[], int, int, int)}.
     *
     * @param passphrase where each executor reads it
     * @param memoryKiB memory in KiB
     * @param iterations passes
     * @param lanes parallelism
     * @return the source
     */
    static KekSource passphrase(SecretSource passphrase, int memoryKiB, int iterations, int lanes) {
        if (memoryKiB <= 0 || iterations <= 0 || lanes <= 0) {
            throw new IllegalArgumentException("Argon2id memory, iterations and lanes must be positive");
        }
        return new Passphrase(passphrase, memoryKiB, iterations, lanes);
    }

    /**
     * A key in a PKCS#12 key store present on every executor, as {@link KeyEncryptionKey#pkcs12}.
     *
     * @param keyStore the key store's path on each executor
     * @param password where each executor reads the store's password
     * @param alias the key's alias
     * @return the source
     */
    static KekSource pkcs12(String keyStore, SecretSource password, String alias) {
        return new Pkcs12(keyStore, password, alias);
    }

    /**
     * A KEK made by a factory class on each executor (a KMS client).
     *
     * @param factory a class with a public no-argument constructor
     * @return the source
     */
    static KekSource factory(Class<? extends KekFactory> factory) {
        return new Factory(factory.getName());
    }

    /**
     * Opens the KEK on this JVM.
     *
     * @return the key-encryption key
     * @throws IOException when a secret cannot be read or the KEK cannot be made; the message names the source
     */
    KeyEncryptionKey open() throws IOException;

    /** An Argon2id passphrase; zero cost parameters mean the library's defaults. */
    record Passphrase(SecretSource passphrase, int memoryKiB, int iterations, int lanes) implements KekSource {
        public Passphrase {
            Objects.requireNonNull(passphrase, "passphrase");
        }

        @Override
        public KeyEncryptionKey open() throws IOException {
            char[] chars = passphrase.readChars();
            try {
                return memoryKiB == 0 ? KeyEncryptionKey.passphrase(chars)
                        : KeyEncryptionKey.passphrase(chars, memoryKiB, iterations, lanes);
            } finally {
                Arrays.fill(chars, '\0');
            }
        }

        @Override
        public String toString() {
            return "passphrase KEK from " + passphrase;
        }
    }

    /** A PKCS#12 key store. */
    record Pkcs12(String keyStore, SecretSource password, String alias) implements KekSource {
        public Pkcs12 {
            Objects.requireNonNull(keyStore, "keyStore");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(alias, "alias");
        }

        @Override
        public KeyEncryptionKey open() throws IOException {
            char[] chars = password.readChars();
            try {
                return KeyEncryptionKey.pkcs12(Path.of(keyStore), chars, alias);
            } catch (IOException e) {
                throw new IOException(this + " cannot be opened (" + e.getClass().getSimpleName() + ")", e);
            } catch (RuntimeException | org.privacykit.crypto.KeyRingStorageException e) {
                throw new IOException(this + " cannot be opened: " + e.getMessage(), e);
            } finally {
                Arrays.fill(chars, '\0');
            }
        }

        @Override
        public String toString() {
            return "PKCS#12 KEK " + keyStore + " (alias " + alias + ", password from " + password + ")";
        }
    }

    /** A {@link KekFactory} class, by name. */
    record Factory(String className) implements KekSource {
        public Factory {
            Objects.requireNonNull(className, "className");
        }

        @Override
        public KeyEncryptionKey open() throws IOException {
            try {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                Class<?> type = Class.forName(className, true, loader == null ? KekSource.class.getClassLoader() : loader);
                if (!KekFactory.class.isAssignableFrom(type)) {
                    throw new IOException(className + " does not implement " + KekFactory.class.getName());
                }
                return ((KekFactory) type.getConstructor().newInstance()).create();
            } catch (IOException e) {
                throw e;
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new IOException("KEK factory " + className + " failed to construct ("
                        + cause.getClass().getSimpleName() + ")", cause);
            } catch (Exception e) {
                throw new IOException("KEK factory " + className + " failed: " + e.getClass().getSimpleName(), e);
            }
        }

        @Override
        public String toString() {
            return "KEK factory " + className;
        }
    }
}
