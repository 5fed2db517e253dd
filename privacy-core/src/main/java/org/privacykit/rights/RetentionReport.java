package org.privacykit.rights;


import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.internal.JsonWriter;

/**
 * What retention did and will do: the fields past their retention (affected now), and those whose
 * retention ends within the horizon (affected next). Holds paths, types and dates, never a value.
 * Immutable.
 */
public final class RetentionReport {
    private final Instant now;
    private final Instant horizon;
    private final RetentionAction action;
    private final boolean applied;
    private final List<Item> expired;
    private final List<Item> upcoming;

    RetentionReport(Instant now, Instant horizon, RetentionAction action, boolean applied, List<Item> expired,
                    List<Item> upcoming) {
        this.now = now;
        this.horizon = horizon;
        this.action = action;
        this.applied = applied;
        this.expired = List.copyOf(expired);
        this.upcoming = List.copyOf(upcoming);
    }

    /**
     * Returns the time retention was judged at.
     *
     * @return the time
     */
    public Instant now() {
        return now;
    }

    /**
     * Returns the end of the look-ahead window for {@link #upcoming()}.
     *
     * @return the horizon
     */
    public Instant horizon() {
        return horizon;
    }

    /**
     * Returns what is done with expired fields.
     *
     * @return the action
     */
    public RetentionAction action() {
        return action;
    }

    /**
     * Tells whether the action was applied ({@link RetentionEnforcer#apply}) or only previewed.
     *
     * @return {@code true} when applied
     */
    public boolean applied() {
        return applied;
    }

    /**
     * Returns the fields past their retention: anonymized or dropped when applied.
     *
     * @return an unmodifiable list
     */
    public List<Item> expired() {
        return expired;
    }

    /**
     * Returns the fields whose retention ends before the horizon, soonest first.
     *
     * @return an unmodifiable list
     */
    public List<Item> upcoming() {
        return upcoming;
    }

    /**
     * Returns the report as JSON, with every item's path, type, retention, subject, collection and expiry
     * time.
     *
     * @return the JSON document
     */
    public String toJson() {
        JsonWriter json = new JsonWriter().beginObject()
                .name("now").value(now.toString())
                .name("horizon").value(horizon.toString())
                .name("action").value(action.name())
                .name("applied").any(applied);
        items(json.name("expired"), expired);
        items(json.name("upcoming"), upcoming);
        return json.endObject().toString();
    }

    private static void items(JsonWriter json, List<Item> items) {
        json.beginArray();
        for (Item i : items) {
            json.beginObject().name("path").value(i.path).name("type").value(i.type == null ? null : i.type.name())
                    .name("retention").value(i.retention).name("subjectId").value(i.subjectId)
                    .name("collectedAt").value(i.collectedAt.toString()).name("expiresAt").value(i.expiresAt.toString())
                    .endObject();
        }
        json.endArray();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("RetentionReport[").append(applied ? "applied" : "preview").append(" at ")
                .append(now).append(": ").append(expired.size()).append(" expired fields ")
                .append(action == RetentionAction.DROP ? "dropped" : "anonymized").append(", ")
                .append(upcoming.size()).append(" expiring by ").append(horizon).append(']');
        for (Item i : expired) {
            out.append("\n  expired  ").append(i);
        }
        for (Item i : upcoming) {
            out.append("\n  upcoming ").append(i);
        }
        return out.toString();
    }

    /** One field of one object, with its retention dates. */
    public static final class Item {
        private final String path;
        private final @Nullable PersonalDataType type;
        private final String retention;
        private final String subjectId;
        private final Instant collectedAt;
        private final Instant expiresAt;

        Item(String path, @Nullable PersonalDataType type, String retention, String subjectId, Instant collectedAt,
             Instant expiresAt) {
            this.path = path;
            this.type = type;
            this.retention = retention;
            this.subjectId = subjectId;
            this.collectedAt = collectedAt;
            this.expiresAt = expiresAt;
        }

        /**
         * Returns where the field is: the object's index in the input, its class and the path.
         *
         * @return the path, such as {@code [0]Customer.cardNumber}
         */
        public String path() {
            return path;
        }

        /**
         * Returns the field's personal data type.
         *
         * @return the type
         */
        public @Nullable PersonalDataType type() {
            return type;
        }

        /**
         * Returns the declared retention.
         *
         * @return the ISO-8601 duration, such as {@code P13M}
         */
        public String retention() {
            return retention;
        }

        /**
         * Returns the data subject of the value.
         *
         * @return the subject id, or {@code null}
         */
        public String subjectId() {
            return subjectId;
        }

        /**
         * Returns when the data was collected.
         *
         * @return the time
         */
        public Instant collectedAt() {
            return collectedAt;
        }

        /**
         * Returns when the retention ends.
         *
         * @return the time
         */
        public Instant expiresAt() {
            return expiresAt;
        }

        /** Shows path, type, retention and expiry; never the subject id. */
        @Override
        public String toString() {
            return path + " (" + type + ", " + retention + ") expires " + expiresAt;
        }
    }
}
