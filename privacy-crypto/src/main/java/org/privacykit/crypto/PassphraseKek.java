package org.privacykit.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * A KEK from a passphrase: Argon2id (BouncyCastle's lightweight generator) stretches it into a
 * 256-bit key per wrap, with a fresh salt. The wrapped form is {@code version (1) || memory KiB (4)
 * || iterations (1) || parallelism (1) || salt (16) || check (16) || AES-GCM(nonce || ct || tag)};
 * the check value (HMAC of a constant under the derived key) tells a wrong passphrase apart from a
 * modified file. Parameters read from a file are bounded, so a crafted file cannot demand gigabytes.
 */
final class PassphraseKek implements KeyEncryptionKey {
    static final int OWASP_MEMORY_KIB = 19 * 1024;
    static final int OWASP_ITERATIONS = 2;
    private static final int VERSION = 1;
    private static final int SALT = 16;
    private static final int CHECK = 16;
    private static final int HEADER = 1 + 4 + 1 + 1 + SALT + CHECK;
    private static final int MAX_MEMORY_KIB = 1 << 20;
    private static final byte[] CHECK_LABEL = "privacykit passphrase check".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] passphrase;
    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;

    PassphraseKek(char[] passphrase, int memoryKiB, int iterations, int parallelism) {
        if (passphrase == null || passphrase.length == 0) {
            throw new IllegalArgumentException("a passphrase KEK needs a non-empty passphrase");
        }
        checkParameters(memoryKiB, iterations, parallelism);
        ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        this.passphrase = new byte[utf8.remaining()];
        utf8.get(this.passphrase);
        if (utf8.hasArray()) {
            Arrays.fill(utf8.array(), utf8.arrayOffset(), utf8.arrayOffset() + utf8.capacity(), (byte) 0);
        }
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    private static void checkParameters(int memoryKiB, int iterations, int parallelism) {
        if (parallelism < 1 || parallelism > 16) {
            throw new IllegalArgumentException("Argon2id parallelism must be 1 to 16, was " + parallelism);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2id memory must be " + 8 * parallelism + " to " + MAX_MEMORY_KIB + " KiB, was " + memoryKiB);
        }
        if (iterations < 1 || iterations > 64) {
            throw new IllegalArgumentException("Argon2id iterations must be 1 to 64, was " + iterations);
        }
    }

    @Override
    public String id() {
        return "passphrase:argon2id";
    }

    private byte[] derive(byte[] salt, int m, int t, int p) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(m).withIterations(t).withParallelism(p).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] key = new byte[32];
        generator.generateBytes(passphrase, key);
        return key;
    }

    private static byte[] check(byte[] key) throws GeneralSecurityException {
        return Arrays.copyOf(Mac.hmacSha256(key).computeMac(CHECK_LABEL), CHECK);
    }

    @Override
    public byte[] wrap(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
        byte[] salt = new byte[SALT];
        RANDOM.nextBytes(salt);
        byte[] key = derive(salt, memoryKiB, iterations, parallelism);
        try {
            byte[] sealed = Aead.aesGcm(key).encrypt(plaintext, associatedData);
            ByteBuffer out = ByteBuffer.allocate(HEADER + sealed.length);
            out.put((byte) VERSION).putInt(memoryKiB).put((byte) iterations).put((byte) parallelism)
                    .put(salt).put(check(key)).put(sealed);
            return out.array();
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] associatedData) throws GeneralSecurityException {
        if (wrapped.length < HEADER + AeadEngine.OVERHEAD) {
            throw new KeyRingStorageException(KeyRingStorageException.Reason.TRUNCATED, "passphrase-wrapped key ring is truncated");
        }
        ByteBuffer in = ByteBuffer.wrap(wrapped);
        int version = in.get();
        if (version != VERSION) {
            throw new KeyRingStorageException(KeyRingStorageException.Reason.UNSUPPORTED_VERSION,
                    "passphrase wrapping version " + version + " is not supported");
        }
        int m = in.getInt();
        int t = in.get() & 0xff;
        int p = in.get() & 0xff;
        try {
            checkParameters(m, t, p);
        } catch (IllegalArgumentException e) {
            throw new KeyRingStorageException(KeyRingStorageException.Reason.CORRUPTED,
                    "passphrase-wrapped key ring has invalid Argon2id parameters: " + e.getMessage());
        }
        byte[] salt = new byte[SALT];
        byte[] storedCheck = new byte[CHECK];
        in.get(salt).get(storedCheck);
        byte[] key = derive(salt, m, t, p);
        try {
            if (!MessageDigest.isEqual(check(key), storedCheck)) {
                throw new KeyRingStorageException(KeyRingStorageException.Reason.WRONG_KEY_ENCRYPTION_KEY, "wrong passphrase");
            }
            return Aead.aesGcm(key).decrypt(Arrays.copyOfRange(wrapped, HEADER, wrapped.length), associatedData);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[passphrase, Argon2id m=" + memoryKiB + "KiB t=" + iterations + " p=" + parallelism + "]";
    }
}
