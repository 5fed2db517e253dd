package org.privacykit.dataset.risk;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.dataset.AnonymizedDataset;
import org.privacykit.dataset.ColumnRole;
import org.privacykit.dataset.Dataset;
import org.privacykit.dataset.hierarchy.Generalized;

/**
 * Checks a dataset, or a release of it, against the HIPAA Safe Harbor method: which of the eighteen
 * identifiers its columns hold (from their declared personal data types and roles, from date values,
 * and from columns named {@code age}) and whether the release removes them or keeps only what the
 * rule allows: the year of a date, the first three digits of a ZIP code outside the seventeen
 * three-digit areas of fewer than 20,000 people, and ages over 89 only as one "90 or older" group.
 *
 * <pre>{@code
 * SafeHarbor.check(dataset).findings();               // what the table holds, and what a release would do
 * SafeHarbor.check(dataset, release).assertCompliant();   // what the release publishes
 * }</pre>
 *
 * The check reads declarations and published cells; it does not scan free text for identifiers (use
 * the PII detector for that), and Safe Harbor also requires that the publisher has no actual knowledge
 * that the rest could identify someone, which no code can check.
 */
public final class SafeHarbor {
    /** The three-digit ZIP areas of 20,000 people or fewer (2000 census), which must become 000. */
    static final Set<String> RESTRICTED_ZIP3 = Set.of("036", "059", "063", "102", "203", "556", "692", "790", "821",
            "823", "830", "831", "878", "879", "884", "890", "893");
    /** The highest age that may be released as it is. */
    static final int HIGHEST_AGE = 89;
    /** ZIP digits that may be released. */
    static final int ZIP_DIGITS = 3;

    private SafeHarbor() {
    }

    /**
     * Lists the identifiers a table holds and what a release of it does with each by its role:
     * identifiers are removed; quasi-identifiers are generalized (allowed when the column has a
     * hierarchy, whose levels the release check judges); other columns are released as they are.
     *
     * @param data the table
     * @return the report
     */
    public static SafeHarborReport check(Dataset data) {
        List<SafeHarborReport.Finding> findings = new ArrayList<>();
        for (String column : data.columns()) {
            SafeHarborIdentifier identifier = identifier(data, column);
            if (identifier == null) {
                continue;
            }
            ColumnRole role = data.role(column);
            if (role == ColumnRole.IDENTIFIER) {
                findings.add(new SafeHarborReport.Finding(column, identifier, SafeHarborReport.Verdict.REMOVED, 0,
                        "an identifier column, left out of releases"));
            } else if (role == ColumnRole.QUASI_IDENTIFIER && allowedAsGeneralized(identifier)) {
                findings.add(new SafeHarborReport.Finding(column, identifier, SafeHarborReport.Verdict.ALLOWED, 0,
                        "a quasi-identifier; check the release for what its cells show"));
            } else {
                findings.add(new SafeHarborReport.Finding(column, identifier, SafeHarborReport.Verdict.VIOLATION,
                        data.size(), "released as it is (" + role + "); declare it an identifier"));
            }
        }
        return new SafeHarborReport(findings);
    }

    /**
     * Checks what a release of a table publishes.
     *
     * @param data the table the release was made from
     * @param release the release
     * @return the report
     */
    public static SafeHarborReport check(Dataset data, AnonymizedDataset release) {
        List<SafeHarborReport.Finding> findings = new ArrayList<>();
        List<Map<String, Object>> rows = release.rows();
        for (String column : data.columns()) {
            SafeHarborIdentifier identifier = identifier(data, column);
            if (identifier == null) {
                continue;
            }
            if (!release.columns().contains(column)) {
                findings.add(new SafeHarborReport.Finding(column, identifier, SafeHarborReport.Verdict.REMOVED, 0,
                        "not in the release"));
                continue;
            }
            Rule rule = rule(data, column, identifier);
            int violations = 0;
            for (Map<String, Object> row : rows) {
                if (!rule.allows(row.get(column))) {
                    violations++;
                }
            }
            findings.add(new SafeHarborReport.Finding(column, identifier, violations == 0
                    ? SafeHarborReport.Verdict.ALLOWED : SafeHarborReport.Verdict.VIOLATION, violations, rule.reason()));
        }
        return new SafeHarborReport(findings);
    }

