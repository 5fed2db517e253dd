package org.privacykit.dataset.dp;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exact samplers of the discrete Laplace and discrete Gaussian distributions over the integers
 * (Canonne, Kamath and Steinke, "The Discrete Gaussian for Differential Privacy", NeurIPS 2020,
 * algorithms 1 to 3). Every step draws uniform integers by rejection from random bits and compares
 * integers: no floating-point number is computed, so the output has exactly the distribution stated,
 * without the holes and rounding artefacts that let Mironov's attack (CCS 2012) tell neighbouring
 * datasets apart from a floating-point Laplace sample.
 *
 * <p>Parameters are rationals given as numerator and denominator. Thread-safe when its random
 * source is (the default {@link SecureRandom} is).
 */
public final class DiscreteSampler {
    private final RandomGenerator random;

    private DiscreteSampler(RandomGenerator random) {
        this.random = random;
    }

    /**
     * Returns a sampler drawing its bits from a new {@link SecureRandom}.
     *
     * @return the sampler
     */
    public static DiscreteSampler secure() {
        return new DiscreteSampler(new SecureRandom());
    }

    /**
     * Returns a sampler drawing its bits from a given source: reproducible tests only, since noise
     * from a predictable source protects nothing.
     */
    static DiscreteSampler withRandom(RandomGenerator random) {
        return new DiscreteSampler(Objects.requireNonNull(random, "random"));
    }

    /**
     * Samples the discrete Laplace distribution with scale {@code t/s}: P(x) is proportional to
     * exp(-|x| s / t) for every integer x.
     *
     * @param s the scale's denominator, positive
     * @param t the scale's numerator, positive
     * @return the sample
     * @throws IllegalArgumentException when s or t is not positive
     */
    public long laplace(long s, long t) {
        if (s <= 0 || t <= 0) {
            throw new IllegalArgumentException("the discrete Laplace scale t/s needs positive s and t; got s = " + s
                    + ", t = " + t);
        }
        long g = gcd(s, t);
        s /= g;
        t /= g;
        while (true) {
            long u = uniform(t);
            if (!bernoulliExp(u, t)) {
                continue;
            }
            long v = 0;
            while (bernoulliExp(1, 1)) {
                v++;
            }
            // x = u + t v, without overflow: y = floor(x / s)
            BigInteger x = BigInteger.valueOf(t).multiply(BigInteger.valueOf(v)).add(BigInteger.valueOf(u));
            BigInteger y = x.divide(BigInteger.valueOf(s));
            boolean negative = random.nextBoolean();
            if (negative && y.signum() == 0) {
                continue;
            }
            long magnitude = y.longValueExact();
            return negative ? -magnitude : magnitude;
        }
    }

    /**
     * Samples the discrete Gaussian distribution with variance parameter σ² = {@code n/d}: P(x) is
     * proportional to exp(-x² / 2σ²) for every integer x.
     *
     * @param n σ²'s numerator, positive
     * @param d σ²'s denominator, positive
     * @return the sample
     * @throws IllegalArgumentException when n or d is not positive
     */
    public long gaussian(long n, long d) {
        if (n <= 0 || d <= 0) {
            throw new IllegalArgumentException("the discrete Gaussian σ² = n/d needs positive n and d; got n = " + n
                    + ", d = " + d);
        }
        long g = gcd(n, d);
        BigInteger num = BigInteger.valueOf(n / g);
        BigInteger den = BigInteger.valueOf(d / g);
        // t = floor(σ) + 1, where floor(σ) = floor(sqrt(floor(σ²)))
        long t = num.divide(den).sqrt().longValueExact() + 1;
        BigInteger tt = BigInteger.valueOf(t);
        // γ(y) = (|y| - σ²/t)² / 2σ² = (|y| t d - n)² / (2 n t² d)
        BigInteger gammaDen = BigInteger.TWO.multiply(num).multiply(tt).multiply(tt).multiply(den);
        while (true) {
            long y = laplace(1, t);
            BigInteger diff = BigInteger.valueOf(Math.abs(y)).multiply(tt).multiply(den).subtract(num);
            if (bernoulliExp(diff.multiply(diff), gammaDen)) {
                return y;
            }
        }
    }

    /** Returns true with probability exp(-num/den), for num ≥ 0 and den > 0 (algorithm 1). */
    boolean bernoulliExp(long num, long den) {
        return bernoulliExp(BigInteger.valueOf(num), BigInteger.valueOf(den));
    }

    private boolean bernoulliExp(BigInteger num, BigInteger den) {
        BigInteger[] whole = num.divideAndRemainder(den);
        // exp(-γ) = exp(-1)^floor(γ) · exp(-(γ - floor(γ))); each factor one independent trial
        for (BigInteger i = BigInteger.ZERO; i.compareTo(whole[0]) < 0; i = i.add(BigInteger.ONE)) {
            if (!bernoulliExpAtMostOne(BigInteger.ONE, BigInteger.ONE)) {
                return false;
            }
        }
        return bernoulliExpAtMostOne(whole[1], den);
    }

    /** exp(-γ) for γ = num/den in [0, 1]: the parity of the first k with Bernoulli(γ/k) false. */
    private boolean bernoulliExpAtMostOne(BigInteger num, BigInteger den) {
        long k = 1;
        while (bernoulli(num, den.multiply(BigInteger.valueOf(k)))) {
            k++;
        }
        return (k & 1) == 1;
    }

    /** Returns true with probability num/den, for 0 ≤ num ≤ den. */
    private boolean bernoulli(BigInteger num, BigInteger den) {
        if (den.bitLength() < Long.SIZE - 1) {
            return uniform(den.longValue()) < num.longValue();
        }
        return uniform(den).compareTo(num) < 0;
    }

    /** Returns a uniform integer in [0, bound) by rejection from random bits. */
    long uniform(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive; got " + bound);
        }
        if (bound == 1) {
            return 0;
        }
        long mask = -1L >>> Long.numberOfLeadingZeros(bound - 1);
        while (true) {
            long r = random.nextLong() & mask;
            if (r < bound) {
                return r;
            }
        }
    }

    private BigInteger uniform(BigInteger bound) {
        int bits = bound.subtract(BigInteger.ONE).bitLength();
        int words = (bits + Long.SIZE - 1) / Long.SIZE;
        byte[] bytes = new byte[words * Long.BYTES + 1];
        while (true) {
            for (int w = 0; w < words; w++) {
                long r = random.nextLong();
                for (int b = 0; b < Long.BYTES; b++) {
                    bytes[1 + w * Long.BYTES + b] = (byte) (r >>> (b * Byte.SIZE));
                }
            }
            BigInteger r = new BigInteger(bytes);    // leading zero byte: non-negative
            BigInteger candidate = r.and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
            if (candidate.compareTo(bound) < 0) {
                return candidate;
            }
        }
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }

    @Override
    public String toString() {
        return "DiscreteSampler";
    }
}
