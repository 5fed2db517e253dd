package org.privacykit.anonymize;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.NullUnmarked;
import org.privacykit.annotation.Operator;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.mask.Masker;
import org.privacykit.mask.Maskers;
import org.privacykit.metadata.Classification;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.pseudonym.Pseudonymizer;

/**
 * The operators, applied to one scalar value of one field. Built once per anonymizer; the
 * per-field parts (masker, pseudonym domain, bounds) are prepared once per property by
 * {@link #prepare(PropertyMetadata, Operator)}.
 */
@NullUnmarked // nullness to annotate: see NOTES.md
final class Transforms {
    /** What one operator does to the scalar values of one property. */
    interface ValueTransform {
        Object apply(Object value, String subjectId);
    }

    private static final long SECONDS_PER_DAY = 86_400L;

    private final Pseudonymizer pseudonymizer;
    private final Map<PersonalDataType, KeyedHash> fakeKeys = new EnumMap<>(PersonalDataType.class);
    private final KeyedHash shiftKey;
    private final KeyedHash noiseKey;
    private final DateGranularity granularity;
    private final int defaultMaxShiftDays;
    private final double defaultBucket;
    private final double noiseRatio;
    private final double gridDegrees;
    private final PseudonymScope scope;

    Transforms(Pseudonymizer pseudonymizer, DateGranularity granularity, int defaultMaxShiftDays, double defaultBucket,
               double noiseRatio, double gridDegrees, PseudonymScope scope) {
        this.pseudonymizer = pseudonymizer;
        for (PersonalDataType type : PersonalDataType.values()) {
            fakeKeys.put(type, new KeyedHash(pseudonymizer.deriveKey(type.name(), "fake")));
        }
        this.shiftKey = new KeyedHash(pseudonymizer.deriveKey("date-shift", "shift"));
        this.noiseKey = new KeyedHash(pseudonymizer.deriveKey("noise", "noise"));
        this.granularity = granularity;
        this.defaultMaxShiftDays = defaultMaxShiftDays;
        this.defaultBucket = defaultBucket;
        this.noiseRatio = noiseRatio;
        this.gridDegrees = gridDegrees;
        this.scope = scope;
    }

    // ------------------------------------------------------------------ preparation per property

    ValueTransform prepare(PropertyMetadata p, Operator op) {
        Classification c = p.classification();
        String where = p.qualifiedName();
        Class<?> element = p.elementClass();
        PersonalDataType type = c.typeOrNull();
        switch (op) {
            case KEEP:
                return (value, subject) -> value;
            case SUPPRESS:
                return (value, subject) -> null;
            case REDACT:
                return (value, subject) -> value instanceof CharSequence ? Maskers.REDACTED : null;
            case MASK: {
                requireKnown(where, op, element, String.class);
                Masker masker = Maskers.of(c);
                return (value, subject) -> {
                    if (value instanceof String) {
                        return masker.mask((String) value);
                    }
                    throw unsupported(where, op, value.getClass(), "text");
                };
            }
            case PSEUDONYMIZE: {
                requireKnown(where, op, element, String.class, UUID.class, Long.class, long.class, Integer.class,
                        int.class);
                // the field's name, or the context its @Encrypted declares (which survives renaming the field)
                String field = p.isEncrypted() ? p.encryption().context() : where;
                String domainName = scope == PseudonymScope.TYPE && type != null ? "type:" + type.name() : field;
                Pseudonymizer.Domain domain = pseudonymizer.domain(domainName);
                return (value, subject) -> pseudonym(domain, value, where);
            }
            case FAKE:
                return prepareFake(where, type, element);
            case GENERALIZE:
                return prepareGeneralize(where, c, element);
            case DATE_SHIFT: {
                requireTemporal(where, op, element);
                int max = c.maxShiftDays() > 0 ? c.maxShiftDays() : defaultMaxShiftDays;
                return (value, subject) -> shift(value, shiftDays(subject, where, value, max), where);
            }
            case NOISE: {
                requireNumber(where, op, element);
                double bound = c.bucket();
                return (value, subject) -> noise(value, bound, where, subject);
            }
            default:
                throw new AnonymizationException(where, "unknown operator " + op);
        }
    }

    private static boolean isNumber(Class<?> type) {
        return Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == short.class
                || type == byte.class || type == double.class || type == float.class;
    }

