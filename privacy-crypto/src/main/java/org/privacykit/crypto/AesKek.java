package org.privacykit.crypto;

import java.security.GeneralSecurityException;
import java.util.Objects;

/** A KEK from raw AES key bytes: AES-GCM with a random nonce, the file header as associated data. */
final class AesKek implements KeyEncryptionKey {
    private final String id;
    private final Aead aead;

    AesKek(String id, byte[] key) throws GeneralSecurityException {
        this.id = Objects.requireNonNull(id, "id");
        this.aead = Aead.aesGcm(key.clone());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public byte[] wrap(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
        return aead.encrypt(plaintext, associatedData);
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] associatedData) throws GeneralSecurityException {
        return aead.decrypt(wrapped, associatedData);
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[" + id + ", AES-GCM]";
    }
}
