package org.privacykit.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;

/**
 * AES-SIV (RFC 5297) on the JDK's AES. CMAC is computed as a single AES-CBC pass with a zero IV
 * over the message whose last block is already padded and masked with the CMAC subkey (the last
 * CBC block is the CMAC tag), so each S2V string costs one intrinsic-accelerated call. The CBC
 * cipher is initialized once per thread (a JDK {@code Cipher} returns to its initial IV after
 * {@code doFinal}); the CTR cipher is re-initialized per message with the synthetic IV.
 */
final class AesSiv implements DeterministicAead {
    static final int SIV = 16;

    /** Per-thread buffers above this size are not kept between calls, so no thread holds a large plaintext's copy. */
    static final int KEPT_BUFFER = 4096;

    private final WipeableKey macKey;
    private final WipeableKey ctrKey;
    private final byte[] k1 = new byte[16];
    private final byte[] k2 = new byte[16];
    private final byte[] zeroMac;
    private final ThreadLocal<Worker> local = ThreadLocal.withInitial(Worker::new);

    AesSiv(byte[] key) throws GeneralSecurityException {
        if (key == null || (key.length != 32 && key.length != 48 && key.length != 64)) {
            throw new InvalidKeyException("AES-SIV needs a 32, 48 or 64 byte key");
        }
        int half = key.length / 2;
        macKey = new WipeableKey(key, 0, half, "AES");
        ctrKey = new WipeableKey(key, half, half, "AES");
        Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(Cipher.ENCRYPT_MODE, macKey);
        byte[] l = ecb.doFinal(new byte[16]);
        dbl(l, k1);
        dbl(k1, k2);
        Arrays.fill(l, (byte) 0);
        Worker w = local.get();
        try {
            zeroMac = w.cmac(new byte[16], 0, 16);
        } finally {
            w.scrub();
        }
    }

    /** Doubling in GF(2^128) as RFC 5297 and CMAC define it. */
    static void dbl(byte[] in, byte[] out) {
        int carry = 0;
        for (int i = 15; i >= 0; i--) {
            int b = in[i] & 0xff;
            out[i] = (byte) (b << 1 | carry);
            carry = b >>> 7;
        }
        out[15] ^= (byte) (0x87 & -carry);
    }

    private final class Worker {
        final Cipher cbc;
        final Cipher ctr;
        private final byte[] keptBuf = new byte[256];
        private final byte[] keptCbcOut = new byte[256];
        byte[] buf = keptBuf;
        byte[] cbcOut = keptCbcOut;
        /** How much of {@code buf} and {@code cbcOut} the current call wrote. */
        private int used;
        final byte[] d = new byte[16];
        final byte[] t = new byte[16];

        Worker() {
            try {
                cbc = Cipher.getInstance("AES/CBC/NoPadding");
                cbc.init(Cipher.ENCRYPT_MODE, macKey, new IvParameterSpec(new byte[16]));
                ctr = Cipher.getInstance("AES/CTR/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES unavailable", e);
            }
        }

        private void ensure(int n) {
            if (buf.length < n) {
                // a larger message gets buffers of its own, dropped (zeroed) when the call ends
                int size = Math.max(n, buf.length * 2);
                Arrays.fill(buf, 0, Math.min(used, buf.length), (byte) 0);
                Arrays.fill(cbcOut, 0, Math.min(used, cbcOut.length), (byte) 0);
                buf = new byte[size];
                cbcOut = new byte[size];
                used = 0;
            }
            used = Math.max(used, n);
        }

        /**
         * Zeroes what this call left in the buffers (message blocks, CBC output, S2V state), and drops
         * buffers larger than {@link #KEPT_BUFFER}: a thread keeps no copy of the last plaintext.
         */
        void scrub() {
            Arrays.fill(buf, 0, Math.min(used, buf.length), (byte) 0);
            Arrays.fill(cbcOut, 0, Math.min(used, cbcOut.length), (byte) 0);
            Arrays.fill(d, (byte) 0);
            Arrays.fill(t, (byte) 0);
            if (buf.length > KEPT_BUFFER) {
                buf = keptBuf;
                cbcOut = keptCbcOut;
            }
            used = 0;
        }