    private static boolean isTemporal(Class<?> type) {
        return type == LocalDate.class || type == LocalDateTime.class || type == OffsetDateTime.class
                || type == ZonedDateTime.class || type == Instant.class || Date.class.isAssignableFrom(type)
                || type == String.class;
    }

    /** Rejects, at plan time, an element type the operator can never handle; {@code Object} is decided per value. */
    private static void requireKnown(String where, Operator op, Class<?> element, Class<?>... accepted) {
        if (element == Object.class || element == CharSequence.class || element == Comparable.class
                || element == java.io.Serializable.class) {
            return;
        }
        for (Class<?> a : accepted) {
            if (a == element) {
                return;
            }
        }
        throw unsupported(where, op, element, describe(accepted));
    }

    private static void requireTemporal(String where, Operator op, Class<?> element) {
        if (!isTemporal(element) && element != Object.class) {
            throw unsupported(where, op, element, "dates and times (LocalDate, LocalDateTime, OffsetDateTime,"
                    + " ZonedDateTime, Instant, Date) or ISO-8601 text");
        }
    }

    private static void requireNumber(String where, Operator op, Class<?> element) {
        if (!isNumber(element) && element != Object.class) {
            throw unsupported(where, op, element, "numbers");
        }
    }

    private static String describe(Class<?>[] accepted) {
        StringBuilder out = new StringBuilder();
        for (Class<?> a : accepted) {
            if (a.isPrimitive()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(a == String.class ? "text" : a.getSimpleName());
        }
        return out.toString();
    }

    static AnonymizationException unsupported(String where, Operator op, Class<?> type, String accepted) {
        String hint;
        if (type == LocalDate.class || type == LocalDateTime.class || type == Instant.class) {
            hint = "; use GENERALIZE or DATE_SHIFT";
        } else if (isNumber(type)) {
            hint = "; use GENERALIZE or NOISE";
        } else if (type.isEnum() || type == Boolean.class || type == boolean.class) {
            hint = "; use SUPPRESS or KEEP";
        } else if (PrivacyMetadata.isNavigable(type)) {
            hint = "; classify the fields of " + type.getSimpleName() + " instead, or use SUPPRESS";
        } else {
            hint = "; use SUPPRESS or REDACT";
        }
        return new AnonymizationException(where, op + " applies to " + accepted + ", not to "
                + type.getSimpleName() + hint);
    }

    // ------------------------------------------------------------------ PSEUDONYMIZE

    private static Object pseudonym(Pseudonymizer.Domain domain, Object value, String where) {
        if (value instanceof String) {
            return domain.pseudonymize((String) value);
        }
        if (value instanceof UUID) {
            UUID uuid = (UUID) value;
            ByteBuffer in = ByteBuffer.allocate(21).put("uuid:".getBytes(StandardCharsets.US_ASCII));
            in.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            ByteBuffer mac = ByteBuffer.wrap(domain.mac(in.array()));
            long msb = (mac.getLong() & ~0xF000L) | 0x8000L;                // version 8: custom (RFC 9562)
            long lsb = (mac.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // RFC 4122 variant
            return new UUID(msb, lsb);
        }
        if (value instanceof Long || value instanceof Integer) {
            byte[] mac = domain.mac(("number:" + value).getBytes(StandardCharsets.US_ASCII));
            long v = ByteBuffer.wrap(mac).getLong() & Long.MAX_VALUE;
            return value instanceof Long ? (Object) v : (Object) (int) (v & Integer.MAX_VALUE);
        }
        throw unsupported(where, Operator.PSEUDONYMIZE, value.getClass(), "text, UUID, Long, Integer");
    }

    // ------------------------------------------------------------------ FAKE

    private ValueTransform prepareFake(String where, PersonalDataType type, Class<?> element) {
        if (type == null) {
            throw new AnonymizationException(where, "FAKE needs a personal data type; a secret is suppressed");
        }
        boolean dates = type == PersonalDataType.DATE_OF_BIRTH;
        switch (type) {
            case NAME: case EMAIL: case PHONE: case POSTAL_ADDRESS: case POSTCODE: case PAYMENT_CARD: case IBAN:
            case DATE_OF_BIRTH: case IP_ADDRESS: case USERNAME: case NATIONAL_ID: case PASSPORT: case BANK_ACCOUNT:
            case DEVICE_ID:
                break;
            default:
                throw new AnonymizationException(where, "FAKE has no generator for " + type
                        + "; use SUPPRESS, REDACT or PSEUDONYMIZE");
        }
        if (dates) {
            requireKnown(where, Operator.FAKE, element, String.class, LocalDate.class);
        } else {
            requireKnown(where, Operator.FAKE, element, String.class);
        }
        return (value, subject) -> {
            if (value instanceof String) {
                return fake(type, (String) value);
            }
            if (dates && value instanceof LocalDate) {
                return fakeDate((LocalDate) value);
            }
            throw unsupported(where, Operator.FAKE, value.getClass(), dates ? "text, LocalDate" : "text");
        };
    }

    String fake(PersonalDataType type, String original) {
        if (original.isEmpty()) {
            return original;
        }
        String key = normalize(type, original);
        if (type == PersonalDataType.DATE_OF_BIRTH) {
            return fakeDate(key).toString();
        }
        KeyedHash hash = fakeKeys.get(type);
        for (int attempt = 0; ; attempt++) {
            KeyedHash.Draws d = hash.draws(key + "\u0000" + attempt);
            String fake;
            switch (type) {
                case NAME:
                    fake = Fakes.name(d, original);
                    break;
                case EMAIL:
                    fake = Fakes.email(d);
                    break;
                case PHONE:
                    fake = Fakes.phone(d, original);
                    break;
                case POSTAL_ADDRESS:
                    fake = Fakes.postalAddress(d, original);
                    break;
                case PAYMENT_CARD:
                    fake = Fakes.paymentCard(d, original);
                    break;
                case IBAN:
                    fake = Fakes.iban(d, original);
                    break;
                case IP_ADDRESS:
                    fake = Fakes.ipAddress(d, original);
                    break;
                case USERNAME:
                    fake = Fakes.username(d);
                    break;
                case NATIONAL_ID:
                    fake = Fakes.nationalId(d, original);
                    break;
                default:
                    fake = Fakes.sameShape(d, original);
                    break;
            }
            if (!normalize(type, fake).equals(key) || attempt == 16) {
                return fake;
            }
        }
    }

    private LocalDate fakeDate(LocalDate original) {
        return fakeDate(original.toString());
    }

    private LocalDate fakeDate(String key) {
        KeyedHash hash = fakeKeys.get(PersonalDataType.DATE_OF_BIRTH);
        for (int attempt = 0; ; attempt++) {
            LocalDate fake = Fakes.dateOfBirth(hash.draws(key + "\u0000" + attempt));
            if (!fake.toString().equals(key) || attempt == 16) {
                return fake;
            }
        }
    }

    /** The form two spellings of one value share, so they get one fake. */
    static String normalize(PersonalDataType type, String value) {
        String trimmed = value.trim();
        switch (type) {
            case EMAIL: case USERNAME: case IP_ADDRESS:
                return trimmed.toLowerCase(Locale.ROOT);
            case PHONE: case PAYMENT_CARD:
                return Fakes.digitsOf(trimmed);
            case IBAN: case POSTCODE: case NATIONAL_ID: case PASSPORT:
                return trimmed.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
            case NAME: case POSTAL_ADDRESS:
                return collapseSpaces(trimmed).toLowerCase(Locale.ROOT);
            case DATE_OF_BIRTH:
                try {
                    return LocalDate.parse(trimmed).toString();
                } catch (DateTimeException e) {
                    return trimmed;
                }
            default:
                return trimmed;
        }
    }

    /** One space for each run of whitespace. */
    private static String collapseSpaces(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ GENERALIZE

    private ValueTransform prepareGeneralize(String where, Classification c, Class<?> element) {
        PersonalDataType type = c.typeOrNull();
        double bucket = c.bucket() > 0 ? c.bucket() : type == PersonalDataType.GEOLOCATION ? gridDegrees : defaultBucket;
        int keepPrefix = c.keepPrefix();
        boolean generalizableText = type == PersonalDataType.POSTCODE || type == PersonalDataType.DATE_OF_BIRTH
                || type == PersonalDataType.GEOLOCATION || type == PersonalDataType.IP_ADDRESS || keepPrefix > 0;
        if (!isTemporal(element) && !isNumber(element) && element != Object.class && element != YearMonth.class
                && element != Year.class && element != double[].class) {
            throw unsupported(where, Operator.GENERALIZE, element, "dates, numbers, postcodes, coordinates,"
                    + " IP addresses, or text with keepPrefix");
        }
        if (element == String.class && !generalizableText) {
            // numeric text is decided per value
            return (value, subject) -> generalizeNumericText(where, (String) value, bucket);
        }
        return (value, subject) -> generalize(where, type, value, bucket, keepPrefix);
    }

    private Object generalize(String where, PersonalDataType type, Object value, double bucket, int keepPrefix) {
        if (value instanceof String) {
            String s = (String) value;
            if (type == PersonalDataType.POSTCODE || (keepPrefix > 0 && type != PersonalDataType.DATE_OF_BIRTH
                    && type != PersonalDataType.GEOLOCATION && type != PersonalDataType.IP_ADDRESS)) {
                return prefix(s, keepPrefix);
            }
            if (type == PersonalDataType.DATE_OF_BIRTH) {
                return generalizeDateText(where, s);
            }
            if (type == PersonalDataType.GEOLOCATION) {
                return grid(where, s, bucket);
            }
            if (type == PersonalDataType.IP_ADDRESS) {
                return network(where, s);
            }
            return generalizeNumericText(where, s, bucket);
        }
        if (value instanceof double[]) {
            double[] in = (double[]) value;
            double[] out = new double[in.length];
            for (int i = 0; i < in.length; i++) {
                out[i] = floorTo(in[i], bucket);
            }
            return out;
        }
        if (value instanceof Number) {
            return floorNumber((Number) value, bucket);
        }
        Object truncated = truncate(value);
        if (truncated == null) {
            throw unsupported(where, Operator.GENERALIZE, value.getClass(), "dates, numbers, postcodes, coordinates,"
                    + " IP addresses, or text with keepPrefix");
        }
        return truncated;
    }

    /** Keeps the first {@code keep} letters and digits (default: the outward code, or half), masks the rest. */
    static String prefix(String value, int keep) {
        String s = value.trim();
        int count = keep;
        if (count <= 0) {
            int space = s.indexOf(' ');
            count = space > 0 ? space : (s.length() + 1) / 2;
        }
        StringBuilder out = new StringBuilder(s.length());
        int kept = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(kept < count ? c : '*');
                kept++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private Object generalizeDateText(String where, String s) {
        try {
            LocalDate date = LocalDate.parse(s.trim());
            return granularity == DateGranularity.YEAR ? Integer.toString(date.getYear())
                    : YearMonth.from(date).toString();
        } catch (DateTimeException e) {
            throw new AnonymizationException(where, "GENERALIZE needs an ISO-8601 date (yyyy-MM-dd) in this text field");
        }
    }

    private static String grid(String where, String s, double cell) {
        String[] parts = s.trim().split("\\s*[,; ]\\s*", -1);
        if (parts.length != 2) {
            throw new AnonymizationException(where, "GENERALIZE needs coordinates as 'latitude,longitude'");
        }
        try {
            int scale = Math.max(0, BigDecimal.valueOf(cell).stripTrailingZeros().scale());
            double lat = floorTo(Double.parseDouble(parts[0]), cell);
            double lon = floorTo(Double.parseDouble(parts[1]), cell);
            return BigDecimal.valueOf(lat).setScale(scale, RoundingMode.HALF_UP).toPlainString() + ","
                    + BigDecimal.valueOf(lon).setScale(scale, RoundingMode.HALF_UP).toPlainString();
        } catch (NumberFormatException e) {
            throw new AnonymizationException(where, "GENERALIZE needs coordinates as 'latitude,longitude'");
        }
    }

    private static String network(String where, String s) {
        String ip = s.trim();
        if (ip.indexOf(':') < 0) {
            String[] parts = ip.split("\\.", -1);
            if (parts.length == 4) {
                return parts[0] + "." + parts[1] + "." + parts[2] + ".0/24";
            }
            throw new AnonymizationException(where, "GENERALIZE needs an IPv4 or IPv6 address");
        }
        String[] hextets = ip.split(":", -1);
        if (hextets.length >= 3 && !hextets[0].isEmpty() && !hextets[1].isEmpty() && !hextets[2].isEmpty()) {
            return hextets[0].toLowerCase(Locale.ROOT) + ":" + hextets[1].toLowerCase(Locale.ROOT) + ":"
                    + hextets[2].toLowerCase(Locale.ROOT) + "::/48";
        }
        if (hextets.length >= 2 && !hextets[0].isEmpty()) {
            return hextets[0].toLowerCase(Locale.ROOT) + "::/16";
        }
        throw new AnonymizationException(where, "GENERALIZE needs an IPv4 or IPv6 address");
    }

    private static String generalizeNumericText(String where, String s, double bucket) {
        BigDecimal value;
        try {
            value = new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw new AnonymizationException(where, "GENERALIZE has no rule for this text; declare the type"
                    + " (POSTCODE, DATE_OF_BIRTH, GEOLOCATION, IP_ADDRESS), a keepPrefix, or use another operator");
        }
        BigDecimal width = BigDecimal.valueOf(bucket);
        BigDecimal low = value.divide(width, 0, RoundingMode.FLOOR).multiply(width);
        boolean integral = value.stripTrailingZeros().scale() <= 0 && width.stripTrailingZeros().scale() <= 0;
        if (integral) {
            BigDecimal high = low.add(width).subtract(BigDecimal.ONE);
            return low.stripTrailingZeros().toPlainString() + "-" + high.stripTrailingZeros().toPlainString();
        }
        return low.stripTrailingZeros().toPlainString() + "-" + low.add(width).stripTrailingZeros().toPlainString();
    }

    private static double floorTo(double value, double cell) {
        return Math.floor(value / cell) * cell;
    }

    private static Number floorNumber(Number value, double bucket) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long width = Math.max(1, Math.round(bucket));
            long floored = Math.floorDiv(value.longValue(), width) * width;
            return narrow(value, floored);
        }
        if (value instanceof Double) {
            return floorTo(value.doubleValue(), bucket);
        }
        if (value instanceof Float) {
            return (float) floorTo(value.doubleValue(), bucket);
        }
        BigDecimal width = BigDecimal.valueOf(bucket);
        if (value instanceof BigInteger) {
            BigInteger w = width.toBigInteger().max(BigInteger.ONE);
            BigInteger v = (BigInteger) value;
            BigInteger[] qr = v.divideAndRemainder(w);
            BigInteger q = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
            return q.multiply(w);
        }
        BigDecimal v = value instanceof BigDecimal ? (BigDecimal) value : new BigDecimal(value.toString());
        return v.divide(width, 0, RoundingMode.FLOOR).multiply(width)
                .setScale(Math.max(0, Math.max(v.scale(), width.stripTrailingZeros().scale())), RoundingMode.FLOOR);
    }

    private static Number narrow(Number like, long value) {
        if (like instanceof Integer) {
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
        }
        if (like instanceof Short) {
            return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value));
        }
        if (like instanceof Byte) {
            return (byte) Math.max(Byte.MIN_VALUE, Math.min(Byte.MAX_VALUE, value));
        }
        return value;
    }

