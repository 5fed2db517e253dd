package org.privacykit.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Random nonces without a shared lock, safe across VM snapshots and clones. Each thread has its own
 * generator: an AES-256-CTR keystream (NIST SP 800-90A's CTR_DRBG construction, without derivation
 * function) that yields a small batch of {@value #BATCH_NONCES} nonces, then is keyed again from
 * fresh operating-system entropy. Threads never contend, and a nonce costs a copy plus a share of one
 * entropy read per batch, instead of a call into {@code SecureRandom} per message.
 *
 * <p>State in the heap is cloned with the process: a VM snapshot, a CRaC checkpoint, Lambda
 * SnapStart or a VM clone would replay the same nonces under the same keys (for AES-GCM that reveals
 * plaintext XORs and the authentication key). So:
 *
 * <ul>
 *   <li>on a restore the generators of every thread throw their batch away and take fresh entropy
 *       before the next nonce: {@link #afterRestore()} runs automatically from a CRaC
 *       ({@code org.crac} or {@code jdk.crac}) resource when either is present (Lambda SnapStart
 *       runs those), and can be called from any other platform's restore hook;
 *   <li>without such a hook, at most what is left of one batch per thread can repeat in a clone,
 *       because every batch is keyed from entropy read from the kernel at that moment ({@code
 *       /dev/urandom} directly, which Linux reseeds on a VM generation change; not
 *       {@code SecureRandom}, whose JDK implementations keep buffered or derived state in the heap).
 * </ul>
 */
final class NonceSource {
    /** Nonces per batch: the most a clone without a restore hook can repeat per thread. */
    static final int BATCH_NONCES = 128;
    private static final int NONCE = AeadEngine.NONCE;
    private static final int BUFFER = BATCH_NONCES * NONCE;
    private static final int SEED = 32 + 16;
    private static final ThreadLocal<NonceSource> LOCAL = ThreadLocal.withInitial(() -> new NonceSource(Entropy.SYSTEM));

    /** Raised by every restore; each generator compares it on every nonce (one volatile read). */
    private static final AtomicLong EPOCH = new AtomicLong();

    static {
        RestoreHooks.register(NonceSource::afterRestore);
    }

    private final Entropy entropy;
    private final byte[] zeros = new byte[BUFFER];
    private final byte[] buffer = new byte[BUFFER];
    private final Cipher ctr;
    private int position = BUFFER;
    private long seenEpoch = EPOCH.get();

    NonceSource(Entropy entropy) {
        this.entropy = entropy;
        try {
            ctr = Cipher.getInstance("AES/CTR/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no AES/CTR", e);
        }
    }

    /** Fills {@code out[off, off+len)} with random bytes from this thread's generator. */
    static void next(byte[] out, int off, int len) {
        LOCAL.get().fill(out, off, len);
    }

    /**
     * Discards every thread's buffered nonces: each takes fresh entropy before its next nonce. Call
     * it when the process resumes from a snapshot or a clone.
     */
    static void afterRestore() {
        EPOCH.incrementAndGet();
    }

    /** The restore count, for tests. */
    static long epoch() {
        return EPOCH.get();
    }

    void fill(byte[] out, int off, int len) {
        if (len > BUFFER) {
            entropy.fill(out, off, len);
            return;
        }
        if (seenEpoch != EPOCH.get() || BUFFER - position < len) {
            refill();
        }
        System.arraycopy(buffer, position, out, off, len);
        // forward secrecy within the batch: used bytes do not stay in memory
        Arrays.fill(buffer, position, position + len, (byte) 0);
        position += len;
    }

    /** A new batch under a key and counter taken from fresh entropy. */
    private void refill() {
        seenEpoch = EPOCH.get();
        byte[] seed = new byte[SEED];
        entropy.fill(seed, 0, SEED);
        try {
            ctr.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(seed, 0, 32, "AES"), new IvParameterSpec(seed, 32, 16));
            ctr.update(zeros, 0, BUFFER, buffer, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR keystream failed", e);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
        position = 0;
    }

    /** Where seeds come from: the kernel's random device read directly, or {@code SecureRandom} where there is none. */
    interface Entropy {
        void fill(byte[] out, int off, int len);

        Entropy SYSTEM = system();

        private static Entropy system() {
            Path device = Path.of("/dev/urandom");
            if (Files.isReadable(device)) {
                try {
                    FileChannel channel = FileChannel.open(device, StandardOpenOption.READ);
                    return (out, off, len) -> {
                        ByteBuffer target = ByteBuffer.wrap(out, off, len);
                        try {
                            while (target.hasRemaining()) {
                                if (channel.read(target, 0) < 0) { // positional: threads never wait for each other
                                    throw new IOException("end of " + device);
                                }
                            }
                        } catch (IOException e) {
                            throw new IllegalStateException("cannot read the system's random device", e);
                        }
                    };
                } catch (IOException e) {
                    // fall back below
                }
            }
            SecureRandom random = new SecureRandom();
            return (out, off, len) -> {
                byte[] b = new byte[len];
                random.nextBytes(b);
                System.arraycopy(b, 0, out, off, len);
                Arrays.fill(b, (byte) 0);
            };
        }
    }
}