        /** CMAC of {@code buf[0, len)}, staged in place (padding and subkey applied); result in {@code tag}. */
        private void cmacStaged(int len, byte[] tag) {
            int blocks = len == 0 ? 1 : (len + 15) >>> 4;
            int last = (blocks - 1) << 4;
            if (len > 0 && (len & 15) == 0) {
                for (int i = 0; i < 16; i++) {
                    buf[last + i] ^= k1[i];
                }
            } else {
                buf[len] = (byte) 0x80;
                Arrays.fill(buf, len + 1, last + 16, (byte) 0);
                for (int i = 0; i < 16; i++) {
                    buf[last + i] ^= k2[i];
                }
            }
            try {
                cbc.doFinal(buf, 0, blocks << 4, cbcOut, 0);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-CBC failed", e);
            }
            System.arraycopy(cbcOut, last, tag, 0, 16);
        }

        byte[] cmac(byte[] in, int off, int len) {
            byte[] tag = new byte[16];
            ensure(len + 16);
            System.arraycopy(in, off, buf, 0, len);
            cmacStaged(len, tag);
            return tag;
        }

        private void absorb(byte[] ad, int off, int len) {
            // D = dbl(D) xor CMAC(ad)
            ensure(len + 16);
            System.arraycopy(ad, off, buf, 0, len);
            cmacStaged(len, t);
            dbl(d, d);
            for (int i = 0; i < 16; i++) {
                d[i] ^= t[i];
            }
        }

        /** S2V over (ad1, ad2 when not null, message) into {@code v}. */
        void s2v(byte[] ad1, int ad1Off, int ad1Len, byte[] ad2, byte[] m, int mOff, int mLen, byte[] v, int vOff) {
            System.arraycopy(zeroMac, 0, d, 0, 16);
            absorb(ad1, ad1Off, ad1Len);
            if (ad2 != null) {
                absorb(ad2, 0, ad2.length);
            }
            finish(m, mOff, mLen, v, vOff);
        }

        /** The S2V state after the associated data, which is constant for a key and fixed associated data. */
        byte[] prefix(byte[] ad1, int ad1Off, int ad1Len, byte[] ad2) {
            System.arraycopy(zeroMac, 0, d, 0, 16);
            absorb(ad1, ad1Off, ad1Len);
            if (ad2 != null) {
                absorb(ad2, 0, ad2.length);
            }
            return d.clone();
        }

        /** S2V from a precomputed {@link #prefix}: only the message's CMAC remains. */
        void s2v(byte[] prefix, byte[] m, int mOff, int mLen, byte[] v, int vOff) {
            System.arraycopy(prefix, 0, d, 0, 16);
            finish(m, mOff, mLen, v, vOff);
        }

        private void finish(byte[] m, int mOff, int mLen, byte[] v, int vOff) {
            ensure(mLen + 16);
            if (mLen >= 16) {
                System.arraycopy(m, mOff, buf, 0, mLen);
                int end = mLen - 16;
                for (int i = 0; i < 16; i++) {
                    buf[end + i] ^= d[i];
                }
                cmacStaged(mLen, t);
            } else {
                dbl(d, d);
                System.arraycopy(m, mOff, buf, 0, mLen);
                buf[mLen] = (byte) 0x80;
                Arrays.fill(buf, mLen + 1, 16, (byte) 0);
                for (int i = 0; i < 16; i++) {
                    buf[i] ^= d[i];
                }
                cmacStaged(16, t);
            }
            System.arraycopy(t, 0, v, vOff, 16);
        }

        void ctr(byte[] siv, int sivOff, byte[] in, int inOff, int len, byte[] out, int outOff) throws GeneralSecurityException {
            byte[] q = Arrays.copyOfRange(siv, sivOff, sivOff + 16);
            q[8] &= 0x7f;
            q[12] &= 0x7f;
            ctr.init(Cipher.ENCRYPT_MODE, ctrKey, new IvParameterSpec(q));
            if (len > 0) {
                ctr.doFinal(in, inOff, len, out, outOff);
            }
        }
    }

    /** Encrypts into {@code out[outOff]}: SIV then ciphertext. Returns {@code 16 + inLen}. */
    int seal(byte[] in, int inOff, int inLen, byte[] out, int outOff,
             byte[] ad1, int ad1Off, int ad1Len, byte[] ad2) throws GeneralSecurityException {
        Worker w = worker();
        try {
            w.s2v(ad1, ad1Off, ad1Len, ad2, in, inOff, inLen, out, outOff);
            w.ctr(out, outOff, in, inOff, inLen, out, outOff + SIV);
            return SIV + inLen;
        } finally {
            w.scrub();
        }
    }