    private Object truncate(Object value) {
        boolean year = granularity == DateGranularity.YEAR;
        if (value instanceof LocalDate) {
            LocalDate d = (LocalDate) value;
            return year ? d.withDayOfYear(1) : d.withDayOfMonth(1);
        }
        if (value instanceof LocalDateTime) {
            LocalDateTime d = ((LocalDateTime) value).truncatedTo(ChronoUnit.DAYS);
            return year ? d.withDayOfYear(1) : d.withDayOfMonth(1);
        }
        if (value instanceof OffsetDateTime) {
            OffsetDateTime d = ((OffsetDateTime) value).truncatedTo(ChronoUnit.DAYS);
            return year ? d.withDayOfYear(1) : d.withDayOfMonth(1);
        }
        if (value instanceof ZonedDateTime) {
            ZonedDateTime d = ((ZonedDateTime) value).truncatedTo(ChronoUnit.DAYS);
            return year ? d.withDayOfYear(1) : d.withDayOfMonth(1);
        }
        if (value instanceof Instant) {
            return ((OffsetDateTime) truncate(((Instant) value).atOffset(ZoneOffset.UTC))).toInstant();
        }
        if (value instanceof YearMonth) {
            return year ? ((YearMonth) value).withMonth(1) : value;
        }
        if (value instanceof Year) {
            return value;
        }
        if (value instanceof Date && value.getClass() == Date.class) {
            Instant truncated = (Instant) truncate(((Date) value).toInstant());
            return Date.from(truncated);
        }
        return null;
    }

