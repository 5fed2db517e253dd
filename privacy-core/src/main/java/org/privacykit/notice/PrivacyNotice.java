package org.privacykit.notice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.LegalBasis;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.inventory.DataInventory;
import org.privacykit.inventory.InventoryEntry;

/**
 * The privacy notice a product owner publishes (GDPR Art. 13, and Art. 14 when data comes from
 * elsewhere), generated from the declarations of a {@link DataInventory}: what is collected, for
 * which purposes, on which legal basis, for how long, which data is of a special category, and the
 * subject's rights. What the code cannot know (who the controller is, what a purpose means to a
 * reader, who receives the data) is given to the builder. Immutable.
 *
 * <pre>{@code
 * PrivacyNotice notice = PrivacyNotice.builder(DataInventory.scanPackage("com.example.shop"))
 *         .controller("Example Shop Ltd", "privacy@shop.example")
 *         .version("2026-12")
 *         .purpose("billing", "To charge you for your orders and keep the invoices the law requires.")
 *         .build();
 * Files.writeString(Path.of("notice.html"), notice.toHtml());
 * NoticeDiff changes = NoticeDiff.between(PrivacyNotice.readSnapshot(previous), notice);
 * }</pre>
 *
 * <p>Only personal data is listed: a secret marked only {@code @Sensitive} (a password hash, a token)
 * is not information the subject is told about. {@link #gaps()} lists what the declarations lack
 * for a complete notice (a field without purpose, legal basis or retention, a purpose without a
 * description).
 */
public final class PrivacyNotice {
    private final String controller;
    private final String contact;
    private final @Nullable String dataProtectionOfficer;
    private final @Nullable String version;
    private final @Nullable LocalDate effective;
    private final @Nullable String supervisoryAuthority;
    private final Map<String, String> purposeDescriptions;
    private final List<String> recipients;
    private final List<String> sources;
    private final List<NoticeItem> items;

    private PrivacyNotice(Builder b, List<NoticeItem> items) {
        this.controller = Objects.requireNonNull(b.controller);
        this.contact = Objects.requireNonNull(b.contact);
        this.dataProtectionOfficer = b.dataProtectionOfficer;
        this.version = b.version;
        this.effective = b.effective;
        this.supervisoryAuthority = b.supervisoryAuthority;
        this.purposeDescriptions = Collections.unmodifiableMap(new TreeMap<>(b.purposeDescriptions));
        this.recipients = List.copyOf(b.recipients);
        this.sources = List.copyOf(b.sources);
        this.items = items.stream()
                .sorted((a, c) -> a.key().compareTo(c.key()))
                .toList();
    }

    /**
     * Starts a notice over the personal data an inventory declares.
     *
     * @param inventory the inventory of the code's declarations
     * @return a builder
     */
    public static Builder builder(DataInventory inventory) {
        List<NoticeItem> items = new ArrayList<>();
        for (InventoryEntry e : Objects.requireNonNull(inventory, "inventory").entries()) {
            Optional<PersonalDataType> type = e.type();
            if (type.isPresent()) {
                items.add(new NoticeItem(e.rootClass().getName(), e.path(), type.get(), e.category(), e.purposes(),
                        e.legalBasis().orElse(null), e.retention().map(r -> r.iso()).orElse(null), e.subjectRole()));
            }
        }
        return new Builder(items);
    }

    /**
     * Starts a notice over items read elsewhere (a snapshot); {@link #builder(DataInventory)} is the usual start.
     *
     * @param items the items
     * @return a builder
     */
    public static Builder builder(List<NoticeItem> items) {
        return new Builder(List.copyOf(items));
    }

    /**
     * Reads a notice back from {@link #toSnapshot()}, to compare it with a newer one.
     *
     * @param snapshot the snapshot text
     * @return the notice
     * @throws IllegalArgumentException when the text is not a notice snapshot; the message names the line
     */
    public static PrivacyNotice readSnapshot(String snapshot) {
        return NoticeSnapshot.read(snapshot);
    }

    /**
     * Returns the controller's name (Art. 13(1)(a)).
     *
     * @return the name
     */
    public String controller() {
        return controller;
    }

    /**
     * Returns how to contact the controller about personal data.
     *
     * @return the contact
     */
    public String contact() {
        return contact;
    }

    /**
     * Returns how to contact the data protection officer (Art. 13(1)(b)).
     *
     * @return the contact, or empty when none was given
     */
    public Optional<String> dataProtectionOfficer() {
        return Optional.ofNullable(dataProtectionOfficer);
    }

