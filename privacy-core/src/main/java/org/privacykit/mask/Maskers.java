package org.privacykit.mask;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.MaskStyle;
import org.privacykit.internal.AsciiMasker;
import org.privacykit.metadata.Classification;

/**
 * The built-in maskers, one per {@link MaskStyle}. Every masker is immutable, thread-safe, null-safe
 * and never throws; each keeps at most two thirds of a value visible, whatever counts it is given,
 * so a short value is never shown whole.
 *
 * <table>
 *   <caption>Examples</caption>
 *   <tr><th>masker</th><th>input</th><th>output</th></tr>
 *   <tr><td>{@link #email()}</td><td>{@code john.doe@example.com}</td><td>{@code j***@example.com}</td></tr>
 *   <tr><td>{@link #phone()}</td><td>{@code +44 20 7946 0958}</td><td>{@code +44 ** **** 0958}</td></tr>
 *   <tr><td>{@link #paymentCard()}</td><td>{@code 4111 1111 1111 1111}</td><td>{@code **** **** **** 1111}</td></tr>
 *   <tr><td>{@link #paymentCard(boolean) paymentCard(true)}</td><td>{@code 4111111111111111}</td><td>{@code 411111******1111}</td></tr>
 *   <tr><td>{@link #iban()}</td><td>{@code DE89 3704 0044 0532 0130 00}</td><td>{@code DE** **** **** **** **30 00}</td></tr>
 *   <tr><td>{@link #name()}</td><td>{@code John Ronald Doe}</td><td>{@code J. R. D.}</td></tr>
 *   <tr><td>{@link #postalAddress()}</td><td>{@code 10 Downing Street, London}</td><td>{@code ***, London}</td></tr>
 *   <tr><td>{@link #postcode()}</td><td>{@code SW1A 2AA} / {@code 94103}</td><td>{@code SW1A ***} / {@code 941**}</td></tr>
 *   <tr><td>{@link #date()}</td><td>{@code 1990-05-17}</td><td>{@code 1990}</td></tr>
 *   <tr><td>{@link #ipAddress()}</td><td>{@code 192.168.1.42} / {@code 2001:db8:85a3::8a2e:370:7334}</td><td>{@code 192.168.1.*} / {@code 2001:db8:85a3:*}</td></tr>
 *   <tr><td>{@link #coordinates()}</td><td>{@code 51.50735,-0.12776}</td><td>{@code 51.5,-0.1}</td></tr>
 *   <tr><td>{@link #identifier(int) identifier(4)}</td><td>{@code 123-45-6789}</td><td>{@code ***-**-6789}</td></tr>
 *   <tr><td>{@link #partial(int, int, char) partial(2, 2, '*')}</td><td>{@code secret-value}</td><td>{@code se********ue}</td></tr>
 *   <tr><td>{@link #full()}</td><td>anything</td><td>{@code ****}</td></tr>
 * </table>
 */
public final class Maskers {
    /** What {@link Disclosure#REDACT} writes: a fixed marker that reveals nothing, not even the length. */
    public static final String REDACTED = "[REDACTED]";

    private static final Masker FULL = full('*');
    private static final Masker EMAIL = email('*');
    private static final Masker PHONE = phone(-1, '*');
    private static final Masker CARD = paymentCard(0, 4, '*');
    private static final Masker CARD_BIN = paymentCard(6, 4, '*');
    private static final Masker IBAN = iban('*');
    private static final Masker NAME = new Styled(MaskStyle.NAME, -1, -1, '*');
    private static final Masker ADDRESS = address('*');
    private static final Masker POSTCODE = postcode(-1, '*');
    private static final Masker DATE = date('*');
    private static final Masker IP = ip('*');
    private static final Masker COORDINATES = coordinates('*');
    private static final Masker REDACT = new Styled(MaskStyle.DEFAULT, -1, -1, '*', REDACTED);

    private Maskers() {
    }

    /**
     * Returns the masker for a style with optional counts, as {@code @Mask} declares it.
     *
     * @param style the style; {@link MaskStyle#DEFAULT} is treated as {@link MaskStyle#FULL}
     * @param keepFirst leading characters to keep, or -1 for the style's default
     * @param keepLast trailing characters (digits, for cards and phones) to keep, or -1 for the style's default
     * @param maskChar the character that replaces hidden ones
     * @return the masker
     */
    public static Masker of(MaskStyle style, int keepFirst, int keepLast, char maskChar) {
        switch (style) {
            case EMAIL:
                return maskChar == '*' && keepFirst < 0 ? EMAIL : email(maskChar, keepFirst < 0 ? 1 : keepFirst);
            case PHONE:
                return phone(keepLast, maskChar);
            case PAYMENT_CARD:
                return paymentCard(Math.max(keepFirst, 0), keepLast < 0 ? 4 : keepLast, maskChar);
            case IBAN:
                return maskChar == '*' ? IBAN : iban(maskChar);
            case NAME:
                return NAME;
            case POSTAL_ADDRESS:
                return maskChar == '*' ? ADDRESS : address(maskChar);
            case POSTCODE:
                return postcode(keepFirst, maskChar);
            case DATE:
                return maskChar == '*' ? DATE : date(maskChar);
            case IP_ADDRESS:
                return maskChar == '*' ? IP : ip(maskChar);
            case COORDINATES:
                return maskChar == '*' ? COORDINATES : coordinates(maskChar);
            case IDENTIFIER:
                return identifier(keepLast < 0 ? 4 : keepLast, maskChar);
            case PARTIAL:
                return partial(keepFirst < 0 ? 1 : keepFirst, Math.max(keepLast, 0), maskChar);
            default:
                return maskChar == '*' ? FULL : full(maskChar);
        }
    }