    // ------------------------------------------------------------------ DATE_SHIFT

    /** A shift of 1 to {@code max} days either way, never zero: per subject, or per field and value without one. */
    int shiftDays(String subject, String where, Object value, int max) {
        KeyedHash.Draws d = subject != null ? shiftKey.draws("subject\u0000" + subject)
                : shiftKey.draws("field\u0000" + where + "\u0000" + value);
        int r = d.nextInt(2 * max);
        return r < max ? -(r + 1) : r - max + 1;
    }

    @SuppressWarnings("JavaUtilDate") // shifts the Date values users' classes hold
    private static Object shift(Object value, int days, String where) {
        if (value instanceof LocalDate) {
            return ((LocalDate) value).plusDays(days);
        }
        if (value instanceof LocalDateTime) {
            return ((LocalDateTime) value).plusDays(days);
        }
        if (value instanceof OffsetDateTime) {
            return ((OffsetDateTime) value).plusDays(days);
        }
        if (value instanceof ZonedDateTime) {
            return ((ZonedDateTime) value).plusDays(days);
        }
        if (value instanceof Instant) {
            return ((Instant) value).plusSeconds(days * SECONDS_PER_DAY);
        }
        if (value instanceof Date && value.getClass() == Date.class) {
            return new Date(((Date) value).getTime() + days * SECONDS_PER_DAY * 1000);
        }
        if (value instanceof String) {
            String s = ((String) value).trim();
            try {
                return LocalDate.parse(s).plusDays(days).toString();
            } catch (DateTimeException notADate) {
                try {
                    return LocalDateTime.parse(s).plusDays(days).toString();
                } catch (DateTimeException notALocalDateTime) {
                    try {
                        return OffsetDateTime.parse(s).plusDays(days).toString();
                    } catch (DateTimeException notAnOffsetDateTime) {
                        throw new AnonymizationException(where, "DATE_SHIFT needs an ISO-8601 date or date-time"
                                + " in this text field");
                    }
                }
            }
        }
        throw unsupported(where, Operator.DATE_SHIFT, value.getClass(), "dates and times or ISO-8601 text");
    }