    /**
     * Returns the notice's version label.
     *
     * @return the version, or empty
     */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    /**
     * Returns the date from which the notice applies.
     *
     * @return the date, or empty
     */
    public Optional<LocalDate> effective() {
        return Optional.ofNullable(effective);
    }

    /**
     * Returns the supervisory authority named in the right to complain (Art. 13(2)(d)).
     *
     * @return the authority, or empty
     */
    public Optional<String> supervisoryAuthority() {
        return Optional.ofNullable(supervisoryAuthority);
    }

    /**
     * Returns the personal data the notice lists, sorted by class and path.
     *
     * @return an unmodifiable list
     */
    public List<NoticeItem> items() {
        return items;
    }

    /**
     * Returns every purpose of the listed data, sorted.
     *
     * @return an unmodifiable set
     */
    public Set<String> purposes() {
        Set<String> purposes = new TreeSet<>();
        items.forEach(item -> purposes.addAll(item.purposes()));
        return Collections.unmodifiableSet(purposes);
    }

    /**
     * Returns what a purpose means to a reader, as given to the builder.
     *
     * @param purpose the purpose, as the fields declare it
     * @return the description, or empty when none was given
     */
    public Optional<String> describe(String purpose) {
        return Optional.ofNullable(purposeDescriptions.get(purpose));
    }

    /** The purpose descriptions, sorted by purpose. */
    Map<String, String> purposeDescriptions() {
        return purposeDescriptions;
    }

    /**
     * Returns the categories of recipients (Art. 13(1)(e)).
     *
     * @return an unmodifiable list, possibly empty
     */
    public List<String> recipients() {
        return recipients;
    }

    /**
     * Returns where data not obtained from the subject comes from (Art. 14(2)(f)).
     *
     * @return an unmodifiable list, empty when all data comes from the subject
     */
    public List<String> sources() {
        return sources;
    }

    /**
     * Returns the special-category (Art. 9) and criminal (Art. 10) data the notice lists.
     *
     * @return an unmodifiable list
     */
    public List<NoticeItem> specialCategories() {
        return items.stream().filter(NoticeItem::isSpecialOrCriminal).toList();
    }