    /**
     * Returns the masker a classification declares: its style, counts and character.
     *
     * @param classification the field's classification
     * @return the masker
     */
    public static Masker of(Classification classification) {
        return of(classification.maskStyle(), classification.maskKeepFirst(), classification.maskKeepLast(),
                classification.maskChar());
    }

    /**
     * Keeps the first character of the local part and the domain: {@code j***@example.com}.
     *
     * @return the masker
     */
    public static Masker email() {
        return EMAIL;
    }

    private static Masker email(char maskChar) {
        return email(maskChar, 1);
    }

    private static Masker email(char maskChar, int keepFirst) {
        return new Styled(MaskStyle.EMAIL, keepFirst, -1, maskChar);
    }

    /**
     * Keeps the country code and the last digits (4 of 10 or more, 2 of 6 or more), and separators.
     *
     * @return the masker
     */
    public static Masker phone() {
        return PHONE;
    }

    private static Masker phone(int keepLast, char maskChar) {
        return new Styled(MaskStyle.PHONE, -1, keepLast, maskChar);
    }

    /**
     * Keeps the last four digits and the separators.
     *
     * @return the masker
     */
    public static Masker paymentCard() {
        return CARD;
    }

    /**
     * Keeps the last four digits and the separators, and the first six (the issuer number) when asked.
     *
     * @param keepIssuer whether to keep the first six digits
     * @return the masker
     */
    public static Masker paymentCard(boolean keepIssuer) {
        return keepIssuer ? CARD_BIN : CARD;
    }

    private static Masker paymentCard(int keepFirst, int keepLast, char maskChar) {
        return new Styled(MaskStyle.PAYMENT_CARD, keepFirst, keepLast, maskChar);
    }

    /**
     * Keeps the country code and the last four characters: {@code DE** **** **** **** **30 00}.
     *
     * @return the masker
     */
    public static Masker iban() {
        return IBAN;
    }

    private static Masker iban(char maskChar) {
        return new Styled(MaskStyle.IBAN, 2, 4, maskChar);
    }

    /**
     * Initials: {@code J. R. D.}.
     *
     * @return the masker
     */
    public static Masker name() {
        return NAME;
    }

    /**
     * Keeps the locality, the last comma-separated part: {@code ***, London}.
     *
     * @return the masker
     */
    public static Masker postalAddress() {
        return ADDRESS;
    }

    private static Masker address(char maskChar) {
        return new Styled(MaskStyle.POSTAL_ADDRESS, -1, -1, maskChar);
    }

    /**
     * Keeps the outward code ({@code SW1A ***}) or the first half ({@code 941**}).
     *
     * @return the masker
     */
    public static Masker postcode() {
        return POSTCODE;
    }

    private static Masker postcode(int keepFirst, char maskChar) {
        return new Styled(MaskStyle.POSTCODE, keepFirst, -1, maskChar);
    }

    /**
     * Keeps the year of a date: {@code 1990}. A value without a four-digit year is fully masked.
     *
     * @return the masker
     */
    public static Masker date() {
        return DATE;
    }

    private static Masker date(char maskChar) {
        return new Styled(MaskStyle.DATE, -1, -1, maskChar);
    }

    /**
     * Keeps the network of an IP address: {@code 192.168.1.*} (/24), {@code 2001:db8:85a3:*} (/48).
     * A value that is not an IP address is fully masked.
     *
     * @return the masker
     */
    public static Masker ipAddress() {
        return IP;
    }

    private static Masker ip(char maskChar) {
        return new Styled(MaskStyle.IP_ADDRESS, -1, -1, maskChar);
    }

    /**
     * Rounds coordinates to one decimal place (about 11 km): {@code 51.5,-0.1}.
     *
     * @return the masker
     */
    public static Masker coordinates() {
        return COORDINATES;
    }

    private static Masker coordinates(char maskChar) {
        return new Styled(MaskStyle.COORDINATES, -1, -1, maskChar);
    }

