package org.privacykit.notice;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.LegalBasis;

/**
 * What changed between two versions of a {@link PrivacyNotice}: data added or removed, purposes added
 * to or removed from a field, legal bases, retention, categories, purpose descriptions, recipients,
 * sources and contacts. {@link #toMarkdown()} is meant for a pull request or a review: a change that
 * widens processing is marked, and a new purpose of data held on consent says that consent must be
 * asked for again. Immutable.
 *
 * <pre>{@code
 * NoticeDiff diff = NoticeDiff.between(PrivacyNotice.readSnapshot(Files.readString(committed)), current);
 * if (diff.widensProcessing()) {
 *     Files.writeString(reviewFile, diff.toMarkdown()); // attached to the pull request
 * }
 * }</pre>
 */
public final class NoticeDiff {
    private final @Nullable String fromVersion;
    private final @Nullable String toVersion;
    private final List<NoticeChange> changes;
    private final Set<String> needConsent;

    private NoticeDiff(PrivacyNotice older, PrivacyNotice newer, List<NoticeChange> changes, Set<String> needConsent) {
        this.fromVersion = older.version().orElse(null);
        this.toVersion = newer.version().orElse(null);
        this.changes = List.copyOf(changes);
        this.needConsent = Set.copyOf(needConsent);
    }

    /**
     * Compares two versions of a notice.
     *
     * @param older the published version
     * @param newer the version about to replace it
     * @return the changes, field by field in class and path order
     */
    public static NoticeDiff between(PrivacyNotice older, PrivacyNotice newer) {
        Objects.requireNonNull(older, "older");
        Objects.requireNonNull(newer, "newer");
        List<NoticeChange> changes = new ArrayList<>();
        Set<String> needConsent = new LinkedHashSet<>();
        contact(changes, "controller", older.controller(), newer.controller());
        contact(changes, "contact", older.contact(), newer.contact());
        contact(changes, "data protection officer", older.dataProtectionOfficer().orElse(null),
                newer.dataProtectionOfficer().orElse(null));
        contact(changes, "supervisory authority", older.supervisoryAuthority().orElse(null),
                newer.supervisoryAuthority().orElse(null));

        Map<String, NoticeItem> before = byKey(older.items());
        Map<String, NoticeItem> after = byKey(newer.items());
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : new java.util.TreeSet<>(keys)) {
            NoticeItem was = before.get(key);
            NoticeItem is = after.get(key);
            if (was == null && is != null) {
                changes.add(new NoticeChange(NoticeChange.Kind.DATA_ADDED, is.field(), null, summary(is)));
                if (is.legalBasis() == LegalBasis.CONSENT) {
                    needConsent.add(is.field());
                }
            } else if (was != null && is == null) {
                changes.add(new NoticeChange(NoticeChange.Kind.DATA_REMOVED, was.field(), summary(was), null));
            } else if (was != null && is != null) {
                item(changes, needConsent, was, is);
            }
        }

