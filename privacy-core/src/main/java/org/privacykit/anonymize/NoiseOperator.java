package org.privacykit.anonymize;

import static org.privacykit.anonymize.Transforms.narrow;
import static org.privacykit.anonymize.Transforms.requireNumber;
import static org.privacykit.anonymize.Transforms.unsupported;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.Operator;
import org.privacykit.metadata.Classification;
import org.privacykit.pseudonym.Pseudonymizer;

/**
 * NOISE: adds a keyed, non-zero change of at most the field's {@code bucket}, or of the
 * anonymizer's ratio of the value; whole numbers change by at least 1.
 */
final class NoiseOperator {
    private final KeyedHash noiseKey;
    private final double noiseRatio;

    NoiseOperator(Pseudonymizer pseudonymizer, double noiseRatio) {
        this.noiseKey = new KeyedHash(pseudonymizer.deriveKey("noise", "noise"));
        this.noiseRatio = noiseRatio;
    }

    Transforms.ValueTransform prepare(String where, Classification c, Class<?> element) {
        requireNumber(where, Operator.NOISE, element);
        double bound = c.bucket();
        return (value, subject) -> noise(value, bound, where, subject);
    }

    private Object noise(Object value, double declaredBound, String where, @Nullable String subject) {
        if (!(value instanceof Number)) {
            throw unsupported(where, Operator.NOISE, value.getClass(), "numbers");
        }
        Number n = (Number) value;
        KeyedHash.Draws d = noiseKey.draws(where + "\u0000" + (subject == null ? "" : subject) + "\u0000" + value);
        double magnitude = Math.abs(n.doubleValue());
        double bound = declaredBound > 0 ? declaredBound : noiseRatio * (magnitude == 0 ? 1 : magnitude);
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger) {
            long b = Math.max(1, Math.round(bound));
            long r = Long.remainderUnsigned(d.nextLong(), 2 * b);
            long delta = r < b ? -(r + 1) : r - b + 1;
            if (n instanceof BigInteger) {
                return ((BigInteger) n).add(BigInteger.valueOf(delta));
            }
            return narrow(n, Math.addExact(n.longValue(), delta));
        }
        double u = d.nextDouble() * 2 - 1;
        double delta = u == 0 ? bound / 2 : u * bound;
        if (n instanceof Double) {
            return n.doubleValue() + delta;
        }
        if (n instanceof Float) {
            return (float) (n.doubleValue() + delta);
        }
        BigDecimal v = n instanceof BigDecimal ? (BigDecimal) n : new BigDecimal(n.toString());
        int scale = Math.max(0, v.scale());
        BigDecimal change = BigDecimal.valueOf(delta).setScale(scale, RoundingMode.HALF_UP);
        if (change.signum() == 0) {
            change = BigDecimal.ONE.movePointLeft(scale);
        }
        return v.add(change);
    }
}
