package org.privacykit.anonymize;

import static org.privacykit.anonymize.Transforms.requireTemporal;
import static org.privacykit.anonymize.Transforms.unsupported;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.Operator;
import org.privacykit.metadata.Classification;
import org.privacykit.pseudonym.Pseudonymizer;

/**
 * DATE_SHIFT: 1 to {@code maxShiftDays} days either way, never zero, the same shift for every date
 * of one data subject (so intervals between a person's dates survive), keyed.
 */
final class DateShiftOperator {
    private static final long SECONDS_PER_DAY = 86_400L;

    private final KeyedHash shiftKey;
    private final int defaultMaxShiftDays;

    DateShiftOperator(Pseudonymizer pseudonymizer, int defaultMaxShiftDays) {
        this.shiftKey = new KeyedHash(pseudonymizer.deriveKey("date-shift", "shift"));
        this.defaultMaxShiftDays = defaultMaxShiftDays;
    }

    Transforms.ValueTransform prepare(String where, Classification c, Class<?> element) {
        requireTemporal(where, Operator.DATE_SHIFT, element);
        int max = c.maxShiftDays() > 0 ? c.maxShiftDays() : defaultMaxShiftDays;
        return (value, subject) -> shift(value, shiftDays(subject, where, value, max), where);
    }

    /** A shift of 1 to {@code max} days either way, never zero: per subject, or per field and value without one. */
    int shiftDays(@Nullable String subject, String where, Object value, int max) {
        KeyedHash.Draws d = subject != null ? shiftKey.draws("subject\u0000" + subject)
                : shiftKey.draws("field\u0000" + where + "\u0000" + value);
        int r = d.nextInt(2 * max);
        return r < max ? -(r + 1) : r - max + 1;
    }

    @SuppressWarnings("JavaUtilDate") // shifts the Date values users' classes hold
    private static Object shift(Object value, int days, String where) {
        if (value instanceof LocalDate) {
            return ((LocalDate) value).plusDays(days);
        }
        if (value instanceof LocalDateTime) {
            return ((LocalDateTime) value).plusDays(days);
        }
        if (value instanceof OffsetDateTime) {
            return ((OffsetDateTime) value).plusDays(days);
        }
        if (value instanceof ZonedDateTime) {
            return ((ZonedDateTime) value).plusDays(days);
        }
        if (value instanceof Instant) {
            return ((Instant) value).plusSeconds(days * SECONDS_PER_DAY);
        }
        if (value instanceof Date && value.getClass() == Date.class) {
            return new Date(((Date) value).getTime() + days * SECONDS_PER_DAY * 1000);
        }
        if (value instanceof String) {
            String s = ((String) value).trim();
            try {
                return LocalDate.parse(s).plusDays(days).toString();
            } catch (DateTimeException notADate) {
                try {
                    return LocalDateTime.parse(s).plusDays(days).toString();
                } catch (DateTimeException notALocalDateTime) {
                    try {
                        return OffsetDateTime.parse(s).plusDays(days).toString();
                    } catch (DateTimeException notAnOffsetDateTime) {
                        throw new AnonymizationException(where, "DATE_SHIFT needs an ISO-8601 date or date-time"
                                + " in this text field");
                    }
                }
            }
        }
        throw unsupported(where, Operator.DATE_SHIFT, value.getClass(), "dates and times or ISO-8601 text");
    }
}
