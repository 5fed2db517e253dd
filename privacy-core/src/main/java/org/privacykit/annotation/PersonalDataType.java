package org.privacykit.annotation;

import static org.privacykit.annotation.DataCategory.*;
import static org.privacykit.annotation.MaskStyle.*;
import static org.privacykit.annotation.Operator.*;
import static org.privacykit.annotation.Sensitivity.*;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a personal-data field holds, like the info types of a DLP service. Each type carries its
 * defaults: GDPR category, sensitivity, mask, anonymization operator and the id of the detector that
 * finds it in free text. {@code @PersonalData} can override each of them per field.
 */
public enum PersonalDataType {
    /** A person's name, or part of it. */
    NAME(IDENTITY, CONFIDENTIAL, MaskStyle.NAME, FAKE, null, false),
    /** An e-mail address. */
    EMAIL(CONTACT, CONFIDENTIAL, MaskStyle.EMAIL, FAKE, "email", false),
    /** A phone number. */
    PHONE(CONTACT, CONFIDENTIAL, MaskStyle.PHONE, FAKE, "phone", false),
    /** A postal address, or its street part. */
    POSTAL_ADDRESS(CONTACT, CONFIDENTIAL, MaskStyle.POSTAL_ADDRESS, FAKE, null, false),
    /** A postcode or ZIP code. */
    POSTCODE(LOCATION, INTERNAL, MaskStyle.POSTCODE, GENERALIZE, null, false),
    /** A date of birth. */
    DATE_OF_BIRTH(IDENTITY, CONFIDENTIAL, DATE, GENERALIZE, null, false),
    /** A national identification number: SSN, NINO, tax id. */
    NATIONAL_ID(GOVERNMENT_ID, RESTRICTED, IDENTIFIER, SUPPRESS, "national_id", true),
    /** A passport or identity card number. */
    PASSPORT(GOVERNMENT_ID, RESTRICTED, IDENTIFIER, SUPPRESS, "passport", true),
    /** A payment card number (PAN). */
    PAYMENT_CARD(FINANCIAL, CONFIDENTIAL, MaskStyle.PAYMENT_CARD, FAKE, "payment_card", true),
    /** An international bank account number. */
    IBAN(FINANCIAL, CONFIDENTIAL, MaskStyle.IBAN, FAKE, "iban", true),
    /** A domestic bank account number. */
    BANK_ACCOUNT(FINANCIAL, CONFIDENTIAL, IDENTIFIER, PSEUDONYMIZE, null, true),
    /** An IPv4 or IPv6 address. */
    IP_ADDRESS(ONLINE_IDENTIFIER, INTERNAL, MaskStyle.IP_ADDRESS, FAKE, "ip_address", false),
    /** A device identifier: advertising id, IMEI, cookie id. */
    DEVICE_ID(ONLINE_IDENTIFIER, INTERNAL, IDENTIFIER, PSEUDONYMIZE, null, false),
    /** Coordinates or another precise location. */
    GEOLOCATION(LOCATION, CONFIDENTIAL, COORDINATES, GENERALIZE, null, true),
    /** A user name or login. */
    USERNAME(ONLINE_IDENTIFIER, INTERNAL, PARTIAL, FAKE, null, false),
    /** Data concerning health. GDPR Art. 9 special category. */
    HEALTH(DataCategory.HEALTH, RESTRICTED, FULL, SUPPRESS, null, true),
    /** Biometric data. GDPR Art. 9 special category. */
    BIOMETRIC(DataCategory.BIOMETRIC, RESTRICTED, FULL, SUPPRESS, null, true),
    /** Genetic data. GDPR Art. 9 special category. */
    GENETIC(DataCategory.GENETIC, RESTRICTED, FULL, SUPPRESS, null, true),
    /** Racial or ethnic origin. GDPR Art. 9 special category. */
    ETHNIC_ORIGIN(RACIAL_OR_ETHNIC_ORIGIN, RESTRICTED, FULL, SUPPRESS, null, true),
    /** Political opinions. GDPR Art. 9 special category. */
    POLITICAL_OPINION(POLITICAL_OPINIONS, RESTRICTED, FULL, SUPPRESS, null, false),
    /** Religious or philosophical beliefs. GDPR Art. 9 special category. */
    RELIGION(RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS, RESTRICTED, FULL, SUPPRESS, null, true),
    /** Trade union membership. GDPR Art. 9 special category. */
    TRADE_UNION(TRADE_UNION_MEMBERSHIP, RESTRICTED, FULL, SUPPRESS, null, true),
    /** Sex life or sexual orientation. GDPR Art. 9 special category. */
    SEX_LIFE(SEX_LIFE_OR_SEXUAL_ORIENTATION, RESTRICTED, FULL, SUPPRESS, null, true),
    /** Criminal convictions and offences. GDPR Art. 10. */
    CRIMINAL_RECORD(CRIMINAL_CONVICTIONS_AND_OFFENCES, RESTRICTED, FULL, SUPPRESS, null, false),
    /** Free text that may mention anything about a person: notes, messages, tickets. */
    FREE_TEXT(CONTENT, CONFIDENTIAL, FULL, REDACT, null, false),
    /** Personal data of no other type. */
    OTHER(DataCategory.OTHER, INTERNAL, PARTIAL, PSEUDONYMIZE, null, false);

    private final DataCategory category;
    private final Sensitivity sensitivity;
    private final MaskStyle mask;
    private final Operator operator;
    private final @Nullable String detectorId;
    private final boolean ccpaSensitive;

    PersonalDataType(DataCategory category, Sensitivity sensitivity, MaskStyle mask, Operator operator,
                     @Nullable String detectorId, boolean ccpaSensitive) {
        this.category = category;
        this.sensitivity = sensitivity;
        this.mask = mask;
        this.operator = operator;
        this.detectorId = detectorId;
        this.ccpaSensitive = ccpaSensitive;
    }

    /**
     * Returns the GDPR category a field of this type belongs to unless it says otherwise.
     *
     * @return the default category
     */
    public DataCategory defaultCategory() {
        return category;
    }

    /**
     * Returns the sensitivity of a field of this type unless it says otherwise. Special categories
     * and criminal data are {@link Sensitivity#RESTRICTED}.
     *
     * @return the default sensitivity
     */
    public Sensitivity defaultSensitivity() {
        return sensitivity;
    }

    /**
     * Returns how a field of this type is masked unless {@code @Mask} says otherwise.
     *
     * @return the default mask style, never {@link MaskStyle#DEFAULT}
     */
    public MaskStyle defaultMask() {
        return mask;
    }

    /**
     * Returns how a field of this type is anonymized unless {@code @Anonymize} says otherwise.
     *
     * @return the default operator
     */
    public Operator defaultOperator() {
        return operator;
    }

    /**
     * Returns the id of the PII detector that finds this type in free text, if there is one.
     *
     * @return the detector id, such as {@code "email"}, or empty
     */
    public Optional<String> detectorId() {
        return Optional.ofNullable(detectorId);
    }

    /**
     * Tells whether the CCPA, as amended by the CPRA, counts this type as sensitive personal
     * information (Cal. Civ. Code 1798.140(ae)).
     *
     * @return {@code true} for sensitive personal information under the CCPA
     */
    public boolean isCcpaSensitive() {
        return ccpaSensitive;
    }
}
