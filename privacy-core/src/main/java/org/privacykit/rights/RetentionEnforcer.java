package org.privacykit.rights;

import com.google.errorprone.annotations.CheckReturnValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.Operator;
import org.privacykit.anonymize.Anonymizer;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditEvent;
import org.privacykit.audit.AuditSink;
import org.privacykit.internal.PropertyAccess;
import org.privacykit.metadata.Classification;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.metadata.RetentionPeriod;

/**
 * Applies the {@code retention} of {@code @PersonalData}: given when each object's data was
 * collected, the fields past their retention are anonymized (by their operator) or dropped in a copy,
 * and a report lists what was affected and what will be within a horizon.
 *
 * <pre>{@code
 * RetentionEnforcer retention = RetentionEnforcer.builder(anonymizer)
 *         .collectedAtProperty("createdAt")          // or .collectedAt(order -> ...)
 *         .horizon(Duration.ofDays(30)).auditSink(sink).build();
 * RetentionReport next = retention.preview(customers);           // changes nothing
 * RetentionResult<Customer> done = retention.apply(customers);   // store done.objects() back
 * }</pre>
 *
 * <p>Fields without a declared retention are never touched. Each object with expired fields gives one
 * {@link AuditAction#RETENTION_APPLIED} event (its subject, its class, a count). Immutable and
 * thread-safe.
 */
public final class RetentionEnforcer {
    private final Anonymizer anonymizer;
    private final Function<Object, Instant> collectedAt;
    private final RetentionAction action;
    private final Duration horizon;
    private final Clock clock;
    private final AuditSink audit;
    private final @Nullable String actor;

    private RetentionEnforcer(Builder b) {
        this.anonymizer = b.anonymizer;
        this.collectedAt = Objects.requireNonNull(b.collectedAt, "collectedAt");
        this.action = b.action;
        this.horizon = b.horizon;
        this.clock = b.clock;
        this.audit = b.audit;
        this.actor = b.actor;
    }

    /**
     * Starts a retention enforcer.
     *
     * @param anonymizer applies the operators of expired fields
     * @return a builder
     */
    public static Builder builder(Anonymizer anonymizer) {
        return new Builder(anonymizer);
    }

    /**
     * Reports which fields are past their retention and which will be within the horizon, changing
     * nothing and recording no event.
     *
     * @param objects the objects
     * @return the report
     * @throws IllegalArgumentException when an object has no collection time
     */
    public RetentionReport preview(Collection<?> objects) {
        return run(objects, false).report();
    }

    /**
     * Anonymizes or drops every field past its retention in copies of the objects, and records an
     * audit event per object affected.
     *
     * @param objects the objects
     * @param <T> their type
     * @return the copies and the report
     * @throws IllegalArgumentException when an object has no collection time
     */
    @CheckReturnValue
    public <T> RetentionResult<T> apply(Collection<T> objects) {
        return run(objects, true);
    }

    private <T> RetentionResult<T> run(Collection<T> objects, boolean apply) {
        Objects.requireNonNull(objects, "objects");
        Instant now = clock.instant();
        Instant until = now.plus(horizon);
        List<RetentionReport.Item> expired = new ArrayList<>();
        List<RetentionReport.Item> upcoming = new ArrayList<>();
        List<T> copies = new ArrayList<>(objects.size());
        int index = 0;
        for (T object : objects) {
            if (object == null) {
                copies.add(null);
                index++;
                continue;
            }
            Instant collected = collectedAt.apply(object);
            if (collected == null) {
                throw new IllegalArgumentException("object " + index + " (" + object.getClass().getSimpleName()
                        + ") has no collection time");
            }
            String prefix = "[" + index + "]" + object.getClass().getSimpleName();
            List<RetentionReport.Item> expiredHere = new ArrayList<>();
            PrivacyMetadata.walk(object, (path, property, value, subject) -> {
                Classification c = property.classification();
                RetentionPeriod retention = c.retention().orElse(null);
                if (retention == null) {
                    return;
                }
                Instant expiry = retention.expiry(collected);
                RetentionReport.Item item = new RetentionReport.Item(SubjectRights.join(prefix, path), c.typeOrNull(),
                        retention.iso(), subject, collected, expiry);
                if (!now.isBefore(expiry)) {
                    expiredHere.add(item);
                } else if (expiry.isBefore(until)) {
                    upcoming.add(item);
                }
            });
            expired.addAll(expiredHere);
            if (apply && !expiredHere.isEmpty()) {
                copies.add(anonymizer.anonymize(object, site -> {
                    RetentionPeriod retention = site.property().classification().retention().orElse(null);
                    if (retention == null || !retention.isExpired(collected, now)) {
                        return null;
                    }
                    return action == RetentionAction.DROP ? Operator.SUPPRESS : site.declaredOperator();
                }));
                audit.record(AuditEvent.builder(AuditAction.RETENTION_APPLIED).time(now)
                        .subject(expiredHere.get(0).subjectId()).field(object.getClass().getSimpleName()).actor(actor)
                        .detail(expiredHere.size() + " personal-data values past retention "
                                + (action == RetentionAction.DROP ? "dropped" : "anonymized"))
                        .build());
            } else if (apply) {
                copies.add(anonymizer.anonymize(object, site -> null));
            }
            index++;
        }
        upcoming.sort(Comparator.comparing(RetentionReport.Item::expiresAt));
        return new RetentionResult<>(copies, new RetentionReport(now, until, action, apply, expired, upcoming));
    }

