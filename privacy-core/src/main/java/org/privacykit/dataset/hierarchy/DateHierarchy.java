package org.privacykit.dataset.hierarchy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/** Calendar periods of dates; see {@link Hierarchy#dates(DateLevel...)}. */
final class DateHierarchy implements Hierarchy {
    private static final int MONTHS_PER_QUARTER = 3;
    private static final int YEARS_PER_DECADE = 10;

    private final DateLevel[] levels;

    DateHierarchy(DateLevel... levels) {
        Objects.requireNonNull(levels, "levels");
        if (levels.length == 0) {
            throw new IllegalArgumentException("give at least one date level");
        }
        for (int i = 0; i < levels.length; i++) {
            Objects.requireNonNull(levels[i], "level");
            if (i > 0 && levels[i].compareTo(levels[i - 1]) <= 0) {
                throw new IllegalArgumentException("date levels go from the finest to the coarsest, each once");
            }
        }
        this.levels = levels.clone();
    }

    @Override
    public int height() {
        return levels.length + 1;
    }

    @Override
    public boolean contains(@Nullable Object value) {
        return toDate(value) != null;
    }

    @Override
    public Generalized generalize(@Nullable Object value, int level) {
        if (level < 0 || level > height()) {
            throw new IllegalArgumentException("level " + level + " is outside 0.." + height());
        }
        LocalDate date = toDate(value);
        if (date == null) {
            throw new IllegalArgumentException("a value is absent from the hierarchy");
        }
        if (level == 0) {
            return Generalized.of(value);
        }
        if (level == height()) {
            return Generalized.any();
        }
        return switch (levels[level - 1]) {
            case MONTH -> {
                LocalDate first = date.withDayOfMonth(1);
                yield new Generalized.Range<>(first, first.plusMonths(1).minusDays(1), true,
                        String.format(java.util.Locale.ROOT, "%04d-%02d", date.getYear(), date.getMonthValue()));
            }
            case QUARTER -> {
                int quarter = (date.getMonthValue() - 1) / MONTHS_PER_QUARTER;
                LocalDate first = LocalDate.of(date.getYear(), quarter * MONTHS_PER_QUARTER + 1, 1);
                yield new Generalized.Range<>(first, first.plusMonths(MONTHS_PER_QUARTER).minusDays(1), true,
                        date.getYear() + "-Q" + (quarter + 1));
            }
            case YEAR -> new Generalized.Range<>(LocalDate.of(date.getYear(), 1, 1),
                    LocalDate.of(date.getYear(), 12, 31), true, Integer.toString(date.getYear()));
            case DECADE -> {
                int from = Math.floorDiv(date.getYear(), YEARS_PER_DECADE) * YEARS_PER_DECADE;
                yield new Generalized.Range<>(LocalDate.of(from, 1, 1), LocalDate.of(from + YEARS_PER_DECADE - 1, 12, 31),
                        true, from + "-" + (from + YEARS_PER_DECADE - 1));
            }
        };
    }

    @Override
    public Comparator<Object> order() {
        return Comparator.comparing(DateHierarchy::toDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(DateHierarchy::instant, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    /** The calendar date of a value, in UTC for instants; {@code null} for other values. */
    static @Nullable LocalDate toDate(@Nullable Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toLocalDate();
        }
        if (value instanceof ZonedDateTime t) {
            return t.toLocalDate();
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC).toLocalDate();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof Date d) {
            return d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
        }
        return null;
    }

    private static @Nullable Instant instant(@Nullable Object value) {
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof ZonedDateTime t) {
            return t.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Date d && !(value instanceof java.sql.Date)) {
            return d.toInstant();
        }
        return null;
    }

    @Override
    public String toString() {
        return "Hierarchy[dates by " + Arrays.toString(levels) + "]";
    }
}
