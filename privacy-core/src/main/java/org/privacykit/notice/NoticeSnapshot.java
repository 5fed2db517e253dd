package org.privacykit.notice;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.DataCategory;
import org.privacykit.annotation.LegalBasis;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.metadata.RetentionPeriod;

/**
 * The snapshot form of a {@link PrivacyNotice}: a header line, then one tab-separated line per fact,
 * in a fixed order ({@code controller}, {@code dpo}, {@code version}, {@code effective},
 * {@code authority}, {@code purpose}, {@code recipient}, {@code source}, then {@code item} lines
 * sorted by class and path). A backslash, tab, line feed or carriage return inside a text is written
 * {@code \\}, {@code \t}, {@code \n}, {@code \r}. An item line is
 * {@code item <class> <path> <type> <category> <legal basis or -> <retention or -> <subject role> <purpose>...}.
 */
final class NoticeSnapshot {
    static final String HEADER = "privacy-notice-snapshot\t1";
    private static final String NONE = "-";
    /** The fields of an item line before its purposes. */
    private static final int ITEM_FIELDS = 8;
    /** A notice far beyond any real code base's declarations; a larger text is refused before it is split. */
    static final int MAX_CHARS = 16 << 20;

    private NoticeSnapshot() {
    }

    static String write(PrivacyNotice notice) {
        StringBuilder out = new StringBuilder(256 + 120 * notice.items().size()).append(HEADER).append('\n');
        line(out, "controller", notice.controller(), notice.contact());
        notice.dataProtectionOfficer().ifPresent(dpo -> line(out, "dpo", dpo));
        notice.version().ifPresent(v -> line(out, "version", v));
        notice.effective().ifPresent(d -> line(out, "effective", d.toString()));
        notice.supervisoryAuthority().ifPresent(a -> line(out, "authority", a));
        notice.purposeDescriptions().forEach((purpose, description) -> line(out, "purpose", purpose, description));
        notice.recipients().forEach(r -> line(out, "recipient", r));
        notice.sources().forEach(s -> line(out, "source", s));
        for (NoticeItem item : notice.items()) {
            List<String> fields = new ArrayList<>(List.of("item", item.className(), item.path(), item.type().name(),
                    item.category().name(), item.legalBasis() == null ? NONE : item.legalBasis().name(),
                    item.retention() == null ? NONE : item.retention(), item.subjectRole()));
            fields.addAll(item.purposes());
            line(out, fields.toArray(String[]::new));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            String f = fields[i];
            for (int j = 0; j < f.length(); j++) {
                char c = f.charAt(j);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c);
                }
            }
        }
        out.append('\n');
    }

    static PrivacyNotice read(String snapshot) {
        if (snapshot.length() > MAX_CHARS) {
            throw new IllegalArgumentException("notice snapshot: longer than " + MAX_CHARS + " characters");
        }
        String[] lines = snapshot.split("\r?\n", -1);
        if (!lines[0].equals(HEADER)) {
            throw new IllegalArgumentException("notice snapshot line 1: expected the header '" + HEADER.replace('\t', ' ')
                    + "' (a snapshot of another format version, or not a notice snapshot)");
        }
        List<String[]> facts = new ArrayList<>();
        for (int n = 1; n < lines.length; n++) {
            if (lines[n].isEmpty()) {
                if (n == lines.length - 1) {
                    break;
                }
                throw error(n, "is empty");
            }
            String[] raw = lines[n].split("\t", -1);
            String[] fields = new String[raw.length];
            for (int i = 0; i < raw.length; i++) {
                fields[i] = unescape(raw[i], n);
            }
            facts.add(fields);
        }
        List<NoticeItem> items = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            String[] f = facts.get(i);
            if (f[0].equals("item")) {
                items.add(item(f, i + 1));
            }
        }
        PrivacyNotice.Builder builder = PrivacyNotice.builder(items);
        for (int i = 0; i < facts.size(); i++) {
            String[] f = facts.get(i);
            int n = i + 1; // the header is line 0
            try {
                switch (f[0]) {
                    case "controller" -> builder.controller(field(f, 1, 3, n), field(f, 2, 3, n));
                    case "dpo" -> builder.dataProtectionOfficer(field(f, 1, 2, n));
                    case "version" -> builder.version(field(f, 1, 2, n));
                    case "effective" -> builder.effective(LocalDate.parse(field(f, 1, 2, n)));
                    case "authority" -> builder.supervisoryAuthority(field(f, 1, 2, n));
                    case "purpose" -> builder.purpose(field(f, 1, 3, n), field(f, 2, 3, n));
                    case "recipient" -> builder.recipient(field(f, 1, 2, n));
                    case "source" -> builder.source(field(f, 1, 2, n));
                    case "item" -> { }
                    default -> throw error(n, "has an unknown kind of fact");
                }
            } catch (DateTimeParseException e) {
                throw error(n, "has an effective date that is not an ISO date (yyyy-mm-dd)");
            } catch (IllegalArgumentException | IllegalStateException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("notice snapshot")) {
                    throw e;
                }
                throw error(n, e.getMessage());
            }
        }
        try {
            return builder.build();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("notice snapshot: has no controller line", e);
        }
    }

    private static NoticeItem item(String[] f, int n) {
        if (f.length < ITEM_FIELDS) {
            throw error(n, "is an item with " + f.length + " fields, at least " + ITEM_FIELDS + " expected");
        }
        PersonalDataType type = constant(PersonalDataType.class, f[3], n, "personal data type");
        DataCategory category = constant(DataCategory.class, f[4], n, "category");
        LegalBasis basis = f[5].equals(NONE) ? null : constant(LegalBasis.class, f[5], n, "legal basis");
        String retention = f[6].equals(NONE) ? null : retention(f[6], n);
        try {
            return new NoticeItem(f[1], f[2], type, category, Arrays.asList(f).subList(ITEM_FIELDS, f.length), basis,
                    retention, f[7]);
        } catch (IllegalArgumentException e) {
            throw error(n, e.getMessage());
        }
    }

    private static String retention(String iso, int n) {
        try {
            return RetentionPeriod.parse(iso).iso();
        } catch (IllegalArgumentException e) {
            throw error(n, "has a retention that is not a positive ISO-8601 duration");
        }
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name, int n, String what) {
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(n, "has an unknown " + what);
        }
    }

    private static String field(String[] f, int index, int count, int n) {
        if (f.length != count) {
            throw error(n, "has " + f.length + " fields, " + count + " expected");
        }
        return f[index];
    }

    private static String unescape(String field, int n) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == field.length()) {
                throw error(n, "ends a field with a lone backslash");
            }
            out.append(switch (field.charAt(i)) {
                case '\\' -> '\\';
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> throw error(n, "has an unknown escape \\" + field.charAt(i));
            });
        }
        return out.toString();
    }

    private static IllegalArgumentException error(int zeroBasedLine, @Nullable String reason) {
        return new IllegalArgumentException("notice snapshot line " + (zeroBasedLine + 1) + ": " + reason);
    }
}
