package org.privacykit.anonymize;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.Operator;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.mask.Masker;
import org.privacykit.mask.Maskers;
import org.privacykit.metadata.Classification;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.pseudonym.Pseudonymizer;

/**
 * The operators, applied to one scalar value of one field: this class dispatches to one class per
 * operator ({@link PseudonymizeOperator}, {@link FakeOperator}, {@link GeneralizeOperator},
 * {@link DateShiftOperator}, {@link NoiseOperator}; KEEP, SUPPRESS, REDACT and MASK are one line
 * each, here) and holds the checks they share. Built once per anonymizer; the per-field parts
 * (masker, pseudonym domain, bounds) are prepared once per property by
 * {@link #prepare(PropertyMetadata, Operator)}.
 */
final class Transforms {
    /** What one operator does to the scalar values of one property. */
    interface ValueTransform {
        @Nullable Object apply(Object value, @Nullable String subjectId);
    }

    private final PseudonymizeOperator pseudonymize;
    private final FakeOperator fake;
    private final GeneralizeOperator generalize;
    private final DateShiftOperator dateShift;
    private final NoiseOperator noise;

    Transforms(Pseudonymizer pseudonymizer, DateGranularity granularity, int defaultMaxShiftDays, double defaultBucket,
               double noiseRatio, double gridDegrees, PseudonymScope scope) {
        this.pseudonymize = new PseudonymizeOperator(pseudonymizer, scope);
        this.fake = new FakeOperator(pseudonymizer);
        this.generalize = new GeneralizeOperator(granularity, defaultBucket, gridDegrees);
        this.dateShift = new DateShiftOperator(pseudonymizer, defaultMaxShiftDays);
        this.noise = new NoiseOperator(pseudonymizer, noiseRatio);
    }

    // ------------------------------------------------------------------ preparation per property

    ValueTransform prepare(PropertyMetadata p, Operator op) {
        Classification c = p.classification();
        String where = p.qualifiedName();
        Class<?> element = p.elementClass();
        PersonalDataType type = c.typeOrNull();
        switch (op) {
            case KEEP:
                return (value, subject) -> value;
            case SUPPRESS:
                return (value, subject) -> null;
            case REDACT:
                return (value, subject) -> value instanceof CharSequence ? Maskers.REDACTED : null;
            case MASK: {
                requireKnown(where, op, element, String.class);
                Masker masker = Maskers.of(c);
                return (value, subject) -> {
                    if (value instanceof String) {
                        return masker.mask((String) value);
                    }
                    throw unsupported(where, op, value.getClass(), "text");
                };
            }
            case PSEUDONYMIZE:
                return pseudonymize.prepare(p);
            case FAKE:
                return fake.prepare(where, type, element);
            case GENERALIZE:
                return generalize.prepare(where, c, element);
            case DATE_SHIFT:
                return dateShift.prepare(where, c, element);
            case NOISE:
                return noise.prepare(where, c, element);
            default:
                throw new AnonymizationException(where, "unknown operator " + op);
        }
    }

    static boolean isNumber(Class<?> type) {
        return Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == short.class
                || type == byte.class || type == double.class || type == float.class;
    }

    static boolean isTemporal(Class<?> type) {
        return type == LocalDate.class || type == LocalDateTime.class || type == OffsetDateTime.class
                || type == ZonedDateTime.class || type == Instant.class || Date.class.isAssignableFrom(type)
                || type == String.class;
    }

    /** Rejects, at plan time, an element type the operator can never handle; {@code Object} is decided per value. */
    static void requireKnown(String where, Operator op, Class<?> element, Class<?>... accepted) {
        if (element == Object.class || element == CharSequence.class || element == Comparable.class
                || element == java.io.Serializable.class) {
            return;
        }
        for (Class<?> a : accepted) {
            if (a == element) {
                return;
            }
        }
        throw unsupported(where, op, element, describe(accepted));
    }

    static void requireTemporal(String where, Operator op, Class<?> element) {
        if (!isTemporal(element) && element != Object.class) {
            throw unsupported(where, op, element, "dates and times (LocalDate, LocalDateTime, OffsetDateTime,"
                    + " ZonedDateTime, Instant, Date) or ISO-8601 text");
        }
    }

    static void requireNumber(String where, Operator op, Class<?> element) {
        if (!isNumber(element) && element != Object.class) {
            throw unsupported(where, op, element, "numbers");
        }
    }

    private static String describe(Class<?>[] accepted) {
        StringBuilder out = new StringBuilder();
        for (Class<?> a : accepted) {
            if (a.isPrimitive()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(a == String.class ? "text" : a.getSimpleName());
        }
        return out.toString();
    }

    static AnonymizationException unsupported(String where, Operator op, Class<?> type, String accepted) {
        String hint;
        if (type == LocalDate.class || type == LocalDateTime.class || type == Instant.class) {
            hint = "; use GENERALIZE or DATE_SHIFT";
        } else if (isNumber(type)) {
            hint = "; use GENERALIZE or NOISE";
        } else if (type.isEnum() || type == Boolean.class || type == boolean.class) {
            hint = "; use SUPPRESS or KEEP";
        } else if (PrivacyMetadata.isNavigable(type)) {
            hint = "; classify the fields of " + type.getSimpleName() + " instead, or use SUPPRESS";
        } else {
            hint = "; use SUPPRESS or REDACT";
        }
        return new AnonymizationException(where, op + " applies to " + accepted + ", not to "
                + type.getSimpleName() + hint);
    }

    // ------------------------------------------------------------------ subject ids and dropped values

    @Nullable Object pseudonymizeSubjectId(Object value, String where) {
        return pseudonymize.subjectId(value, where);
    }

    /** The fake of a text value of a type, as in a field of that type (see {@link Anonymizer#fake}). */
    String fake(PersonalDataType type, String value) {
        return fake.fake(type, value);
    }

    /** A whole number of the same type as {@code like}, clamped to its range. */
    static Number narrow(Number like, long value) {
        if (like instanceof Integer) {
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
        }
        if (like instanceof Short) {
            return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value));
        }
        if (like instanceof Byte) {
            return (byte) Math.max(Byte.MIN_VALUE, Math.min(Byte.MAX_VALUE, value));
        }
        return value;
    }

    /** The value a primitive property takes when its value is dropped. */
    static @Nullable Object zero(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == double.class) {
            return 0d;
        }
        return null;
    }
}
