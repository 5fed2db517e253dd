package org.privacykit.spi.engine;

import java.net.InetAddress;
import java.net.URI;
import java.time.ZoneId;
import java.time.temporal.TemporalAccessor;
import java.util.Calendar;
import java.util.Currency;
import java.util.Date;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The text a masker or pseudonymizer works on, for values that are single scalars. */
public final class ScalarText {
    private ScalarText() {
    }

    /**
     * Returns the text of a scalar value: a {@code LocalDate} as ISO text (so the date masker keeps
     * its year), numbers and booleans as written, enums by name.
     *
     * @param value a non-null value
     * @return its text, or {@code null} when the value is not a scalar (a bean, a byte array)
     */
    @SuppressWarnings("JavaUtilDate") // applications' Date values are read, never made
    public static @Nullable String of(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof UUID || value instanceof TemporalAccessor
                || value instanceof URI || value instanceof Currency || value instanceof Locale
                || value instanceof ZoneId) {
            return value.toString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof char[] chars) {
            return new String(chars);
        }
        if (value instanceof Date date) { // an application's Date: written as Jackson writes it, ISO
            // java.sql.Date and Time refuse toInstant(); their toString is ISO already
            return date.getClass().getName().startsWith("java.sql.") ? date.toString() : date.toInstant().toString();
        }
        if (value instanceof Calendar calendar) {
            return calendar.toInstant().toString();
        }
        if (value instanceof InetAddress address) {
            return address.getHostAddress();
        }
        return null;
    }
}
