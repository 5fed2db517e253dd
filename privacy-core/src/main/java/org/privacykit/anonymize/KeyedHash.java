package org.privacykit.anonymize;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one derived key, as a source of keyed, repeatable choices: the same key and
 * input always give the same numbers, and without the key they cannot be predicted. This is what
 * fakes, date shifts and noise draw from instead of a random generator. Thread-safe (one
 * {@link Mac} per thread); never prints its key.
 */
final class KeyedHash {
    private final ThreadLocal<Mac> mac;

    KeyedHash(byte[] key) {
        SecretKeySpec spec = new SecretKeySpec(key, "HmacSHA256");
        Arrays.fill(key, (byte) 0);
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(spec);
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
            }
        });
    }

    /** 32 bytes for an input. */
    byte[] digest(String input) {
        return mac.get().doFinal(input.getBytes(StandardCharsets.UTF_8));
    }

    /** A stream of keyed numbers for one input. */
    Draws draws(String input) {
        return new Draws(this, input);
    }

    @Override
    public String toString() {
        return "KeyedHash[HMAC-SHA256]";
    }

    /**
     * Numbers drawn from HMAC(key, input || counter) in counter mode: 32 bytes per block, refilled
     * as needed. Not thread-safe; one per use.
     */
    static final class Draws {
        private final KeyedHash hash;
        private final byte[] input;
        private byte[] block;
        private int offset;
        private int counter;

        private Draws(KeyedHash hash, String input) {
            this.hash = hash;
            byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
            this.input = Arrays.copyOf(bytes, bytes.length + 4);
            refill();
        }

        private void refill() {
            int at = input.length - 4;
            input[at] = (byte) (counter >>> 24);
            input[at + 1] = (byte) (counter >>> 16);
            input[at + 2] = (byte) (counter >>> 8);
            input[at + 3] = (byte) counter;
            counter++;
            block = hash.mac.get().doFinal(input);
            offset = 0;
        }

        /** 64 uniformly distributed bits. */
        long nextLong() {
            if (offset + 8 > block.length) {
                refill();
            }
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (block[offset++] & 0xFF);
            }
            return v;
        }

        /** 32 uniformly distributed bits. */
        private long nextUnsignedInt() {
            if (offset + 4 > block.length) {
                refill();
            }
            long v = 0;
            for (int i = 0; i < 4; i++) {
                v = (v << 8) | (block[offset++] & 0xFF);
            }
            return v;
        }

        /**
         * A number from 0 (inclusive) to {@code bound} (exclusive), from 32 bits: the modulo bias is below
         * {@code bound / 2^32}, under 10^-5 for every bound the fakes and shifts use.
         */
        int nextInt(int bound) {
            if (bound <= 0) {
                throw new IllegalArgumentException("bound must be positive");
            }
            return (int) (nextUnsignedInt() % bound);
        }

        /** A number from 0 (inclusive) to 1 (exclusive), with 53 random bits. */
        double nextDouble() {
            return (nextLong() >>> 11) * 0x1.0p-53;
        }

        /** One element of a non-empty array. */
        <T> T pick(T[] values) {
            return values[nextInt(values.length)];
        }

        /** One digit character. */
        char digit() {
            return (char) ('0' + nextInt(10));
        }

        /** One upper-case ASCII letter. */
        char letter() {
            return (char) ('A' + nextInt(26));
        }
    }
}