    // ------------------------------------------------------------------ NOISE

    private Object noise(Object value, double declaredBound, String where, String subject) {
        if (!(value instanceof Number)) {
            throw unsupported(where, Operator.NOISE, value.getClass(), "numbers");
        }
        Number n = (Number) value;
        KeyedHash.Draws d = noiseKey.draws(where + "\u0000" + (subject == null ? "" : subject) + "\u0000" + value);
        double magnitude = Math.abs(n.doubleValue());
        double bound = declaredBound > 0 ? declaredBound : noiseRatio * (magnitude == 0 ? 1 : magnitude);
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger) {
            long b = Math.max(1, Math.round(bound));
            long r = Long.remainderUnsigned(d.nextLong(), 2 * b);
            long delta = r < b ? -(r + 1) : r - b + 1;
            if (n instanceof BigInteger) {
                return ((BigInteger) n).add(BigInteger.valueOf(delta));
            }
            return narrow(n, Math.addExact(n.longValue(), delta));
        }
        double u = d.nextDouble() * 2 - 1;
        double delta = u == 0 ? bound / 2 : u * bound;
        if (n instanceof Double) {
            return n.doubleValue() + delta;
        }
        if (n instanceof Float) {
            return (float) (n.doubleValue() + delta);
        }
        BigDecimal v = n instanceof BigDecimal ? (BigDecimal) n : new BigDecimal(n.toString());
        int scale = Math.max(0, v.scale());
        BigDecimal change = BigDecimal.valueOf(delta).setScale(scale, RoundingMode.HALF_UP);
        if (change.signum() == 0) {
            change = BigDecimal.ONE.movePointLeft(scale);
        }
        return v.add(change);
    }

    // ------------------------------------------------------------------ subject ids

    Object pseudonymizeSubjectId(Object value, String where) {
        if (value instanceof String || value instanceof UUID || value instanceof Long || value instanceof Integer) {
            return pseudonym(pseudonymizer.domain("@SubjectId"), value, where);
        }
        return null;
    }

    /** The value a primitive property takes when its value is dropped. */
    static Object zero(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == double.class) {
            return 0d;
        }
        return null;
    }
}
