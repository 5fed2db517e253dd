package org.privacykit.spark;

import org.privacykit.crypto.KeyEncryptionKey;

/**
 * Makes the key-encryption key on an executor, for a KMS or any KEK the built-in sources do not
 * cover. The implementation needs a public no-argument constructor and reads its configuration
 * (a key ARN, a credentials chain) on the executor: {@link KekSource#factory(Class)} sends only its
 * class name.
 */
@FunctionalInterface
public interface KekFactory {

    /**
     * Makes the KEK.
     *
     * @return the key-encryption key
     * @throws Exception when it cannot be made; the message must not hold secrets
     */
    KeyEncryptionKey create() throws Exception;
}