    /**
     * Returns the legal bases the listed data rests on, per purpose.
     *
     * @return purpose to bases (an empty set when no field of the purpose declares one), sorted by purpose
     */
    public Map<String, Set<LegalBasis>> basesByPurpose() {
        Map<String, Set<LegalBasis>> out = new TreeMap<>();
        for (NoticeItem item : items) {
            for (String purpose : item.purposes()) {
                Set<LegalBasis> bases = out.computeIfAbsent(purpose, p -> new TreeSet<>());
                if (item.legalBasis() != null) {
                    bases.add(item.legalBasis());
                }
            }
        }
        out.replaceAll((p, bases) -> Collections.unmodifiableSet(bases));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Returns what the declarations lack for a complete notice, one sentence each: data without a
     * purpose, a legal basis or a retention period, purposes without a description, special-category
     * data that does not rest on consent (Art. 9(2) then needs another condition, to be stated).
     *
     * @return an unmodifiable list, empty when nothing is missing
     */
    public List<String> gaps() {
        Set<String> gaps = new LinkedHashSet<>();
        for (NoticeItem item : items) {
            if (item.purposes().isEmpty()) {
                gaps.add(item.field() + " declares no purpose");
            }
            if (item.legalBasis() == null) {
                gaps.add(item.field() + " declares no legal basis");
            }
            if (item.retention() == null) {
                gaps.add(item.field() + " declares no retention period");
            }
            if (item.isSpecialOrCriminal() && item.legalBasis() != LegalBasis.CONSENT) {
                gaps.add(item.field() + " is " + item.category().label() + " (" + item.category().gdprArticle()
                        + ") without consent: state the condition of Art. 9(2) or Art. 10 it rests on");
            }
        }
        for (String purpose : purposes()) {
            if (!purposeDescriptions.containsKey(purpose)) {
                gaps.add("purpose '" + purpose + "' has no description");
            }
        }
        return List.copyOf(gaps);
    }

    /**
     * Renders the notice as Markdown.
     *
     * @return the Markdown text
     */
    public String toMarkdown() {
        return NoticeMarkdown.render(this);
    }

    /**
     * Renders the notice as one self-contained HTML page: no script, no external resource, every
     * declared text escaped.
     *
     * @return the HTML document
     */
    public String toHtml() {
        return NoticeHtml.render(this);
    }

    /**
     * Writes the notice as a snapshot, one line per fact, sorted: committed beside the code, its
     * line diff shows a change of the notice in review, and {@link #readSnapshot(String)} reads it
     * back for {@link NoticeDiff}.
     *
     * @return the snapshot text
     */
    public String toSnapshot() {
        return NoticeSnapshot.write(this);
    }

    /**
     * Compares this notice, as the older version, with a newer one.
     *
     * @param newer the newer notice
     * @return the changes
     */
    public NoticeDiff diff(PrivacyNotice newer) {
        return NoticeDiff.between(this, newer);
    }

    @Override
    public String toString() {
        return "PrivacyNotice[" + (version == null ? "unversioned" : version) + ", " + items.size() + " items, "
                + purposes().size() + " purposes]";
    }

    /** Builds a {@link PrivacyNotice}: the controller is required, the rest is optional. */
    public static final class Builder {
        private final List<NoticeItem> items;
        private @Nullable String controller;
        private @Nullable String contact;
        private @Nullable String dataProtectionOfficer;
        private @Nullable String version;
        private @Nullable LocalDate effective;
        private @Nullable String supervisoryAuthority;
        private final Map<String, String> purposeDescriptions = new LinkedHashMap<>();
        private final List<String> recipients = new ArrayList<>();
        private final List<String> sources = new ArrayList<>();

        private Builder(List<NoticeItem> items) {
            this.items = items;
        }

        /**
         * Names the controller and how to reach them about personal data (Art. 13(1)(a)).
         *
         * @param name the controller's name
         * @param contact an address, e-mail address or web form
         * @return this builder
         */
        public Builder controller(String name, String contact) {
            this.controller = text(name, "controller name");
            this.contact = text(contact, "controller contact");
            return this;
        }

        /**
         * Gives the data protection officer's contact (Art. 13(1)(b)).
         *
         * @param contact the contact
         * @return this builder
         */
        public Builder dataProtectionOfficer(String contact) {
            this.dataProtectionOfficer = text(contact, "data protection officer");
            return this;
        }

        /**
         * Labels the notice's version.
         *
         * @param version such as {@code "2026-12"} or {@code "v3"}
         * @return this builder
         */
        public Builder version(String version) {
            this.version = text(version, "version");
            return this;
        }

        /**
         * Sets the date from which the notice applies.
         *
         * @param date the date
         * @return this builder
         */
        public Builder effective(LocalDate date) {
            this.effective = Objects.requireNonNull(date, "date");
            return this;
        }

        /**
         * Names the supervisory authority the subject may complain to (Art. 13(2)(d)).
         *
         * @param authority such as {@code "the Information Commissioner's Office (ico.org.uk)"}
         * @return this builder
         */
        public Builder supervisoryAuthority(String authority) {
            this.supervisoryAuthority = text(authority, "supervisory authority");
            return this;
        }

        /**
         * Says what a purpose means to a reader (and, for legitimate interests, which interest it serves).
         *
         * @param purpose the purpose as fields declare it
         * @param description the sentence the notice shows
         * @return this builder
         * @throws IllegalStateException when the purpose was already described
         */
        public Builder purpose(String purpose, String description) {
            String key = text(purpose, "purpose");
            if (purposeDescriptions.putIfAbsent(key, text(description, "description of purpose " + key)) != null) {
                throw new IllegalStateException("purpose '" + key + "' was already described");
            }
            return this;
        }

        /**
         * Adds a category of recipients (Art. 13(1)(e)).
         *
         * @param recipient such as {@code "payment processors"}
         * @return this builder
         */
        public Builder recipient(String recipient) {
            recipients.add(text(recipient, "recipient"));
            return this;
        }

        /**
         * Adds a source of data not obtained from the subject (Art. 14(2)(f)).
         *
         * @param source such as {@code "credit reference agencies"}
         * @return this builder
         */
        public Builder source(String source) {
            sources.add(text(source, "source"));
            return this;
        }

        /**
         * Builds the notice.
         *
         * @return the notice
         * @throws IllegalStateException when the controller was not named
         */
        public PrivacyNotice build() {
            if (controller == null) {
                throw new IllegalStateException("a privacy notice names its controller (Art. 13(1)(a)): call controller(name, contact)");
            }
            return new PrivacyNotice(this, items);
        }

        private static String text(String value, String what) {
            Objects.requireNonNull(value, what);
            String trimmed = value.strip();
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException(what + " is blank");
            }
            return trimmed;
        }
    }
}