    private Worker worker() {
        if (ctrKey.isDestroyed()) {
            throw new IllegalStateException("the AES-SIV key was destroyed");
        }
        return local.get();
    }

    /** Copies of this thread's working buffers, for the test that they keep no plaintext. */
    byte[][] threadBuffers() {
        Worker w = local.get();
        return new byte[][] {w.buf.clone(), w.cbcOut.clone(), w.d.clone(), w.t.clone()};
    }

    /** Zeroes the keys and subkeys; every use afterwards fails. */
    void wipe() {
        macKey.destroy();
        ctrKey.destroy();
        Arrays.fill(k1, (byte) 0);
        Arrays.fill(k2, (byte) 0);
        Arrays.fill(zeroMac, (byte) 0);
    }

    /**
     * Returns the S2V state after fixed associated data, so encryptions with that associated data
     * skip its CMACs ({@link #sealWithPrefix}); the same SIV as {@link #seal} with the same data.
     */
    byte[] prefix(byte[] ad1, int ad1Off, int ad1Len, byte[] ad2) {
        Worker w = worker();
        try {
            return w.prefix(ad1, ad1Off, ad1Len, ad2);
        } finally {
            w.scrub();
        }
    }

    /** {@link #seal} with the associated data given by its {@link #prefix}. */
    int sealWithPrefix(byte[] prefix, byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        Worker w = worker();
        try {
            w.s2v(prefix, in, inOff, inLen, out, outOff);
            w.ctr(out, outOff, in, inOff, inLen, out, outOff + SIV);
            return SIV + inLen;
        } finally {
            w.scrub();
        }
    }

    /** {@link #open} with the associated data given by its {@link #prefix}. */
    int openWithPrefix(byte[] prefix, byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        if (inLen < SIV) {
            throw new AEADBadTagException("ciphertext too short");
        }
        Worker w = worker();
        try {
            int len = inLen - SIV;
            w.ctr(in, inOff, in, inOff + SIV, len, out, outOff);
            byte[] v = new byte[16];
            w.s2v(prefix, out, outOff, len, v, 0);
            if (!MessageDigest.isEqual(v, Arrays.copyOfRange(in, inOff, inOff + SIV))) {
                Arrays.fill(out, outOff, outOff + len, (byte) 0);
                throw new AEADBadTagException("AES-SIV authentication failed");
            }
            return len;
        } finally {
            w.scrub();
        }
    }

    /** Decrypts {@code SIV || ciphertext} into {@code out[outOff]}; returns the plaintext length. */
    int open(byte[] in, int inOff, int inLen, byte[] out, int outOff,
             byte[] ad1, int ad1Off, int ad1Len, byte[] ad2) throws GeneralSecurityException {
        if (inLen < SIV) {
            throw new AEADBadTagException("ciphertext too short");
        }
        Worker w = worker();
        try {
            int len = inLen - SIV;
            w.ctr(in, inOff, in, inOff + SIV, len, out, outOff);
            byte[] v = new byte[16];
            w.s2v(ad1, ad1Off, ad1Len, ad2, out, outOff, len, v, 0);
            if (!MessageDigest.isEqual(v, Arrays.copyOfRange(in, inOff, inOff + SIV))) {
                Arrays.fill(out, outOff, outOff + len, (byte) 0);
                throw new AEADBadTagException("AES-SIV authentication failed");
            }
            return len;
        } finally {
            w.scrub();
        }
    }

    @Override
    public byte[] encryptDeterministically(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
        byte[] ad = associatedData == null ? AeadEngine.EMPTY : associatedData;
        byte[] out = new byte[SIV + plaintext.length];
        seal(plaintext, 0, plaintext.length, out, 0, ad, 0, ad.length, null);
        return out;
    }

    @Override
    public byte[] decryptDeterministically(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
        if (ciphertext == null || ciphertext.length < SIV) {
            throw new AEADBadTagException("ciphertext too short");
        }
        byte[] ad = associatedData == null ? AeadEngine.EMPTY : associatedData;
        byte[] out = new byte[ciphertext.length - SIV];
        open(ciphertext, 0, ciphertext.length, out, 0, ad, 0, ad.length, null);
        return out;
    }

    @Override
    public String toString() {
        return "DeterministicAead[AES-SIV]";
    }
}
