package org.privacykit.annotation;

/** How a masker hides a value. See {@code org.privacykit.mask.Maskers} for each style's output. */
public enum MaskStyle {
    /** The default mask of the field's {@link PersonalDataType}. */
    DEFAULT,
    /** Keeps the first character of the local part and the domain: {@code j***@example.com}. */
    EMAIL,
    /** Keeps the country code and the last digits: {@code +44 ** **** 0958}. */
    PHONE,
    /** Keeps the last four digits and the separators, optionally the first six: {@code **** **** **** 1111}. */
    PAYMENT_CARD,
    /** Keeps the country code and the last four characters: {@code DE** **** **** **** **30 00}. */
    IBAN,
    /** Initials: {@code J. R. D.}. */
    NAME,
    /** Keeps the locality, the last comma-separated part: {@code ***, London}. */
    POSTAL_ADDRESS,
    /** Keeps a prefix: the outward code ({@code SW1A ***}) or the first half ({@code 941**}). */
    POSTCODE,
    /** Keeps the year: {@code 1990}. */
    DATE,
    /** Keeps the network: {@code 192.168.1.*} (IPv4 /24), {@code 2001:db8:85a3:*} (IPv6 /48). */
    IP_ADDRESS,
    /** Coordinates rounded to one decimal place, about 11 km: {@code 51.5,-0.1}. */
    COORDINATES,
    /** Keeps the last characters (four unless {@code keepLast} says) and the separators: {@code ***-**-6789}. */
    IDENTIFIER,
    /** Keeps {@code keepFirst} and {@code keepLast} characters and masks the rest, one mask character each. */
    PARTIAL,
    /** Hides everything, length included: {@code ****}. */
    FULL
}