    @Override
    public String toString() {
        return "RetentionEnforcer[" + action + ", horizon " + horizon + "]";
    }

    /** Reads a collection time from a property value. */
    @SuppressWarnings("JavaUtilDate") // reads the Date values users' classes hold (java.sql.Date has no toInstant)
    static @Nullable Instant toInstant(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (value instanceof Date date) {
            return Instant.ofEpochMilli(date.getTime());
        }
        if (value instanceof Long millis) {
            return Instant.ofEpochMilli(millis);
        }
        throw new IllegalArgumentException("a collection time must be an Instant, LocalDate, LocalDateTime,"
                + " OffsetDateTime, ZonedDateTime, Date or epoch milliseconds; got " + value.getClass().getSimpleName());
    }

    /** Builds a {@link RetentionEnforcer}. */
    public static final class Builder {
        private final Anonymizer anonymizer;
        private @Nullable Function<Object, Instant> collectedAt;
        private RetentionAction action = RetentionAction.ANONYMIZE;
        private Duration horizon = Duration.ofDays(30);
        private Clock clock = Clock.systemUTC();
        private AuditSink audit = AuditSink.slf4j();
        private @Nullable String actor;

        private Builder(Anonymizer anonymizer) {
            this.anonymizer = Objects.requireNonNull(anonymizer, "anonymizer");
        }

        /**
         * Says when each object's data was collected.
         *
         * @param collectedAt the collection time of an object; {@code null} is an error
         * @return this builder
         */
        public Builder collectedAt(Function<Object, Instant> collectedAt) {
            this.collectedAt = Objects.requireNonNull(collectedAt, "collectedAt");
            return this;
        }

        /**
         * Says that each object's collection time is one of its properties: an {@code Instant},
         * {@code LocalDate} (start of day, UTC), {@code LocalDateTime} (UTC), {@code OffsetDateTime},
         * {@code ZonedDateTime}, {@code Date} or epoch milliseconds.
         *
         * @param property the property name
         * @return this builder
         */
        public Builder collectedAtProperty(String property) {
            Objects.requireNonNull(property, "property");
            this.collectedAt = object -> {
                PropertyMetadata p = PrivacyMetadata.of(object.getClass()).property(property);
                if (p == null) {
                    throw new IllegalArgumentException(object.getClass().getSimpleName() + " has no property '"
                            + property + "'");
                }
                return toInstant(PropertyAccess.read(p, object));
            };
            return this;
        }

        /**
         * Sets what happens to expired fields; the default is {@link RetentionAction#ANONYMIZE}.
         *
         * @param action anonymize or drop
         * @return this builder
         */
        public Builder action(RetentionAction action) {
            this.action = Objects.requireNonNull(action, "action");
            return this;
        }

        /**
         * Sets how far ahead the report lists fields that will expire; the default is 30 days.
         *
         * @param horizon a duration, zero or more
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder horizon(Duration horizon) {
            Objects.requireNonNull(horizon, "horizon");
            if (horizon.isNegative()) {
                throw new IllegalArgumentException("the horizon must not be negative");
            }
            this.horizon = horizon;
            return this;
        }

        /**
         * Sets the clock that says what time it is; the default is the system clock in UTC.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets where audit events go; the default is {@link AuditSink#slf4j()}.
         *
         * @param sink the sink
         * @return this builder
         */
        public Builder auditSink(AuditSink sink) {
            this.audit = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * Sets who acts, for audit events.
         *
         * @param actor the actor, such as {@code "retention-job"}
         * @return this builder
         */
        public Builder actor(@Nullable String actor) {
            this.actor = actor;
            return this;
        }

        /**
         * Builds the enforcer.
         *
         * @return the enforcer
         * @throws IllegalStateException when no collection time was given
         */
        public RetentionEnforcer build() {
            if (collectedAt == null) {
                throw new IllegalStateException("say when data was collected: collectedAt(...) or collectedAtProperty(...)");
            }
            return new RetentionEnforcer(this);
        }
    }
}
