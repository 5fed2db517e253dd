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

import org.privacykit.crypto.KeyRingStorageException.Reason;

/**
 * A KEK from a passphrase. Argon2id (BouncyCastle's lightweight generator) stretches the passphrase
 * and a salt into a master secret, from which HKDF-SHA256 derives two independent keys: a check
 * key, whose HMAC of a constant tells a wrong passphrase apart from a modified file, and the AES-256
 * wrapping key. So the stored check value reveals nothing about the wrapping key.
 *
 * <p>The wrapped form is {@code version 2 (1) || memory KiB (4) || iterations (1) || parallelism (1)
 * || salt (16) || check (16) || AES-GCM(nonce || ct || tag)}. The default parameters are RFC 9106's
 * second recommended option (64 MiB, 3 passes, 4 lanes), for a file an attacker can attack offline.
 * A file may not demand more memory or passes than this KEK is configured with, so a crafted file
 * cannot make a loader spend gigabytes. The derived keys of the last salt are kept, and a wrap
 * reuses that salt, so reloading a ring this KEK wrote costs no new derivation.
 */
final class PassphraseKek implements KeyEncryptionKey {
    /** RFC 9106 section 4, second recommended option: 64 MiB. */
    static final int DEFAULT_MEMORY_KIB = 64 * 1024;
    /** RFC 9106 section 4, second recommended option: 3 passes. */
    static final int DEFAULT_ITERATIONS = 3;
    /** RFC 9106 section 4: 4 lanes. */
    static final int DEFAULT_PARALLELISM = 4;
    static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 16;
    private static final int VERSION = 2;
    private static final int SALT = 16;
    private static final int CHECK = 16;
    private static final int HEADER = 1 + 4 + 1 + 1 + SALT + CHECK;
    private static final byte[] CHECK_LABEL = "privacykit passphrase check".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CHECK_INFO = "privacykit/passphrase-kek/check".getBytes(StandardCharsets.UTF_8);
    private static final byte[] WRAP_INFO = "privacykit/passphrase-kek/wrap".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] passphrase;
    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;
    private volatile Derived last;

    /** The keys derived for one salt and parameter set. Holds secrets: never printed. */
    static final class Derived {
        final byte[] salt;
        final int memoryKiB;
        final int iterations;
        final int parallelism;
        final byte[] check;
        final Aead wrap;

        Derived(byte[] salt, int memoryKiB, int iterations, int parallelism, byte[] check, Aead wrap) {
            this.salt = salt;
            this.memoryKiB = memoryKiB;
            this.iterations = iterations;
            this.parallelism = parallelism;
            this.check = check;
            this.wrap = wrap;
        }

        boolean matches(byte[] s, int m, int t, int p) {
            return memoryKiB == m && iterations == t && parallelism == p && Arrays.equals(salt, s);
        }
    }

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

    static void checkParameters(int memoryKiB, int iterations, int parallelism) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("Argon2id parallelism must be 1 to " + MAX_PARALLELISM + ", was " + parallelism);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2id memory must be " + 8 * parallelism + " to " + MAX_MEMORY_KIB
                    + " KiB, was " + memoryKiB);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("Argon2id iterations must be 1 to " + MAX_ITERATIONS + ", was " + iterations);
        }
    }

    @Override
    public String id() {
        return "passphrase:argon2id";
    }

    /** Argon2id, then HKDF into the check key (its check value only is kept) and the wrapping key. */
    Derived derive(byte[] salt, int m, int t, int p) throws GeneralSecurityException {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(m).withIterations(t).withParallelism(p).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] master = new byte[32];
        byte[] checkKey = null;
        byte[] wrapKey = null;
        try {
            generator.generateBytes(passphrase, master);
            checkKey = Hkdf.sha256(master, salt, CHECK_INFO, 32);
            wrapKey = Hkdf.sha256(master, salt, WRAP_INFO, 32);
            byte[] check = Arrays.copyOf(Mac.hmacSha256(checkKey).computeMac(CHECK_LABEL), CHECK);
            return new Derived(salt.clone(), m, t, p, check, Aead.aesGcm(wrapKey));
        } finally {
            Arrays.fill(master, (byte) 0);
            if (checkKey != null) {
                Arrays.fill(checkKey, (byte) 0);
            }
            if (wrapKey != null) {
                Arrays.fill(wrapKey, (byte) 0);
            }
        }
    }

    @Override
    public byte[] wrap(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
        Derived d = last;
        if (d == null || d.memoryKiB != memoryKiB || d.iterations != iterations || d.parallelism != parallelism) {
            byte[] salt = new byte[SALT];
            RANDOM.nextBytes(salt);
            d = derive(salt, memoryKiB, iterations, parallelism);
            last = d;
        }
        byte[] sealed = d.wrap.encrypt(plaintext, associatedData);
        return ByteBuffer.allocate(HEADER + sealed.length).put((byte) VERSION).putInt(d.memoryKiB).put((byte) d.iterations)
                .put((byte) d.parallelism).put(d.salt).put(d.check).put(sealed).array();
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] associatedData) throws GeneralSecurityException {
        if (wrapped.length < HEADER + AeadEngine.OVERHEAD) {
            throw new KeyRingStorageException(Reason.TRUNCATED, "passphrase-wrapped key ring is truncated");
        }
        ByteBuffer in = ByteBuffer.wrap(wrapped);
        int version = in.get() & 0xff;
        if (version != VERSION) {
            throw new KeyRingStorageException(Reason.UNSUPPORTED_VERSION, "passphrase wrapping version " + version + " is not supported");
        }
        int m = in.getInt();
        int t = in.get() & 0xff;
        int p = in.get() & 0xff;
        try {
            checkParameters(m, t, p);
        } catch (IllegalArgumentException e) {
            throw new KeyRingStorageException(Reason.CORRUPTED, "passphrase-wrapped key ring has invalid Argon2id parameters: " + e.getMessage());
        }
        if (m > memoryKiB || t > iterations) {
            throw new KeyRingStorageException(Reason.CORRUPTED, "the key-ring file asks Argon2id " + m + " KiB and " + t
                    + " passes, more than this KEK allows (" + memoryKiB + " KiB, " + iterations + " passes): a crafted file, or one"
                    + " written with stronger parameters; to read the latter, build the KEK with"
                    + " KeyEncryptionKey.passphrase(passphrase, memoryKiB, iterations, parallelism)");
        }
        byte[] salt = new byte[SALT];
        byte[] storedCheck = new byte[CHECK];
        in.get(salt).get(storedCheck);
        Derived d = last;
        if (d == null || !d.matches(salt, m, t, p)) {
            d = derive(salt, m, t, p);
        }
        if (!MessageDigest.isEqual(d.check, storedCheck)) {
            throw new KeyRingStorageException(Reason.WRONG_KEY_ENCRYPTION_KEY, "wrong passphrase");
        }
        byte[] plain = d.wrap.decrypt(Arrays.copyOfRange(wrapped, HEADER, wrapped.length), associatedData);
        last = d;
        return plain;
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[passphrase, Argon2id m=" + memoryKiB + "KiB t=" + iterations + " p=" + parallelism + "]";
    }
}
