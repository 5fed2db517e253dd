package org.privacykit.audit;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One auditable event: what happened, to which field and subject, for which purpose, by whom, and
 * when. An event never holds a personal value or key material: only names, ids and a short detail
 * (a key id, a count). Immutable.
 *
 * <pre>{@code
 * AuditEvent event = AuditEvent.builder(AuditAction.REVEAL)
 *         .field("Customer.email").subject("c-42").purpose("support").actor("alice")
 *         .build();
 * }</pre>
 */
public final class AuditEvent {
    private final AuditAction action;
    private final Instant time;
    private final @Nullable String field;
    private final @Nullable String subjectId;
    private final @Nullable String purpose;
    private final @Nullable String actor;
    private final @Nullable String detail;

    private AuditEvent(Builder b) {
        this.action = b.action;
        this.time = b.time == null ? Instant.now() : b.time;
        this.field = b.field;
        this.subjectId = b.subjectId;
        this.purpose = b.purpose;
        this.actor = b.actor;
        this.detail = b.detail;
    }

    /**
     * Starts an event.
     *
     * @param action what happened
     * @return a builder
     */
    public static Builder builder(AuditAction action) {
        return new Builder(action);
    }

    /**
     * Returns what happened.
     *
     * @return the action
     */
    public AuditAction action() {
        return action;
    }

    /**
     * Returns when it happened.
     *
     * @return the time
     */
    public Instant time() {
        return time;
    }

    /**
     * Returns the field path, such as {@code Customer.email} or {@code orders[0].shippingAddress.postcode}.
     *
     * @return the field, or {@code null} for events not about one field
     */
    public @Nullable String field() {
        return field;
    }

    /**
     * Returns the id of the data subject concerned.
     *
     * @return the subject id, or {@code null} when unknown
     */
    public @Nullable String subjectId() {
        return subjectId;
    }

    /**
     * Returns the purpose that allowed the processing.
     *
     * @return the purpose, or {@code null}
     */
    public @Nullable String purpose() {
        return purpose;
    }

    /**
     * Returns who did it: a user, a service, a job.
     *
     * @return the actor, or {@code null} when unknown
     */
    public @Nullable String actor() {
        return actor;
    }

    /**
     * Returns a short detail that is never a value: a key id, an algorithm, a count.
     *
     * @return the detail, or {@code null}
     */
    public @Nullable String detail() {
        return detail;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AuditEvent e)) {
            return false;
        }
        return action == e.action && time.equals(e.time) && Objects.equals(field, e.field)
                && Objects.equals(subjectId, e.subjectId) && Objects.equals(purpose, e.purpose)
                && Objects.equals(actor, e.actor) && Objects.equals(detail, e.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(action, time, field, subjectId, purpose, actor, detail);
    }

    /**
     * One line, whatever the fields hold: control characters and line separators in a field (a
     * principal's name, a header, a subject id) are written as a backslash, {@code u} and four hex digits, so no field can
     * start a forged audit line in a sink that writes this text.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("AuditEvent[").append(action).append(" at ").append(time);
        append(out, ", field=", field);
        append(out, ", subject=", subjectId);
        append(out, ", purpose=", purpose);
        append(out, ", actor=", actor);
        append(out, ", detail=", detail);
        return out.append(']').toString();
    }

    private static void append(StringBuilder out, String label, @Nullable String value) {
        if (value != null) {
            out.append(label).append(escape(value));
        }
    }

    /** A part with its control characters and line separators written as {@code \\uXXXX}, so no part can forge a line. */
    static String escape(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                if (out == null) {
                    out = new StringBuilder(value.length() + 8).append(value, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }

    /** Builds an {@link AuditEvent}. */
    public static final class Builder {
        private final AuditAction action;
        private @Nullable Instant time;
        private @Nullable String field;
        private @Nullable String subjectId;
        private @Nullable String purpose;
        private @Nullable String actor;
        private @Nullable String detail;

        private Builder(AuditAction action) {
            this.action = Objects.requireNonNull(action, "action");
        }

        /**
         * Sets the time; the default is when {@link #build()} runs.
         *
         * @param time the time
         * @return this builder
         */
        public Builder time(@Nullable Instant time) {
            this.time = time;
            return this;
        }

        /**
         * Sets the field path.
         *
         * @param field the field path
         * @return this builder
         */
        public Builder field(@Nullable String field) {
            this.field = field;
            return this;
        }

        /**
         * Sets the data subject.
         *
         * @param subjectId the subject id
         * @return this builder
         */
        public Builder subject(@Nullable String subjectId) {
            this.subjectId = subjectId;
            return this;
        }

        /**
         * Sets the purpose.
         *
         * @param purpose the purpose
         * @return this builder
         */
        public Builder purpose(@Nullable String purpose) {
            this.purpose = purpose;
            return this;
        }

        /**
         * Sets the actor.
         *
         * @param actor the actor
         * @return this builder
         */
        public Builder actor(@Nullable String actor) {
            this.actor = actor;
            return this;
        }

        /**
         * Sets a detail that is not a value: a key id, an algorithm, a count.
         *
         * @param detail the detail
         * @return this builder
         */
        public Builder detail(@Nullable String detail) {
            this.detail = detail;
            return this;
        }

        /**
         * Builds the event.
         *
         * @return the event
         */
        public AuditEvent build() {
            return new AuditEvent(this);
        }
    }
}