    private static boolean allowedAsGeneralized(SafeHarborIdentifier identifier) {
        return identifier == SafeHarborIdentifier.GEOGRAPHIC_SUBDIVISIONS
                || identifier == SafeHarborIdentifier.DATES_AND_AGES_OVER_89;
    }

    /** The identifier a column holds, by declared type, role, values or name; {@code null} for none. */
    static @Nullable SafeHarborIdentifier identifier(Dataset data, String column) {
        PersonalDataType type = data.personalDataType(column).orElse(null);
        if (type != null) {
            SafeHarborIdentifier byType = switch (type) {
                case NAME -> SafeHarborIdentifier.NAMES;
                case POSTAL_ADDRESS, POSTCODE, GEOLOCATION -> SafeHarborIdentifier.GEOGRAPHIC_SUBDIVISIONS;
                case DATE_OF_BIRTH -> SafeHarborIdentifier.DATES_AND_AGES_OVER_89;
                case PHONE -> SafeHarborIdentifier.TELEPHONE_NUMBERS;
                case EMAIL -> SafeHarborIdentifier.EMAIL_ADDRESSES;
                case NATIONAL_ID -> SafeHarborIdentifier.SOCIAL_SECURITY_NUMBERS;
                case PAYMENT_CARD, IBAN, BANK_ACCOUNT -> SafeHarborIdentifier.ACCOUNT_NUMBERS;
                case PASSPORT -> SafeHarborIdentifier.CERTIFICATE_LICENSE_NUMBERS;
                case DEVICE_ID -> SafeHarborIdentifier.DEVICE_IDENTIFIERS;
                case IP_ADDRESS -> SafeHarborIdentifier.IP_ADDRESSES;
                case BIOMETRIC -> SafeHarborIdentifier.BIOMETRIC_IDENTIFIERS;
                case USERNAME -> SafeHarborIdentifier.OTHER_UNIQUE_IDENTIFIERS;
                default -> null;
            };
            if (byType != null) {
                return byType;
            }
        }
        if (data.role(column) == ColumnRole.IDENTIFIER) {
            return SafeHarborIdentifier.OTHER_UNIQUE_IDENTIFIERS;
        }
        if (isAge(column) || holdsDates(data, column)) {
            return SafeHarborIdentifier.DATES_AND_AGES_OVER_89;
        }
        return null;
    }

    private static boolean isAge(String column) {
        return column.toLowerCase(Locale.ROOT).equals("age");
    }

    private static boolean holdsDates(Dataset data, String column) {
        for (int row = 0; row < data.size(); row++) {
            Object v = data.value(row, column);
            if (v != null) {
                return isDate(v);
            }
        }
        return false;
    }

    private static boolean isDate(@Nullable Object v) {
        return v instanceof LocalDate || v instanceof LocalDateTime || v instanceof OffsetDateTime
                || v instanceof ZonedDateTime || v instanceof java.util.Date;
    }

    /** What a released cell of a column may show. */
    private interface Rule {
        boolean allows(@Nullable Object cell);

        String reason();
    }

