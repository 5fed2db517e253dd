package org.privacykit.test;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.privacykit.annotation.PersonalDataType;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.mask.Maskers;
import org.privacykit.metadata.Classification;
import org.privacykit.metadata.PrivacyMetadata;
import org.jspecify.annotations.Nullable;

/**
 * The protected values of some objects, in every form they may take in text: as written, in any
 * case; digits only for cards, phones, IBANs and identifiers (so {@code 4111-1111-1111-1111} and
 * {@code 4111111111111111} both match {@code 4111 1111 1111 1111}); the national part of a phone
 * number; compact and upper-case for IBANs and identifiers; dates in ISO and common day/month
 * orders. Values shorter than {@value #MIN_TEXT} characters (or {@value #MIN_DIGITS} digits) are
 * ignored, since they match by chance.
 */
final class PersonalValues {
    static final int MIN_TEXT = 4;
    static final int MIN_DIGITS = 6;

    private final List<Value> values = new ArrayList<>();

    /** One protected value and its forms. */
    private static final class Value {
        final String path;
        final String type;
        final String masked;
        final @Nullable String text;       // lower-case, as written
        final @Nullable String digits;     // digits only, or null
        final @Nullable String compact;    // upper-case letters and digits, or null
        final List<String> dates = new ArrayList<>();

        Value(String path, String type, String masked, @Nullable String text, @Nullable String digits,
                @Nullable String compact) {
            this.path = path;
            this.type = type;
            this.masked = masked;
            this.text = text;
            this.digits = digits;
            this.compact = compact;
        }
    }

    /** One personal value found in a text. */
    static final class Leak {
        final String path;
        final String type;
        final String masked;
        final String form;
        final int offset;

        Leak(String path, String type, String masked, String form, int offset) {
            this.path = path;
            this.type = type;
            this.masked = masked;
            this.form = form;
            this.offset = offset;
        }

        @Override
        public String toString() {
            return path + " (" + type + ", " + masked + ") found " + form + (offset >= 0 ? " at offset " + offset : "");
        }
    }

    static PersonalValues of(Object... objects) {
        return of(null, objects);
    }

    /** The values of the objects above a sensitivity ({@code null}: all of them). */
    static PersonalValues of(@Nullable Sensitivity allowed, Object... objects) {
        PersonalValues out = new PersonalValues();
        for (Object object : objects) {
            if (object == null) {
                continue;
            }
            String root = object.getClass().getSimpleName();
            PrivacyMetadata.walk(object, (path, property, value, subject) -> {
                if (allowed == null || !allowed.atLeast(property.classification().sensitivity())) {
                    out.add(path.isEmpty() ? root : root + (path.startsWith("[") || path.startsWith("{") ? "" : ".")
                            + path, property.classification(), value);
                }
            });
        }
        return out;
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    private void add(String path, Classification c, Object value) {
        PersonalDataType type = c.typeOrNull();
        String typeName = type == null ? "SECRET" : type.name();
        String text = value instanceof LocalDate ? value.toString() : String.valueOf(value);
        String trimmed = text.trim();
        String masked = c.sensitivity().atLeast(Sensitivity.RESTRICTED)
                ? Maskers.REDACTED : Objects.requireNonNullElse(Maskers.of(c).mask(trimmed), Maskers.REDACTED);
        @Nullable String digits = null;
        @Nullable String compact = null;
        if (type != null) {
            switch (type) {
                case PAYMENT_CARD, NATIONAL_ID, BANK_ACCOUNT, PASSPORT, IBAN -> {
                    digits = digitsOf(trimmed);
                    compact = compactOf(trimmed);
                }
                case PHONE -> {
                    String all = digitsOf(trimmed);
                    // the subscriber part: what stays when a country code or trunk 0 is written differently
                    digits = all.length() > 9 ? all.substring(all.length() - 9) : all;
                }
                default -> {
                    // other types: their text alone
                }
            }
        }
        Value v = new Value(path, typeName, masked, trimmed.length() >= MIN_TEXT ? trimmed.toLowerCase(Locale.ROOT)
                : null, digits != null && digits.length() >= MIN_DIGITS ? digits : null,
                compact != null && compact.length() >= MIN_DIGITS ? compact : null);
        if (value instanceof LocalDate d) {
            for (String pattern : new String[] {"dd/MM/yyyy", "MM/dd/yyyy", "dd.MM.yyyy", "yyyyMMdd", "d MMM yyyy",
                "MMM d, yyyy"}) {
                v.dates.add(d.format(DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH)).toLowerCase(Locale.ROOT));
            }
        }
        if (v.text != null || v.digits != null || v.compact != null) {
            values.add(v);
        }
    }

    List<Leak> findIn(String text) {
        List<Leak> leaks = new ArrayList<>();
        if (values.isEmpty() || text == null) {
            return leaks;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        DigitRuns runs = null;
        String compactText = null;
        for (Value v : values) {
            int at = v.text == null ? -1 : lower.indexOf(v.text);
            if (at >= 0) {
                leaks.add(new Leak(v.path, v.type, v.masked, "as written", at));
                continue;
            }
            boolean found = false;
            for (String date : v.dates) {
                at = lower.indexOf(date);
                if (at >= 0) {
                    leaks.add(new Leak(v.path, v.type, v.masked, "as the date " + date.replaceAll("\\d", "#"), at));
                    found = true;
                    break;
                }
            }
            if (found) {
                continue;
            }
            if (v.digits != null) {
                if (runs == null) {
                    runs = new DigitRuns(text);
                }
                at = runs.indexOf(v.digits);
                if (at >= 0) {
                    leaks.add(new Leak(v.path, v.type, v.masked, "as digits", at));
                    continue;
                }
            }
            if (v.compact != null) {
                if (compactText == null) {
                    compactText = compactOf(text);
                }
                if (compactText.contains(v.compact)) {
                    leaks.add(new Leak(v.path, v.type, v.masked, "without separators", -1));
                }
            }
        }
        return leaks;
    }

    static String digitsOf(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String compactOf(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }

    /**
     * The runs of digits and number separators in a text (spaces, dashes, dots, slashes, parentheses,
     * plus), as digits only: {@code 4111-1111 1111.1111} is one run, {@code 4111111111111111}.
     */
    private static final class DigitRuns {
        private final List<String> digits = new ArrayList<>();
        private final List<Integer> starts = new ArrayList<>();

        DigitRuns(String text) {
            StringBuilder run = new StringBuilder();
            int start = -1;
            for (int i = 0; i <= text.length(); i++) {
                char c = i < text.length() ? text.charAt(i) : '\n';
                if (c >= '0' && c <= '9') {
                    if (start < 0) {
                        start = i;
                    }
                    run.append(c);
                } else if (start >= 0 && !(c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')'
                        || c == '+')) {
                    digits.add(run.toString());
                    starts.add(start);
                    run.setLength(0);
                    start = -1;
                }
            }
        }

        int indexOf(String wanted) {
            for (int i = 0; i < digits.size(); i++) {
                if (digits.get(i).contains(wanted)) {
                    return starts.get(i);
                }
            }
            return -1;
        }
    }
}
