package org.privacykit.dataset.risk;

/**
 * The eighteen identifiers that the HIPAA Privacy Rule's Safe Harbor method (45 CFR
 * 164.514(b)(2)(i)) requires removed from health information, by their letter in the rule.
 */
public enum SafeHarborIdentifier {
    /** (A) Names. */
    NAMES('A'),
    /** (B) Geographic subdivisions smaller than a state; the first three ZIP digits may stay for areas above 20,000 people. */
    GEOGRAPHIC_SUBDIVISIONS('B'),
    /** (C) All elements of dates (except year) related to an individual, and ages over 89. */
    DATES_AND_AGES_OVER_89('C'),
    /** (D) Telephone numbers. */
    TELEPHONE_NUMBERS('D'),
    /** (E) Fax numbers. */
    FAX_NUMBERS('E'),
    /** (F) Electronic mail addresses. */
    EMAIL_ADDRESSES('F'),
    /** (G) Social security numbers. */
    SOCIAL_SECURITY_NUMBERS('G'),
    /** (H) Medical record numbers. */
    MEDICAL_RECORD_NUMBERS('H'),
    /** (I) Health plan beneficiary numbers. */
    HEALTH_PLAN_BENEFICIARY_NUMBERS('I'),
    /** (J) Account numbers. */
    ACCOUNT_NUMBERS('J'),
    /** (K) Certificate and license numbers. */
    CERTIFICATE_LICENSE_NUMBERS('K'),
    /** (L) Vehicle identifiers and serial numbers, including license plates. */
    VEHICLE_IDENTIFIERS('L'),
    /** (M) Device identifiers and serial numbers. */
    DEVICE_IDENTIFIERS('M'),
    /** (N) Web URLs. */
    URLS('N'),
    /** (O) IP addresses. */
    IP_ADDRESSES('O'),
    /** (P) Biometric identifiers, including finger and voice prints. */
    BIOMETRIC_IDENTIFIERS('P'),
    /** (Q) Full-face photographs and comparable images. */
    PHOTOGRAPHS('Q'),
    /** (R) Any other unique identifying number, characteristic or code. */
    OTHER_UNIQUE_IDENTIFIERS('R');

    private final char letter;

    SafeHarborIdentifier(char letter) {
        this.letter = letter;
    }

    /**
     * Returns the identifier's letter in 45 CFR 164.514(b)(2)(i).
     *
     * @return A to R
     */
    public char letter() {
        return letter;
    }
}
