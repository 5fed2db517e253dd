package org.privacykit.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;

import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.bouncycastle.crypto.params.FPEParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * FF1 (NIST SP 800-38G rev 1, algorithms 7 and 8) over symbol indices.
 *
 * <p>Two paths, checked against each other and against Wycheproof: when the larger half fits
 * {@code radix^v <= 2^32} (up to 18 digits, 12 base-36 or 10 base-62 symbols, which covers card
 * numbers, phone numbers and national ids), a fast path runs the ten Feistel rounds with
 * {@code long} arithmetic and computes FF1's PRF (CBC-MAC) as one JDK AES-CBC pass per round on a
 * cipher initialized once per thread. Longer inputs go to BouncyCastle's {@code FPEFF1Engine}
 * (BigInteger arithmetic). Both enforce rev 1's domain rule {@code radix^n >= 1,000,000}.
 */
final class Ff1 {
    static final int MIN_DOMAIN = 1_000_000;
    static final int MAX_LENGTH = 1 << 16;
    private static final long FAST_LIMIT = 1L << 32;

    private final byte[] key;
    private final WipeableKey keySpec;
    private final ThreadLocal<Worker> local = ThreadLocal.withInitial(Worker::new);

    Ff1(byte[] key) throws InvalidKeyException {
        if (key == null || (key.length != 16 && key.length != 24 && key.length != 32)) {
            throw new InvalidKeyException("FF1 needs an AES key of 16, 24 or 32 bytes");
        }
        this.key = key.clone();
        this.keySpec = new WipeableKey(this.key, "AES");
    }

    /** Zeroes the key; every use afterwards fails. */
    void wipe() {
        keySpec.destroy();
        Arrays.fill(key, (byte) 0);
    }

    /** Checks radix and length against FF1's limits and rev 1's domain rule. */
    static void checkDomain(int radix, int n) {
        if (radix < 2 || radix > 65536) {
            throw new IllegalArgumentException("FF1 radix must be 2 to 65536, was " + radix);
        }
        if (n < 2 || n > MAX_LENGTH) {
            throw new IllegalArgumentException("FF1 input length must be 2 to " + MAX_LENGTH + " symbols, was " + n);
        }
        if (Math.pow(radix, n) < MIN_DOMAIN) {
            throw new IllegalArgumentException("FF1 input too short: radix^length must be at least 1,000,000 "
                    + "(NIST SP 800-38G rev 1); with radix " + radix + " that needs at least "
                    + minLength(radix) + " symbols, was " + n);
        }
    }

    /** The shortest input rev 1 allows for a radix. */
    static int minLength(int radix) {
        int n = 2;
        while (Math.pow(radix, n) < MIN_DOMAIN) {
            n++;
        }
        return n;
    }

    int[] encrypt(int radix, int[] x, byte[] tweak) throws GeneralSecurityException {
        return crypt(true, radix, x, tweak);
    }

    int[] decrypt(int radix, int[] x, byte[] tweak) throws GeneralSecurityException {
        return crypt(false, radix, x, tweak);
    }

    private int[] crypt(boolean encrypt, int radix, int[] x, byte[] tweak) throws GeneralSecurityException {
        int n = x.length;
        checkDomain(radix, n);
        for (int s : x) {
            if (s < 0 || s >= radix) {
                throw new IllegalArgumentException("FF1 input holds a symbol outside the radix");
            }
        }
        if (keySpec.isDestroyed()) {
            throw new IllegalStateException("the FF1 key was destroyed");
        }
        byte[] t = tweak == null ? AeadEngine.EMPTY : tweak;
        int v = n - n / 2;
        long powV = pow(radix, v);
        if (powV > 0 && powV <= FAST_LIMIT) {
            return local.get().crypt(encrypt, radix, x, t);
        }
        return bouncyCastle(encrypt, radix, x, t);
    }

    /** radix^e, or -1 when it exceeds 2^32. */
    private static long pow(int radix, int e) {
        long p = 1;
        for (int i = 0; i < e; i++) {
            p *= radix;
            if (p > FAST_LIMIT) {
                return -1;
            }
        }
        return p;
    }

