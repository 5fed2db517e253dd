package org.privacykit.consent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * One decision of a data subject about a purpose, as a {@link ConsentStore} keeps it: who, which
 * purpose, what was decided, when, under which version of the privacy notice, and where it came from
 * (a sign-up form, a support call, a preference centre). Records are appended, never changed: the
 * history is the proof of consent that GDPR Art. 7(1) asks for.
 *
 * <p>Purposes are trimmed and compared in lower case, as field declarations and reveals compare them.
 * Consent is given for one purpose at a time (Art. 4(11): specific); a withdrawal or an objection may
 * name {@link #ALL_PURPOSES}; a restriction always does. The time is kept to the microsecond, as SQL
 * databases keep it.
 *
 * @param subjectId the data subject
 * @param purpose the purpose, or {@link #ALL_PURPOSES}
 * @param decision what the subject decided
 * @param time when
 * @param noticeVersion the version of the privacy notice the subject was shown, such as {@code "2026-11"}
 * @param source where the decision was collected, such as {@code "signup-form"}
 */
public record ConsentRecord(String subjectId, String purpose, ConsentDecision decision, Instant time,
                            String noticeVersion, String source) {
    /** The purpose of a decision that applies to every purpose: a restriction, or a withdrawal or objection of all. */
    public static final String ALL_PURPOSES = "*";
    /** The longest subject id, purpose, notice version or source, in chars; a JDBC store's columns hold this many. */
    public static final int MAX_TEXT = 200;

    /**
     * Validates and normalizes a record.
     *
     * @throws IllegalArgumentException naming the component and the reason when a text is blank, too
     *         long, holds control characters or invalid UTF-16, or the purpose does not fit the decision
     */
    public ConsentRecord {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(time, "time");
        subjectId = text("subjectId", subjectId);
        purpose = normalizePurpose(purpose);
        noticeVersion = text("noticeVersion", noticeVersion);
        source = text("source", source);
        time = time.truncatedTo(ChronoUnit.MICROS);
        boolean all = ALL_PURPOSES.equals(purpose);
        if (decision.isRestriction() && !all) {
            throw new IllegalArgumentException("purpose: a restriction of processing applies to every purpose ("
                    + ALL_PURPOSES + ")");
        }
        if (decision == ConsentDecision.GRANTED && all) {
            throw new IllegalArgumentException("purpose: consent is given for one named purpose, not " + ALL_PURPOSES);
        }
    }

    /**
     * Records a decision about one purpose.
     *
     * @param subjectId the data subject
     * @param purpose the purpose, or {@link #ALL_PURPOSES}
     * @param decision what the subject decided
     * @param time when
     * @param noticeVersion the version of the notice shown
     * @param source where the decision was collected
     * @return the record
     */
    public static ConsentRecord of(String subjectId, String purpose, ConsentDecision decision, Instant time,
                                   String noticeVersion, String source) {
        return new ConsentRecord(subjectId, purpose, decision, time, noticeVersion, source);
    }

    /**
     * Tells whether this record decides about a purpose: it names it, or names every purpose.
     *
     * @param normalizedPurpose a purpose as {@link #normalizePurpose} gives it
     * @return {@code true} when it applies
     */
    public boolean appliesTo(String normalizedPurpose) {
        return purpose.equals(normalizedPurpose) || purpose.equals(ALL_PURPOSES);
    }

    /**
     * Trims a purpose and puts it in lower case, as field declarations compare purposes.
     *
     * @param purpose the purpose
     * @return the normalized purpose
     * @throws IllegalArgumentException when it is blank, too long or holds control characters
     */
    public static String normalizePurpose(String purpose) {
        return text("purpose", purpose).toLowerCase(Locale.ROOT);
    }

    static String text(String component, String value) {
        if (value == null) {
            throw new IllegalArgumentException(component + " is required");
        }
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(component + " must not be blank");
        }
        if (trimmed.length() > MAX_TEXT) {
            throw new IllegalArgumentException(component + " is longer than " + MAX_TEXT + " chars (" + trimmed.length()
                    + ")");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException(component + " holds a control character at index " + i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < trimmed.length() && Character.isLowSurrogate(trimmed.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(component + " holds invalid UTF-16 (a lone surrogate at index " + i + ")");
            }
        }
        return trimmed;
    }
}
