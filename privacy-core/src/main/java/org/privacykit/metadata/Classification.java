package org.privacykit.metadata;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.NullUnmarked;
import org.privacykit.annotation.DataCategory;
import org.privacykit.annotation.LegalBasis;
import org.privacykit.annotation.MaskStyle;
import org.privacykit.annotation.Operator;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.annotation.Sensitivity;

/**
 * The resolved classification of one protected field: its personal data type (or none, for a
 * secret marked only {@code @Sensitive}), with every default of the type applied and every override
 * of the annotations on top. Immutable.
 */
@NullUnmarked // nullness to annotate: see NOTES.md
public final class Classification {
    private final PersonalDataType type;
    private final DataCategory category;
    private final Sensitivity sensitivity;
    private final boolean markedSensitive;
    private final String sensitiveReason;
    private final Set<String> purposes;
    private final LegalBasis legalBasis;
    private final RetentionPeriod retention;
    private final String subjectRole;
    private final MaskStyle maskStyle;
    private final int maskKeepFirst;
    private final int maskKeepLast;
    private final char maskChar;
    private final boolean maskOverridden;
    private final Operator operator;
    private final boolean operatorOverridden;
    private final int maxShiftDays;
    private final double bucket;
    private final int keepPrefix;

    Classification(Builder b) {
        this.type = b.type;
        this.category = b.category;
        this.sensitivity = b.sensitivity;
        this.markedSensitive = b.markedSensitive;
        this.sensitiveReason = b.sensitiveReason;
        this.purposes = Set.copyOf(b.purposes);
        this.legalBasis = b.legalBasis;
        this.retention = b.retention;
        this.subjectRole = b.subjectRole;
        this.maskStyle = b.maskStyle;
        this.maskKeepFirst = b.maskKeepFirst;
        this.maskKeepLast = b.maskKeepLast;
        this.maskChar = b.maskChar;
        this.maskOverridden = b.maskOverridden;
        this.operator = b.operator;
        this.operatorOverridden = b.operatorOverridden;
        this.maxShiftDays = b.maxShiftDays;
        this.bucket = b.bucket;
        this.keepPrefix = b.keepPrefix;
    }

    /**
     * Returns what the field holds.
     *
     * @return the type, or empty for a secret that is not personal data
     */
    public Optional<PersonalDataType> type() {
        return Optional.ofNullable(type);
    }

    /**
     * Returns the type, or {@code null} for a secret that is not personal data; for hot paths that
     * must not allocate.
     *
     * @return the type or {@code null}
     */
    public PersonalDataType typeOrNull() {
        return type;
    }

    /**
     * Tells whether the field holds personal data (it has a {@code @PersonalData} type).
     *
     * @return {@code true} for personal data, {@code false} for a secret marked only {@code @Sensitive}
     */
    public boolean isPersonalData() {
        return type != null;
    }

    /**
     * Returns the GDPR category.
     *
     * @return the category; {@link DataCategory#CREDENTIALS} for a secret
     */
    public DataCategory category() {
        return category;
    }

    /**
     * Returns the effective sensitivity, after overrides and {@code @Sensitive}.
     *
     * @return the sensitivity
     */
    public Sensitivity sensitivity() {
        return sensitivity;
    }

    /**
     * Tells whether the field carries {@code @Sensitive}.
     *
     * @return {@code true} when marked sensitive
     */
    public boolean isMarkedSensitive() {
        return markedSensitive;
    }

    /**
     * Returns the reason given in {@code @Sensitive}, for reports.
     *
     * @return the reason, possibly empty
     */
    public String sensitiveReason() {
        return sensitiveReason;
    }

    /**
     * Returns the purposes the data is processed for.
     *
     * @return an unmodifiable set, possibly empty
     */
    public Set<String> purposes() {
        return purposes;
    }

    /**
     * Tells whether one of the given purposes is a purpose of this field. Purposes compare without
     * regard to case.
     *
     * @param declared the purposes a caller declared
     * @return {@code true} when one of them may see this field
     */
    public boolean allowsAny(Set<String> declared) {
        if (purposes.isEmpty() || declared.isEmpty()) {
            return false;
        }
        for (String purpose : declared) {
            if (purposes.contains(purpose.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the lawful basis for processing.
     *
     * @return the legal basis, or empty when not declared
     */
    public Optional<LegalBasis> legalBasis() {
        return Optional.ofNullable(legalBasis);
    }

    /**
     * Returns how long the data may be kept.
     *
     * @return the retention period, or empty when not declared
     */
    public Optional<RetentionPeriod> retention() {
        return Optional.ofNullable(retention);
    }

    /**
     * Returns the role of the data subject this field describes.
     *
     * @return the role, empty for the class's only subject
     */
    public String subjectRole() {
        return subjectRole;
    }

    /**
     * Returns the mask style, with the type's default applied.
     *
     * @return the style, never {@link MaskStyle#DEFAULT}
     */
    public MaskStyle maskStyle() {
        return maskStyle;
    }

    /**
     * Returns how many leading characters the mask keeps.
     *
     * @return the count, or -1 for the style's default
     */
    public int maskKeepFirst() {
        return maskKeepFirst;
    }

    /**
     * Returns how many trailing characters the mask keeps.
     *
     * @return the count, or -1 for the style's default
     */
    public int maskKeepLast() {
        return maskKeepLast;
    }

    /**
     * Returns the character that replaces hidden characters.
     *
     * @return the mask character
     */
    public char maskChar() {
        return maskChar;
    }

    /**
     * Tells whether {@code @Mask} overrides the type's mask.
     *
     * @return {@code true} when overridden
     */
    public boolean isMaskOverridden() {
        return maskOverridden;
    }

    /**
     * Returns the anonymization operator, with the type's default applied.
     *
     * @return the operator
     */
    public Operator operator() {
        return operator;
    }

    /**
     * Tells whether {@code @Anonymize} overrides the type's operator.
     *
     * @return {@code true} when overridden
     */
    public boolean isOperatorOverridden() {
        return operatorOverridden;
    }

    /**
     * Returns the bound of a date shift in days.
     *
     * @return the bound, or 0 for the anonymizer's default
     */
    public int maxShiftDays() {
        return maxShiftDays;
    }

    /**
     * Returns the range width for generalization, or the noise bound.
     *
     * @return the width, or 0 for the anonymizer's default
     */
    public double bucket() {
        return bucket;
    }

    /**
     * Returns how many leading characters a generalized code keeps.
     *
     * @return the prefix length, or 0 for the anonymizer's default
     */
    public int keepPrefix() {
        return keepPrefix;
    }

    @Override
    public String toString() {
        return "Classification[" + (type == null ? "SECRET" : type.name()) + ", " + category + ", " + sensitivity
                + (purposes.isEmpty() ? "" : ", purposes=" + purposes)
                + (retention == null ? "" : ", retention=" + retention) + "]";
    }

    static final class Builder {
        PersonalDataType type;
        DataCategory category;
        Sensitivity sensitivity;
        boolean markedSensitive;
        String sensitiveReason = "";
        Set<String> purposes = Set.of();
        LegalBasis legalBasis;
        RetentionPeriod retention;
        String subjectRole = "";
        MaskStyle maskStyle;
        int maskKeepFirst = -1;
        int maskKeepLast = -1;
        char maskChar = '*';
        boolean maskOverridden;
        Operator operator;
        boolean operatorOverridden;
        int maxShiftDays;
        double bucket;
        int keepPrefix;
    }
}