    private int[] bouncyCastle(boolean encrypt, int radix, int[] x, byte[] tweak) {
        FPEFF1Engine engine = new FPEFF1Engine(AESEngine.newInstance());
        engine.init(encrypt, new FPEParameters(new KeyParameter(key), radix, tweak));
        boolean wide = radix > 256;
        byte[] in = new byte[wide ? x.length * 2 : x.length];
        for (int i = 0; i < x.length; i++) {
            if (wide) {
                in[2 * i] = (byte) (x[i] >>> 8);
                in[2 * i + 1] = (byte) x[i];
            } else {
                in[i] = (byte) x[i];
            }
        }
        byte[] out = new byte[in.length];
        engine.processBlock(in, 0, in.length, out, 0);
        int[] y = new int[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = wide ? (out[2 * i] & 0xff) << 8 | (out[2 * i + 1] & 0xff) : out[i] & 0xff;
        }
        return y;
    }

    /** Per-thread state of the fast path: an AES-CBC cipher with zero IV, initialized once, and buffers. */
    private final class Worker {
        final Cipher cbc;
        byte[] block = new byte[64];
        byte[] out = new byte[64];

        Worker() {
            try {
                cbc = Cipher.getInstance("AES/CBC/NoPadding");
                cbc.init(Cipher.ENCRYPT_MODE, keySpec, new IvParameterSpec(new byte[16]));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES unavailable", e);
            }
        }

        int[] crypt(boolean encrypt, int radix, int[] x, byte[] tweak) throws GeneralSecurityException {
            int n = x.length;
            int u = n / 2;
            int v = n - u;
            long powU = pow(radix, u);
            long powV = pow(radix, v);
            // b = ceil(ceil(v * log2(radix)) / 8) = byte length of radix^v - 1; here b <= 4 so d = 8
            int b = (64 - Long.numberOfLeadingZeros(powV - 1) + 7) >>> 3;
            int t = tweak.length;
            int pad = Math.floorMod(-t - b - 1, 16);
            int total = 16 + t + pad + 1 + b;
            if (block.length < total) {
                block = new byte[total];
                out = new byte[total];
            }
            byte[] p = block;
            Arrays.fill(p, 0, total, (byte) 0);
            p[0] = 1;
            p[1] = 2;
            p[2] = 1;
            p[3] = (byte) (radix >>> 16);
            p[4] = (byte) (radix >>> 8);
            p[5] = (byte) radix;
            p[6] = 10;
            p[7] = (byte) u;
            p[8] = (byte) (n >>> 24);
            p[9] = (byte) (n >>> 16);
            p[10] = (byte) (n >>> 8);
            p[11] = (byte) n;
            p[12] = (byte) (t >>> 24);
            p[13] = (byte) (t >>> 16);
            p[14] = (byte) (t >>> 8);
            p[15] = (byte) t;
            System.arraycopy(tweak, 0, p, 16, t);
            int roundIndex = 16 + t + pad;
            long a = num(radix, x, 0, u);
            long bb = num(radix, x, u, n);
            if (encrypt) {
                for (int i = 0; i < 10; i++) {
                    long y = prf(i, bb, b, roundIndex, total);
                    long m = (i & 1) == 0 ? powU : powV;
                    long c = (a + Long.remainderUnsigned(y, m)) % m;
                    a = bb;
                    bb = c;
                }
            } else {
                for (int i = 9; i >= 0; i--) {
                    long y = prf(i, a, b, roundIndex, total);
                    long m = (i & 1) == 0 ? powU : powV;
                    long c = Math.floorMod(bb - Long.remainderUnsigned(y, m), m);
                    bb = a;
                    a = c;
                }
            }
            int[] result = new int[n];
            str(radix, a, result, 0, u);
            str(radix, bb, result, u, n);
            return result;
        }

        /** Round {@code i}'s PRF output y = NUM(S) with d = 8: the first 8 bytes of CBC-MAC(P || Q). */
        private long prf(int i, long half, int b, int roundIndex, int total) throws GeneralSecurityException {
            byte[] q = block;
            q[roundIndex] = (byte) i;
            for (int k = 0; k < b; k++) {
                q[total - 1 - k] = (byte) (half >>> (8 * k));
            }
            cbc.doFinal(q, 0, total, out, 0);
            int r = total - 16;
            long y = 0;
            for (int k = 0; k < 8; k++) {
                y = y << 8 | (out[r + k] & 0xff);
            }
            return y;
        }
    }

    private static long num(int radix, int[] x, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            value = value * radix + x[i];
        }
        return value;
    }

    private static void str(int radix, long value, int[] out, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            out[i] = (int) (value % radix);
            value /= radix;
        }
    }
}
