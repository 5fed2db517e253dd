package org.privacykit.metadata;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.NullUnmarked;

/**
 * How long personal data may be kept, from an ISO-8601 duration: a date-based period such as
 * {@code P10Y} or {@code P6M}, or a time-based duration such as {@code PT12H}. Calendar periods are
 * applied in UTC.
 */
@NullUnmarked // nullness to annotate: see NOTES.md
public final class RetentionPeriod {
    private final String text;
    private final Period period;
    private final Duration duration;

    private RetentionPeriod(String text, Period period, Duration duration) {
        this.text = text;
        this.period = period;
        this.duration = duration;
    }

    /**
     * Parses an ISO-8601 duration.
     *
     * @param iso the text, such as {@code P10Y}, {@code P1Y6M}, {@code P30D} or {@code PT12H}
     * @return the retention period
     * @throws IllegalArgumentException when the text is not an ISO-8601 duration, or is zero or negative
     */
    public static RetentionPeriod parse(String iso) {
        Objects.requireNonNull(iso, "iso");
        String text = iso.trim().toUpperCase(Locale.ROOT);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("retention is empty");
        }
        if (text.contains("T")) {
            Duration duration;
            try {
                duration = Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw invalid(iso);
            }
            if (duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException("retention '" + iso + "' must be positive");
            }
            return new RetentionPeriod(text, null, duration);
        }
        Period period;
        try {
            period = Period.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(iso);
        }
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("retention '" + iso + "' must be positive");
        }
        return new RetentionPeriod(text, period, null);
    }

    private static IllegalArgumentException invalid(String iso) {
        return new IllegalArgumentException(
                "retention '" + iso + "' is not an ISO-8601 duration (for example P10Y, P6M, P30D or PT12H)");
    }

    /**
     * Returns the moment data collected at a given time expires.
     *
     * @param collectedAt when the data was collected
     * @return when its retention ends
     */
    public Instant expiry(Instant collectedAt) {
        if (period != null) {
            return collectedAt.atOffset(ZoneOffset.UTC).plus(period).toInstant();
        }
        return collectedAt.plus(duration);
    }

    /**
     * Tells whether data collected at a given time is past its retention at another time.
     *
     * @param collectedAt when the data was collected
     * @param now the time to judge at
     * @return {@code true} once the retention has ended
     */
    public boolean isExpired(Instant collectedAt, Instant now) {
        return !now.isBefore(expiry(collectedAt));
    }

    /**
     * Returns the ISO-8601 text, normalised to upper case.
     *
     * @return the duration text, such as {@code P10Y}
     */
    public String iso() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetentionPeriod && ((RetentionPeriod) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
