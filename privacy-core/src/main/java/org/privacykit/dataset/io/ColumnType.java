package org.privacykit.dataset.io;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * How a CSV column's text becomes values. {@link #AUTO}, the default, picks the narrowest type that
 * reads every non-empty cell of the column back exactly as written, so writing a release keeps
 * unchanged cells byte for byte: {@code 007} and {@code 02134} stay text.
 */
public enum ColumnType {
    /** The narrowest of the types below that holds every cell exactly. */
    AUTO,
    /** Whole numbers without leading zeros or sign {@code +}, as {@link Long}. */
    INTEGER,
    /** Decimal numbers, as {@link BigDecimal}. */
    DECIMAL,
    /** ISO-8601 dates ({@code 1985-03-12}), as {@link LocalDate}. */
    DATE,
    /** Text, as it is. */
    TEXT;

    /** Reads a non-empty cell, or returns {@code null} when it does not hold this type exactly. */
    @Nullable Object parse(String text) {
        return switch (this) {
            case INTEGER -> integer(text);
            case DECIMAL -> decimal(text);
            case DATE -> date(text);
            case TEXT -> text;
            case AUTO -> throw new IllegalStateException("AUTO is resolved per column");
        };
    }

    private static @Nullable Long integer(String text) {
        int length = text.length();
        if (length == 0 || length > 18) {
            return null;
        }
        int start = text.charAt(0) == '-' ? 1 : 0;
        if (start == length || (text.charAt(start) == '0' && length > start + 1) || (start == 1 && text.equals("-0"))) {
            return null;
        }
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return Long.parseLong(text);
    }

    private static @Nullable BigDecimal decimal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || (c == '-' && i == 0))) {
                return null;
            }
        }
        try {
            BigDecimal d = new BigDecimal(text);
            return d.toPlainString().equals(text) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable LocalDate date(String text) {
        if (text.length() != 10) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(text);
            return d.toString().equals(text) ? d : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