        Set<String> purposes = new java.util.TreeSet<>(older.purposeDescriptions().keySet());
        purposes.addAll(newer.purposeDescriptions().keySet());
        for (String purpose : purposes) {
            String was = older.describe(purpose).orElse(null);
            String is = newer.describe(purpose).orElse(null);
            if (!Objects.equals(was, is)) {
                changes.add(new NoticeChange(NoticeChange.Kind.PURPOSE_DESCRIPTION_CHANGED, purpose, was, is));
            }
        }
        lists(changes, older.recipients(), newer.recipients(), NoticeChange.Kind.RECIPIENT_ADDED,
                NoticeChange.Kind.RECIPIENT_REMOVED);
        lists(changes, older.sources(), newer.sources(), NoticeChange.Kind.SOURCE_ADDED, NoticeChange.Kind.SOURCE_REMOVED);
        return new NoticeDiff(older, newer, changes, needConsent);
    }

    private static void item(List<NoticeChange> changes, Set<String> needConsent, NoticeItem was, NoticeItem is) {
        String field = is.field();
        if (was.type() != is.type() || was.category() != is.category()) {
            changes.add(new NoticeChange(NoticeChange.Kind.CATEGORY_CHANGED, field,
                    was.type() + " (" + was.category().label() + ")", is.type() + " (" + is.category().label() + ")"));
        }
        for (String purpose : is.purposes()) {
            if (!was.purposes().contains(purpose)) {
                changes.add(new NoticeChange(NoticeChange.Kind.PURPOSE_ADDED, field, null, purpose));
                if (is.legalBasis() == LegalBasis.CONSENT) {
                    needConsent.add(field);
                }
            }
        }
        for (String purpose : was.purposes()) {
            if (!is.purposes().contains(purpose)) {
                changes.add(new NoticeChange(NoticeChange.Kind.PURPOSE_REMOVED, field, purpose, null));
            }
        }
        if (was.legalBasis() != is.legalBasis()) {
            changes.add(new NoticeChange(NoticeChange.Kind.LEGAL_BASIS_CHANGED, field,
                    name(was.legalBasis()), name(is.legalBasis())));
            if (is.legalBasis() == LegalBasis.CONSENT) {
                needConsent.add(field);
            }
        }
        if (!Objects.equals(was.retention(), is.retention())) {
            boolean longer = NoticeText.approximateDays(is.retention()) > NoticeText.approximateDays(was.retention());
            changes.add(new NoticeChange(longer ? NoticeChange.Kind.RETENTION_LONGER : NoticeChange.Kind.RETENTION_SHORTER,
                    field, orNone(was.retention()), orNone(is.retention())));
        }
    }

    private static Map<String, NoticeItem> byKey(List<NoticeItem> items) {
        Map<String, NoticeItem> out = new TreeMap<>();
        items.forEach(item -> out.put(item.key(), item));
        return out;
    }

    private static void contact(List<NoticeChange> changes, String what, @Nullable String was, @Nullable String is) {
        if (!Objects.equals(was, is)) {
            changes.add(new NoticeChange(NoticeChange.Kind.CONTACT_CHANGED, what, was, is));
        }
    }

    private static void lists(List<NoticeChange> changes, List<String> was, List<String> is, NoticeChange.Kind added,
                              NoticeChange.Kind removed) {
        is.stream().filter(r -> !was.contains(r)).forEach(r -> changes.add(new NoticeChange(added, r, null, r)));
        was.stream().filter(r -> !is.contains(r)).forEach(r -> changes.add(new NoticeChange(removed, r, r, null)));
    }

    private static String summary(NoticeItem item) {
        return item.type() + ", " + (item.purposes().isEmpty() ? "no purpose" : String.join(", ", item.purposes()))
                + ", " + name(item.legalBasis()) + ", " + orNone(item.retention());
    }

    private static String name(@Nullable LegalBasis basis) {
        return basis == null ? "no legal basis" : basis.name();
    }

    private static String orNone(@Nullable String retention) {
        return retention == null ? "no retention limit" : retention;
    }

    /**
     * Returns every change, in a stable order: contacts, then field by field, then purposes, recipients and sources.
     *
     * @return an unmodifiable list
     */
    public List<NoticeChange> changes() {
        return changes;
    }

    /**
     * Tells whether the two versions say the same.
     *
     * @return {@code true} when nothing changed
     */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * Tells whether a change widens processing ({@link NoticeChange.Kind#widens()}).
     *
     * @return {@code true} when the new version processes more than the old one said
     */
    public boolean widensProcessing() {
        return changes.stream().anyMatch(c -> c.kind().widens());
    }

    /**
     * Returns the fields held on consent whose processing the new version widens (a new purpose, a
     * new field, a change to consent): consent given under the old notice does not cover it, so it
     * must be asked for again.
     *
     * @return the fields, such as {@code Customer.email}; an unmodifiable set
     */
    public Set<String> fieldsNeedingFreshConsent() {
        return needConsent;
    }

    /**
     * Renders the changes as Markdown for a review: one section per kind, widening changes marked.
     *
     * @return the Markdown text
     */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder(256 + 80 * changes.size());
        out.append("# Privacy notice changes");
        if (fromVersion != null || toVersion != null) {
            out.append(": ").append(NoticeMarkdown.md(fromVersion == null ? "unversioned" : fromVersion)).append(" to ")
                    .append(NoticeMarkdown.md(toVersion == null ? "unversioned" : toVersion));
        }
        out.append("\n\n");
        if (changes.isEmpty()) {
            return out.append("No change.\n").toString();
        }
        long widening = changes.stream().filter(c -> c.kind().widens()).count();
        out.append(changes.size()).append(" change").append(changes.size() == 1 ? "" : "s").append(", ")
                .append(widening).append(" widening processing (marked **widens**).\n");
        if (!needConsent.isEmpty()) {
            out.append("\nConsent must be asked for again for: ")
                    .append(String.join(", ", needConsent.stream().map(f -> "`" + f.replace('`', '\'') + "`").toList()))
                    .append(".\n");
        }
        for (NoticeChange.Kind kind : NoticeChange.Kind.values()) {
            List<NoticeChange> ofKind = changes.stream().filter(c -> c.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            out.append("\n## ").append(kind.title()).append(kind.widens() ? " (**widens**)" : "").append("\n\n");
            for (NoticeChange c : ofKind) {
                out.append("- ").append(NoticeMarkdown.md(c.subject()));
                if (c.before() != null && c.after() != null) {
                    out.append(": ").append(NoticeMarkdown.md(c.before())).append(" -> ").append(NoticeMarkdown.md(c.after()));
                } else if (c.after() != null && !c.after().equals(c.subject())) {
                    out.append(": ").append(NoticeMarkdown.md(c.after()));
                } else if (c.before() != null && !c.before().equals(c.subject())) {
                    out.append(": was ").append(NoticeMarkdown.md(c.before()));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "NoticeDiff[" + changes.size() + " changes" + (widensProcessing() ? ", widens processing" : "") + "]";
    }
}
