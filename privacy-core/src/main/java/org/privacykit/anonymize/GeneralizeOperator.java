package org.privacykit.anonymize;

import static org.privacykit.anonymize.Transforms.isNumber;
import static org.privacykit.anonymize.Transforms.isTemporal;
import static org.privacykit.anonymize.Transforms.narrow;
import static org.privacykit.anonymize.Transforms.unsupported;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
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
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.Operator;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.metadata.Classification;

/**
 * GENERALIZE: dates to the year or month; numbers to the lower bound of a range; postcodes and
 * codes to a prefix; coordinates to a grid; IP addresses to their network.
 */
final class GeneralizeOperator {
    private final DateGranularity granularity;
    private final double defaultBucket;
    private final double gridDegrees;

    GeneralizeOperator(DateGranularity granularity, double defaultBucket, double gridDegrees) {
        this.granularity = granularity;
        this.defaultBucket = defaultBucket;
        this.gridDegrees = gridDegrees;
    }

    Transforms.ValueTransform prepare(String where, Classification c, Class<?> element) {
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

    private @Nullable Object truncate(Object value) {
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
            OffsetDateTime utc = ((Instant) value).atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
            return (year ? utc.withDayOfYear(1) : utc.withDayOfMonth(1)).toInstant();
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
}