    /**
     * Keeps the last letters and digits of an identifier and its separators: {@code ***-**-6789}.
     *
     * @param keepLast how many trailing letters and digits to keep
     * @return the masker
     */
    public static Masker identifier(int keepLast) {
        return identifier(keepLast, '*');
    }

    private static Masker identifier(int keepLast, char maskChar) {
        return new Styled(MaskStyle.IDENTIFIER, 0, keepLast, maskChar);
    }

    /**
     * Keeps the first and last characters and replaces each other one with the mask character.
     *
     * @param keepFirst leading characters to keep
     * @param keepLast trailing characters to keep
     * @param maskChar the replacement character
     * @return the masker
     */
    public static Masker partial(int keepFirst, int keepLast, char maskChar) {
        if (keepFirst < 0 || keepLast < 0) {
            throw new IllegalArgumentException("keepFirst and keepLast must not be negative");
        }
        return new Styled(MaskStyle.PARTIAL, keepFirst, keepLast, maskChar);
    }

    /**
     * Keeps the first characters: {@code keepFirst(2)} turns {@code secret} into {@code se****}.
     *
     * @param count leading characters to keep
     * @return the masker
     */
    public static Masker keepFirst(int count) {
        return partial(count, 0, '*');
    }

    /**
     * Keeps the last characters: {@code keepLast(2)} turns {@code secret} into {@code ****et}.
     *
     * @param count trailing characters to keep
     * @return the masker
     */
    public static Masker keepLast(int count) {
        return partial(0, count, '*');
    }

    /**
     * Hides everything, length included: any value, even empty, becomes {@code ****}.
     *
     * @return the masker
     */
    public static Masker full() {
        return FULL;
    }

    private static Masker full(char maskChar) {
        return new Styled(MaskStyle.DEFAULT, -1, -1, maskChar, String.valueOf(maskChar).repeat(4));
    }

    /**
     * Replaces any value with {@link #REDACTED}.
     *
     * @return the masker
     */
    public static Masker redact() {
        return REDACT;
    }

    /**
     * Every built-in masker is one of these, so that a call site holding several of them (a
     * serializer's property writers, a log converter) sees one class and the JIT inlines the switch
     * instead of dispatching to one lambda class per style.
     */
    private static final class Styled implements Masker, AsciiMasker {
        private final MaskStyle style;
        private final int first;
        private final int last;
        private final char maskChar;
        /** What {@link MaskStyle#DEFAULT} writes: the full mask, or the redaction marker. */
        private final @Nullable String fixed;

        Styled(MaskStyle style, int first, int last, char maskChar) {
            this(style, first, last, maskChar, null);
        }

        Styled(MaskStyle style, int first, int last, char maskChar, @Nullable String fixed) {
            this.style = style;
            this.first = first;
            this.last = last;
            this.maskChar = maskChar;
            this.fixed = fixed;
        }

        @Override
        public @Nullable String mask(@Nullable String value) {
            if (value == null) {
                return null;
            }
            switch (style) {
                case EMAIL:
                    return MaskFunctions.email(value, first, maskChar);
                case PHONE:
                    return MaskFunctions.phone(value, last, maskChar);
                case PAYMENT_CARD:
                    return MaskFunctions.digits(value, first, last, maskChar);
                case IBAN:
                case IDENTIFIER:
                    return MaskFunctions.alphanumerics(value, first, last, maskChar);
                case NAME:
                    return MaskFunctions.initials(value);
                case POSTAL_ADDRESS:
                    return MaskFunctions.address(value, maskChar);
                case POSTCODE:
                    return MaskFunctions.postcode(value, first, maskChar);
                case DATE:
                    return MaskFunctions.year(value, maskChar);
                case IP_ADDRESS:
                    return MaskFunctions.ip(value, maskChar);
                case COORDINATES:
                    return MaskFunctions.coordinates(value, maskChar);
                case PARTIAL:
                    return MaskFunctions.partial(value, first, last, maskChar);
                case DEFAULT:
                    return fixed;
                default:
                    throw new AssertionError("no mask for style " + style); // a style added to MaskStyle but not here
            }
        }

        @Override
        public byte @Nullable [] maskToAscii(@Nullable String value) {
            if (value == null) {
                return null;
            }
            switch (style) {
                case EMAIL:
                    return MaskFunctions.emailAscii(value, first, maskChar);
                case PHONE:
                    return MaskFunctions.phoneAscii(value, last, maskChar);
                case PAYMENT_CARD:
                    return MaskFunctions.digitsAscii(value, first, last, maskChar);
                case NAME:
                    return MaskFunctions.printableAscii(MaskFunctions.latinInitials(value));
                default:
                    return null; // no byte form: a String made and converted would cost more than mask()
            }
        }

        @Override
        public String toString() {
            return "Masker[" + (fixed == null ? style : fixed.equals(REDACTED) ? "REDACT" : "FULL") + "]";
        }
    }
}
