package org.privacykit.jackson;

import java.net.InetAddress;
import java.net.URI;
import java.util.Calendar;
import java.util.Currency;
import java.util.Date;
import java.util.Locale;
import java.util.UUID;
import java.time.ZoneId;
import java.time.temporal.TemporalAccessor;

/** The text a masker or pseudonymizer works on, for values that are single scalars. */
final class ScalarText {
    private ScalarText() {
    }

    /**
     * Returns the text of a scalar value: a {@code LocalDate} as ISO text (so the date masker keeps
     * its year), numbers and booleans as written, enums by name.
     *
     * @param value a non-null value
     * @return its text, or {@code null} when the value is not a scalar (a bean, a byte array)
     */
    static String of(Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof UUID || value instanceof TemporalAccessor
                || value instanceof URI || value instanceof Currency || value instanceof Locale
                || value instanceof ZoneId) {
            return value.toString();
        }
        if (value instanceof Enum) {
            return ((Enum<?>) value).name();
        }
        if (value instanceof char[]) {
            return new String((char[]) value);
        }
        if (value instanceof Date) {
            // java.sql.Date and Time refuse toInstant(); their toString is ISO already
            return value.getClass().getName().startsWith("java.sql.")
                    ? value.toString() : ((Date) value).toInstant().toString();
        }
        if (value instanceof Calendar) {
            return ((Calendar) value).toInstant().toString();
        }
        if (value instanceof InetAddress) {
            return ((InetAddress) value).getHostAddress();
        }
        return null;
    }
}
