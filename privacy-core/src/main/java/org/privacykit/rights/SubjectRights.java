package org.privacykit.rights;

import com.google.errorprone.annotations.CheckReturnValue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.privacykit.anonymize.Anonymizer;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditEvent;
import org.privacykit.audit.AuditSink;
import org.privacykit.annotation.Operator;
import org.privacykit.metadata.Classification;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.spi.CryptoShredder;

/**
 * The rights of data subjects, from the field declarations: access (export every personal-data
 * field of one person as JSON) and erasure (erase one person's fields, and destroy their keys when a
 * {@link CryptoShredder} is given). Each call is an audit event that names the subject and counts,
 * never a value.
 *
 * <pre>{@code
 * SubjectRights rights = SubjectRights.builder(anonymizer).auditSink(sink).cryptoShredder(keyRing).build();
 * String json = rights.export("c-1001", List.of(customer, ticket)).toJson();
 * Erasure<Object> erased = rights.erase("c-1001", List.of(customer, ticket));   // store erased.objects() back
 * }</pre>
 *
 * <p>A value belongs to a subject when the nearest enclosing object with a {@code @SubjectId} (for
 * the field's subject role) has that id; nested objects without one belong to the object that holds
 * them. Secrets marked only {@code @Sensitive} (tokens, password hashes) are not personal data: an
 * export leaves them out, an erasure erases them with the subject's data. Immutable and thread-safe.
 */
public final class SubjectRights {
    private final Anonymizer anonymizer;
    private final AuditSink audit;
    private final @Nullable CryptoShredder shredder;
    private final Clock clock;
    private final @Nullable String actor;
    private final Operator erasureOperator;

    private SubjectRights(Builder b) {
        this.anonymizer = b.anonymizer;
        this.audit = b.audit;
        this.shredder = b.shredder;
        this.clock = b.clock;
        this.actor = b.actor;
        this.erasureOperator = b.erasureOperator;
    }

    /**
     * Starts the subject rights of an application.
     *
     * @param anonymizer transforms erased fields
     * @return a builder
     */
    public static Builder builder(Anonymizer anonymizer) {
        return new Builder(anonymizer);
    }

    /**
     * Exports every personal-data value of one subject in the given objects, and records an
     * {@link AuditAction#EXPORT} event.
     *
     * @param subjectId the subject
     * @param objects the objects that may hold the subject's data (others' data in them is ignored)
     * @return the export
     */
    public AccessExport export(String subjectId, Collection<?> objects) {
        requireSubject(subjectId);
        Objects.requireNonNull(objects, "objects");
        List<AccessExport.Field> fields = new ArrayList<>();
        for (Object root : objects) {
            if (root == null) {
                continue;
            }
            String prefix = root.getClass().getSimpleName();
            PrivacyMetadata.walk(root, (path, property, value, subject) -> {
                Classification c = property.classification();
                if (c.isPersonalData() && subjectId.equals(subject)) {
                    fields.add(new AccessExport.Field(join(prefix, path), c.typeOrNull(), c.category(),
                            c.sensitivity(), c.purposes(), c.legalBasis().orElse(null), c.retention().orElse(null),
                            value));
                }
            });
        }
        AccessExport export = new AccessExport(subjectId, clock.instant(), fields);
        audit.record(AuditEvent.builder(AuditAction.EXPORT).time(export.generatedAt()).subject(subjectId).actor(actor)
                .detail(fields.size() + " personal-data fields in " + objects.size() + " objects").build());
        return export;
    }

    /**
     * Erases one subject: returns copies of the objects with each of the subject's personal-data
     * values (and secrets, such as the subject's API tokens) erased by the erasure operator (other subjects' values and all other fields unchanged,
     * subject ids kept so the copies can be stored back); destroys the subject's keys when a
     * {@link CryptoShredder} is configured; records an {@link AuditAction#ERASE} event either way.
     *
     * @param subjectId the subject
     * @param objects the objects that hold the subject's data
     * @param <T> their type
     * @return the copies and what was done
     */
    @CheckReturnValue
    public <T> Erasure<T> erase(String subjectId, Collection<T> objects) {
        requireSubject(subjectId);
        Objects.requireNonNull(objects, "objects");
        int[] erased = {0};
        List<T> copies = new ArrayList<>(objects.size());
        for (T object : objects) {
            copies.add(anonymizer.anonymize(object, site -> {
                if (subjectId.equals(site.subjectId())) {
                    erased[0]++;
                    return erasureOperator;
                }
                return null;
            }));
        }
        boolean shredded = false;
        if (shredder != null) {
            shredder.forget(subjectId);
            shredded = true;
        }
        audit.record(AuditEvent.builder(AuditAction.ERASE).time(clock.instant()).subject(subjectId).actor(actor)
                .detail((shredded ? "crypto-shredded; " : "") + erased[0] + " protected values erased ("
                        + erasureOperator + ") in " + objects.size() + " objects").build());
        return new Erasure<>(copies, erased[0], shredded);
    }

    private static void requireSubject(String subjectId) {
        if (subjectId == null || subjectId.isBlank()) {
            throw new IllegalArgumentException("a subject id is required");
        }
    }

    static String join(String prefix, String path) {
        if (path.isEmpty()) {
            return prefix;
        }
        return path.startsWith("[") || path.startsWith("{") ? prefix + path : prefix + "." + path;
    }

    @Override
    public String toString() {
        return "SubjectRights[erasure " + erasureOperator + (shredder == null ? "" : ", crypto-shredding") + "]";
    }

    /** Builds {@link SubjectRights}. */
    public static final class Builder {
        private final Anonymizer anonymizer;
        private AuditSink audit = AuditSink.slf4j();
        private @Nullable CryptoShredder shredder;
        private Clock clock = Clock.systemUTC();
        private @Nullable String actor;
        private Operator erasureOperator = Operator.REDACT;

        private Builder(Anonymizer anonymizer) {
            this.anonymizer = Objects.requireNonNull(anonymizer, "anonymizer");
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
         * Sets the crypto-shredder (privacy-crypto's per-subject keys) that erasure destroys the
         * subject's keys with; without one, erasure only anonymizes the copies.
         *
         * @param shredder the shredder
         * @return this builder
         */
        public Builder cryptoShredder(CryptoShredder shredder) {
            this.shredder = Objects.requireNonNull(shredder, "shredder");
            return this;
        }

        /**
         * Sets the clock for export and audit times; the default is the system clock in UTC.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets who acts, for audit events (a user, a service, a job).
         *
         * @param actor the actor
         * @return this builder
         */
        public Builder actor(@Nullable String actor) {
            this.actor = actor;
            return this;
        }

        /**
         * Sets how erased values are replaced; the default, {@link Operator#REDACT}, writes
         * {@code [REDACTED]} in text fields and drops other values. SUPPRESS drops every value. The keyed
         * operators (FAKE, PSEUDONYMIZE) can be reversed by whoever holds the key by trying candidate
         * values, so they pseudonymize rather than erase.
         *
         * @param operator the operator
         * @return this builder
         * @throws IllegalArgumentException for KEEP
         */
        public Builder erasureOperator(Operator operator) {
            Objects.requireNonNull(operator, "operator");
            if (operator == Operator.KEEP) {
                throw new IllegalArgumentException("erasure cannot keep values");
            }
            this.erasureOperator = operator;
            return this;
        }

        /**
         * Builds the subject rights.
         *
         * @return the subject rights
         */
        public SubjectRights build() {
            return new SubjectRights(this);
        }
    }
}
