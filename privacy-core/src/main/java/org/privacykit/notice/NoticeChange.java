package org.privacykit.notice;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One change between two versions of a {@link PrivacyNotice}.
 *
 * @param kind what changed
 * @param subject what it changed on: a field ({@code Customer.email}), a purpose, or the notice
 * @param before the value before, or {@code null} for an addition
 * @param after the value after, or {@code null} for a removal
 */
public record NoticeChange(Kind kind, String subject, @Nullable String before, @Nullable String after) {
    /** What changed. */
    public enum Kind {
        /** A field now listed that was not. */
        DATA_ADDED("Data added"),
        /** A field no longer listed. */
        DATA_REMOVED("Data removed"),
        /** A field is now processed for a purpose it was not. */
        PURPOSE_ADDED("Purpose added"),
        /** A field is no longer processed for a purpose. */
        PURPOSE_REMOVED("Purpose removed"),
        /** A field's legal basis changed. */
        LEGAL_BASIS_CHANGED("Legal basis changed"),
        /** A field is kept longer than before (or with no limit now). */
        RETENTION_LONGER("Kept longer"),
        /** A field is kept for less time than before. */
        RETENTION_SHORTER("Kept shorter"),
        /** A field's type or category changed. */
        CATEGORY_CHANGED("Category changed"),
        /** A purpose's description changed. */
        PURPOSE_DESCRIPTION_CHANGED("Purpose description changed"),
        /** A category of recipients was added. */
        RECIPIENT_ADDED("Recipient added"),
        /** A category of recipients was removed. */
        RECIPIENT_REMOVED("Recipient removed"),
        /** A source of data was added. */
        SOURCE_ADDED("Source added"),
        /** A source of data was removed. */
        SOURCE_REMOVED("Source removed"),
        /** The controller, its contact, the data protection officer or the supervisory authority changed. */
        CONTACT_CHANGED("Contact changed");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        /**
         * Returns the heading the diff shows the kind under.
         *
         * @return such as "Purpose added"
         */
        public String title() {
            return title;
        }

        /**
         * Tells whether the change widens processing (more data, more purposes, longer retention, a new
         * recipient, a new basis or category), which a reviewer must weigh and subjects must be told of
         * before it takes effect.
         *
         * @return {@code true} for a widening change
         */
        public boolean widens() {
            return switch (this) {
                case DATA_ADDED, PURPOSE_ADDED, LEGAL_BASIS_CHANGED, RETENTION_LONGER, CATEGORY_CHANGED,
                        RECIPIENT_ADDED, SOURCE_ADDED -> true;
                default -> false;
            };
        }
    }

    /** Checks the components. */
    public NoticeChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
    }
}
