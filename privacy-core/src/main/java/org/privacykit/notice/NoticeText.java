package org.privacykit.notice;

import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.LegalBasis;
import org.privacykit.annotation.PersonalDataType;

/** The words a notice uses for declarations: types, legal bases, retention periods and rights. */
final class NoticeText {
    private NoticeText() {
    }

    /** What a type is called in a notice written for the people the data is about. */
    static String label(PersonalDataType type) {
        return switch (type) {
            case NAME -> "Name";
            case EMAIL -> "E-mail address";
            case PHONE -> "Phone number";
            case POSTAL_ADDRESS -> "Postal address";
            case POSTCODE -> "Postcode";
            case DATE_OF_BIRTH -> "Date of birth";
            case NATIONAL_ID -> "National identification number";
            case PASSPORT -> "Passport number";
            case PAYMENT_CARD -> "Payment card number";
            case IBAN -> "IBAN";
            case BANK_ACCOUNT -> "Bank account number";
            case IP_ADDRESS -> "IP address";
            case DEVICE_ID -> "Device identifier";
            case GEOLOCATION -> "Location";
            case USERNAME -> "User name";
            case HEALTH -> "Health information";
            case BIOMETRIC -> "Biometric data";
            case GENETIC -> "Genetic data";
            case ETHNIC_ORIGIN -> "Racial or ethnic origin";
            case POLITICAL_OPINION -> "Political opinions";
            case RELIGION -> "Religious or philosophical beliefs";
            case TRADE_UNION -> "Trade union membership";
            case SEX_LIFE -> "Sex life or sexual orientation";
            case CRIMINAL_RECORD -> "Criminal convictions and offences";
            case FREE_TEXT -> "Messages and free text";
            case OTHER -> "Other personal data";
        };
    }

    /** The legal basis with its article. */
    static String basis(@Nullable LegalBasis basis) {
        if (basis == null) {
            return "not declared";
        }
        return switch (basis) {
            case CONSENT -> "Consent (Art. 6(1)(a) GDPR)";
            case CONTRACT -> "Performance of a contract (Art. 6(1)(b) GDPR)";
            case LEGAL_OBLIGATION -> "Legal obligation (Art. 6(1)(c) GDPR)";
            case VITAL_INTERESTS -> "Vital interests (Art. 6(1)(d) GDPR)";
            case PUBLIC_TASK -> "Public task (Art. 6(1)(e) GDPR)";
            case LEGITIMATE_INTERESTS -> "Legitimate interests (Art. 6(1)(f) GDPR)";
        };
    }

    /** An ISO-8601 retention period in words: {@code P1Y6M} is "1 year and 6 months". */
    static String retention(@Nullable String iso) {
        if (iso == null) {
            return "not declared";
        }
        List<String> parts = new ArrayList<>();
        if (iso.contains("T")) {
            Duration d = Duration.parse(iso);
            unit(parts, d.toDaysPart(), "day");
            unit(parts, d.toHoursPart(), "hour");
            unit(parts, d.toMinutesPart(), "minute");
            unit(parts, d.toSecondsPart(), "second");
        } else {
            Period p = Period.parse(iso);
            unit(parts, p.getYears(), "year");
            unit(parts, p.getMonths(), "month");
            unit(parts, p.getDays(), "day");
        }
        if (parts.isEmpty()) {
            return iso;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static void unit(List<String> parts, long count, String unit) {
        if (count != 0) {
            parts.add(count + " " + unit + (count == 1 ? "" : "s"));
        }
    }

    /**
     * A retention period's approximate length in days, to tell whether a change keeps data longer;
     * {@code Long.MAX_VALUE} for none declared (kept with no limit).
     */
    static long approximateDays(@Nullable String iso) {
        if (iso == null) {
            return Long.MAX_VALUE;
        }
        if (iso.contains("T")) {
            return Duration.parse(iso).toDays();
        }
        Period p = Period.parse(iso);
        return p.toTotalMonths() * 30 + p.getDays() + p.getYears() * 5L;
    }

    /** A purpose's name as a reader sees it when no description was given: {@code order_fulfilment} as "order fulfilment". */
    static String purposeName(String purpose) {
        String words = purpose.replace('_', ' ').replace('-', ' ').trim();
        return words.isEmpty() ? purpose : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /** One right of the data subject: its name, its article and what it lets the subject do. */
    record Right(String name, String article, String text) {
    }

    /**
     * The rights a notice lists (Art. 13(2)(b) to (d)): every notice has access, rectification,
     * erasure, restriction and complaint; objection where processing rests on legitimate interests or
     * a public task (Art. 21); portability where it rests on consent or a contract (Art. 20);
     * withdrawal where it rests on consent (Art. 7(3)).
     */
    static List<Right> rights(List<NoticeItem> items, @Nullable String authority) {
        boolean consent = false;
        boolean contract = false;
        boolean objectable = false;
        for (NoticeItem item : items) {
            LegalBasis basis = item.legalBasis();
            consent |= basis == LegalBasis.CONSENT;
            contract |= basis == LegalBasis.CONTRACT;
            objectable |= basis == LegalBasis.LEGITIMATE_INTERESTS || basis == LegalBasis.PUBLIC_TASK;
        }
        List<Right> rights = new ArrayList<>();
        rights.add(new Right("Access", "Art. 15",
                "You may ask for a copy of the personal data we hold about you and how we use it."));
        rights.add(new Right("Rectification", "Art. 16", "You may ask us to correct data that is wrong or incomplete."));
        rights.add(new Right("Erasure", "Art. 17",
                "You may ask us to delete your data when we no longer need it, you withdraw consent or you object."));
        rights.add(new Right("Restriction of processing", "Art. 18",
                "You may ask us to keep your data but stop using it while a dispute is resolved."));
        if (consent || contract) {
            rights.add(new Right("Data portability", "Art. 20",
                    "You may receive the data you gave us in a machine-readable format (JSON or CSV), or have it sent "
                            + "to another controller."));
        }
        if (objectable) {
            rights.add(new Right("Objection", "Art. 21",
                    "You may object to processing based on legitimate interests or a public task; we then stop unless "
                            + "we have compelling grounds."));
        }
        if (consent) {
            rights.add(new Right("Withdrawal of consent", "Art. 7(3)",
                    "Where we rely on your consent you may withdraw it at any time; this does not affect processing "
                            + "before the withdrawal."));
        }
        rights.add(new Right("Complaint", "Art. 77", authority == null
                ? "You may lodge a complaint with a data protection supervisory authority."
                : "You may lodge a complaint with a data protection supervisory authority: " + authority + "."));
        return rights;
    }
}