    private static Rule rule(Dataset data, String column, SafeHarborIdentifier identifier) {
        if (identifier == SafeHarborIdentifier.GEOGRAPHIC_SUBDIVISIONS
                && data.personalDataType(column).orElse(null) == PersonalDataType.POSTCODE) {
            List<String> codes = new ArrayList<>();
            for (Object v : distinct(data, column)) {
                if (v != null) {
                    codes.add(v.toString());
                }
            }
            return new Rule() {
                @Override
                public boolean allows(@Nullable Object cell) {
                    if (cell == null || cell instanceof Generalized.Any) {
                        return true;
                    }
                    String shown = revealedDigits(cell, codes);
                    return shown.length() < ZIP_DIGITS
                            || (shown.length() == ZIP_DIGITS && !RESTRICTED_ZIP3.contains(shown));
                }

                @Override
                public String reason() {
                    return "a ZIP code may show at most its first three digits, and none in the 17 small areas";
                }
            };
        }
        if (identifier == SafeHarborIdentifier.DATES_AND_AGES_OVER_89 && isAge(column)) {
            List<Object> tail = new ArrayList<>();
            for (Object v : distinct(data, column)) {
                if (v instanceof Number n && n.doubleValue() > HIGHEST_AGE) {
                    tail.add(v);
                }
            }
            return new Rule() {
                @Override
                public boolean allows(@Nullable Object cell) {
                    // a cell holding an age over 89 must hold every age over 89 of the table: "90 or older"
                    boolean any = false;
                    boolean all = true;
                    for (Object age : tail) {
                        boolean covered = covers(cell, age);
                        any |= covered;
                        all &= covered;
                    }
                    return !any || all;
                }

                @Override
                public String reason() {
                    return "ages over 89 may be released only as one group of 90 or older";
                }
            };
        }
        if (identifier == SafeHarborIdentifier.DATES_AND_AGES_OVER_89) {
            Map<Integer, List<Object>> byYear = new java.util.HashMap<>();
            for (Object v : distinct(data, column)) {
                LocalDate date = date(v);
                if (date != null) {
                    byYear.computeIfAbsent(date.getYear(), y -> new ArrayList<>()).add(v);
                }
            }
            return new Rule() {
                @Override
                public boolean allows(@Nullable Object cell) {
                    if (cell == null || cell instanceof Generalized.Any) {
                        return true;
                    }
                    if (!(cell instanceof Generalized) || cell instanceof Generalized.Value) {
                        return false;
                    }
                    // within each year it touches, a cell must hold every date of the table: the year only
                    for (List<Object> dates : byYear.values()) {
                        boolean any = false;
                        boolean all = true;
                        for (Object date : dates) {
                            boolean covered = covers(cell, date);
                            any |= covered;
                            all &= covered;
                        }
                        if (any && !all) {
                            return false;
                        }
                    }
                    return true;
                }

                @Override
                public String reason() {
                    return "a date may show its year only";
                }
            };
        }
        return new Rule() {
            @Override
            public boolean allows(@Nullable Object cell) {
                return cell == null || cell instanceof Generalized.Any;
            }

            @Override
            public String reason() {
                return "this identifier must be removed";
            }
        };
    }

    /**
     * The leading digits a postcode cell shows: those before the mask of a masked code
     * ({@code 941**}), the whole value, or the prefix every code it covers shares.
     */
    static String revealedDigits(@Nullable Object cell, List<String> codes) {
        Object plain = cell instanceof Generalized.Value v ? v.value() : cell;
        if (!(plain instanceof Generalized)) {
            return String.valueOf(plain);
        }
        String label = plain.toString();
        int digits = 0;
        while (digits < label.length() && Character.isLetterOrDigit(label.charAt(digits))) {
            digits++;
        }
        if (digits > 0 && digits < label.length() && label.substring(digits).chars().allMatch(c -> c == '*')) {
            return label.substring(0, digits);
        }
        String prefix = null;
        for (String code : codes) {
            if (covers(plain, code)) {
                prefix = prefix == null ? code : common(prefix, code);
            }
        }
        return prefix == null ? "" : prefix;
    }

    private static boolean covers(@Nullable Object cell, @Nullable Object value) {
        if (cell instanceof Generalized g) {
            return g.covers(value);
        }
        return java.util.Objects.equals(cell, value);
    }

    private static @Nullable LocalDate date(@Nullable Object v) {
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        if (v instanceof OffsetDateTime t) {
            return t.toLocalDate();
        }
        if (v instanceof ZonedDateTime t) {
            return t.toLocalDate();
        }
        return null;
    }

    private static String common(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return a.substring(0, i);
    }

    private static Set<@Nullable Object> distinct(Dataset data, String column) {
        Set<@Nullable Object> values = new LinkedHashSet<>();
        for (int row = 0; row < data.size(); row++) {
            values.add(data.value(row, column));
        }
        return values;
    }
}
