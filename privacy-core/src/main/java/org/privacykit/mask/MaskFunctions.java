package org.privacykit.mask;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** The masking algorithms behind {@link Maskers}. All work on code points and never throw. */
final class MaskFunctions {
    /** E.164 calling codes of one digit (1, 7) and of two, by value: {@code CALLING_CODE[44]} is true. */
    private static final boolean[] CALLING_CODE = new boolean[100];

    static {
        for (int code : new int[] {1, 7, 20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51,
            52, 53, 54, 55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98}) {
            CALLING_CODE[code] = true;
        }
    }

    private MaskFunctions() {
    }

    /**
     * Adjusts requested counts so that at least a third of {@code n} units stay hidden, taking from
     * the leading count first. Returns both counts in one {@code long} (see {@link #first} and
     * {@link #last}), so that no array is allocated per masked value.
     */
    static long keep(int n, int first, int last) {
        int minHidden = (n + 2) / 3;
        int f = Math.max(0, Math.min(first, n));
        int l = Math.max(0, Math.min(last, n));
        int excess = f + l - (n - minHidden);
        if (excess > 0) {
            int fromFirst = Math.min(f, excess);
            f -= fromFirst;
            l -= excess - fromFirst;
        }
        return ((long) f << 32) | l;
    }

    /** The leading count of a {@link #keep} result. */
    static int first(long kept) {
        return (int) (kept >>> 32);
    }

    /** The trailing count of a {@link #keep} result. */
    static int last(long kept) {
        return (int) kept;
    }

    static String fixed(char maskChar, int count) {
        return String.valueOf(maskChar).repeat(count);
    }

    static String partial(String value, int first, int last, char maskChar) {
        int n = value.codePointCount(0, value.length());
        long k = keep(n, first, last);
        int headEnd = value.offsetByCodePoints(0, first(k));
        int tailStart = last(k) == 0 ? value.length() : value.offsetByCodePoints(value.length(), -last(k));
        int hidden = n - first(k) - last(k);
        char[] out = new char[headEnd + hidden + (value.length() - tailStart)];
        value.getChars(0, headEnd, out, 0);
        java.util.Arrays.fill(out, headEnd, headEnd + hidden, maskChar);
        value.getChars(tailStart, value.length(), out, headEnd + hidden);
        return new String(out);
    }

    static String email(String value, int keepFirst, char maskChar) {
        int at = value.lastIndexOf('@');
        boolean isEmail = at > 0 && at < value.length() - 1;
        int localEnd = isEmail ? at : value.length();
        int kept = emailKept(value.codePointCount(0, localEnd), isEmail, keepFirst);
        int keptEnd = value.offsetByCodePoints(0, kept);
        int domain = isEmail ? value.length() - at : 0;
        char[] out = new char[keptEnd + 3 + domain];
        value.getChars(0, keptEnd, out, 0);
        out[keptEnd] = maskChar;
        out[keptEnd + 1] = maskChar;
        out[keptEnd + 2] = maskChar;
        value.getChars(value.length() - domain, value.length(), out, keptEnd + 3);
        return new String(out);
    }

    /** How many code points of the local part (of the whole text when it is no address) stay clear. */
    private static int emailKept(int localLength, boolean isEmail, int keepFirst) {
        return Math.min(keepFirst, isEmail ? localLength / 2 : localLength / 4);
    }

    /**
     * {@link #email} for printable US-ASCII text and mask character, as bytes; {@code null} for
     * other text.
     */
    static byte @Nullable [] emailAscii(String value, int keepFirst, char maskChar) {
        if (maskChar < 0x20 || maskChar > 0x7E) {
            return null;
        }
        int at = -1;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return null;
            }
            if (c == '@') {
                at = i;
            }
        }
        boolean isEmail = at > 0 && at < value.length() - 1;
        int localEnd = isEmail ? at : value.length();
        int kept = emailKept(localEnd, isEmail, keepFirst); // one char per code point in ASCII
        int domain = isEmail ? value.length() - at : 0;
        byte[] out = new byte[kept + 3 + domain];
        for (int i = 0; i < kept; i++) {
            out[i] = (byte) value.charAt(i);
        }
        out[kept] = (byte) maskChar;
        out[kept + 1] = (byte) maskChar;
        out[kept + 2] = (byte) maskChar;
        for (int i = 0, from = value.length() - domain; i < domain; i++) {
            out[kept + 3 + i] = (byte) value.charAt(from + i);
        }
        return out;
    }

    private static boolean isSeparator(int cp) {
        return cp == ' ' || cp == '-' || cp == '.' || cp == '/';
    }

    private static int countDigits(String value) {
        int n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                n++;
            }
        }
        return n;
    }

    static String digits(String value, int keepFirst, int keepLast, char maskChar) {
        int n = countDigits(value);
        return keepDigits(value, n, keep(n, keepFirst, keepLast), maskChar, false);
    }

    static byte @Nullable [] digitsAscii(String value, int keepFirst, int keepLast, char maskChar) {
        int n = countDigits(value);
        return printableAscii(latinDigits(value, n, keep(n, keepFirst, keepLast), maskChar, false));
    }

    /**
     * Keeps the digits whose index is in the kept ranges and the separators; every other digit and
     * every other code point becomes one mask character.
     */
    private static String keepDigits(String value, int n, long k, char maskChar, boolean phone) {
        byte[] latin = latinDigits(value, n, k, maskChar, phone);
        if (latin != null) {
            return new String(latin, StandardCharsets.ISO_8859_1); // one copy
        }
        int keepFirst = first(k);
        int keepFrom = n - last(k);
        char[] out = new char[value.length()];
        int length = 0;
        int digit = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                out[length++] = digit < keepFirst || digit >= keepFrom ? c : maskChar;
                digit++;
            } else if (isSeparator(c) || (phone && (c == '+' || c == '(' || c == ')'))) {
                out[length++] = c;
            } else {
                out[length++] = maskChar;
                if (Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                }
            }
        }
        return new String(out, 0, length);
    }

    /**
     * {@link #keepDigits} for the common case, Latin-1 text and mask character: one byte per
     * character; {@code null} when the text or the mask character is outside Latin-1.
     */
    private static byte @Nullable [] latinDigits(String value, int n, long k, char maskChar, boolean phone) {
        if (maskChar >= 0x100) {
            return null;
        }
        int keepFirst = first(k);
        int keepFrom = n - last(k);
        byte[] latin = new byte[value.length()];
        int digit = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                latin[i] = (byte) (digit < keepFirst || digit >= keepFrom ? c : maskChar);
                digit++;
            } else if (isSeparator(c) || (phone && (c == '+' || c == '(' || c == ')'))) {
                latin[i] = (byte) c;
            } else if (c < 0x100) {
                latin[i] = (byte) maskChar;
            } else {
                return null;
            }
        }
        return latin;
    }

    /** Returns the bytes when each is printable US-ASCII (0x20 to 0x7E), else {@code null}. */
    static byte @Nullable [] printableAscii(byte @Nullable [] bytes) {
        if (bytes == null) {
            return null;
        }
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7E) {
                return null;
            }
        }
        return bytes;
    }

    static String phone(String value, int keepLast, char maskChar) {
        int n = countDigits(value);
        return keepDigits(value, n, phoneKept(value, n, keepLast), maskChar, true);
    }

    static byte @Nullable [] phoneAscii(String value, int keepLast, char maskChar) {
        int n = countDigits(value);
        return printableAscii(latinDigits(value, n, phoneKept(value, n, keepLast), maskChar, true));
    }

    /** The digits a phone mask keeps: the calling code, and the last few (see {@link #keep}). */
    private static long phoneKept(String value, int n, int keepLast) {
        int start = 0;
        while (start < value.length() && Character.isWhitespace(value.charAt(start))) {
            start++;
        }
        int countryCode = 0;
        if (start < value.length() && value.charAt(start) == '+') {
            countryCode = callingCodeLength(value, nthDigit(value, 0), n);
        } else if (n > 2 && start < value.length() && value.charAt(start) == '0') {
            int first = nthDigit(value, 0);
            int second = nthDigit(value, 1);
            if (value.charAt(first) == '0' && value.charAt(second) == '0') {
                countryCode = 2 + callingCodeLength(value, nthDigit(value, 2), n - 2);
            }
        }
        int last = keepLast >= 0 ? keepLast : n >= 10 ? 4 : n >= 6 ? 2 : 0;
        return keep(n, countryCode, last);
    }

    /** Index in value of the digit with the given ordinal, or value.length() when there is none. */
    private static int nthDigit(String value, int ordinal) {
        int seen = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9' && seen++ == ordinal) {
                return i;
            }
        }
        return value.length();
    }

    /** Length of the E.164 calling code whose first digit is at index from; digits: how many digits remain. */
    private static int callingCodeLength(String value, int from, int digits) {
        if (digits < 1 || from >= value.length()) {
            return 0;
        }
        int one = value.charAt(from) - '0';
        if (CALLING_CODE[one] || digits < 2) {
            return 1;
        }
        int second = nthDigitAfter(value, from);
        return CALLING_CODE[one * 10 + (value.charAt(second) - '0')] ? 2 : Math.min(3, digits);
    }

    private static int nthDigitAfter(String value, int index) {
        for (int i = index + 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                return i;
            }
        }
        return index;
    }

    static String alphanumerics(String value, int keepFirst, int keepLast, char maskChar) {
        int n = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                n++;
            }
            i += Character.charCount(cp);
        }
        long k = keep(n, keepFirst, keepLast);
        int kept = first(k);
        int keepFrom = n - last(k);
        StringBuilder out = new StringBuilder(value.length());
        int unit = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (unit < kept || unit >= keepFrom) {
                    out.appendCodePoint(cp);
                } else {
                    out.append(maskChar);
                }
                unit++;
            } else if (isSeparator(cp)) {
                out.append((char) cp);
            } else {
                out.append(maskChar);
            }
        }
        return out.toString();
    }

    static String initials(String value) {
        byte[] latin = latinInitials(value);
        if (latin != null) {
            return new String(latin, StandardCharsets.ISO_8859_1);
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), 32));
        boolean inWord = false;
        boolean afterHyphen = false;
        int i = 0;
        while (i < value.length()) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                inWord = false;
                afterHyphen = false;
            } else if (cp == '-') {
                if (inWord) {
                    afterHyphen = true;
                }
            } else if (!inWord || afterHyphen) {
                if (afterHyphen) {
                    out.append('-');
                } else if (out.length() > 0) {
                    out.append(' ');
                }
                out.appendCodePoint(cp).append('.');
                inWord = true;
                afterHyphen = false;
            }
        }
        return out.toString();
    }

    /**
     * {@link #initials} for Latin-1 text, written as bytes (an initial is preceded by a separator,
     * so a text of n characters has at most (n + 1) / 2 of them, each written in 3 bytes at most);
     * {@code null} when the text has other characters.
     */
    static byte @Nullable [] latinInitials(String value) {
        byte[] out = new byte[3 * ((value.length() + 1) / 2)];
        int length = 0;
        boolean inWord = false;
        boolean afterHyphen = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x100) {
                return null;
            }
            if (Character.isWhitespace(c)) {
                inWord = false;
                afterHyphen = false;
            } else if (c == '-') {
                if (inWord) {
                    afterHyphen = true;
                }
            } else if (!inWord || afterHyphen) {
                if (afterHyphen) {
                    out[length++] = '-';
                } else if (length > 0) {
                    out[length++] = ' ';
                }
                out[length++] = (byte) c;
                out[length++] = '.';
                inWord = true;
                afterHyphen = false;
            }
        }
        return java.util.Arrays.copyOf(out, length);
    }

    static String address(String value, char maskChar) {
        int cut = Math.max(value.lastIndexOf(','), value.lastIndexOf('\n'));
        if (cut > 0) {
            String locality = value.substring(cut + 1).trim();
            String before = value.substring(0, cut).trim();
            if (!locality.isEmpty() && !before.isEmpty()) {
                return fixed(maskChar, 3) + ", " + locality;
            }
        }
        return fixed(maskChar, 4);
    }

    static String postcode(String value, int keepFirst, char maskChar) {
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            return trimmed;
        }
        int space = -1;
        for (int i = 0; i < trimmed.length(); i++) {
            if (Character.isWhitespace(trimmed.charAt(i))) {
                space = i;
                break;
            }
        }
        if (space > 0 && keepFirst < 0) {
            String outward = trimmed.substring(0, space);
            int outwardLength = outward.codePointCount(0, outward.length());
            int total = trimmed.codePointCount(0, trimmed.length());
            if (first(keep(total, outwardLength, 0)) == outwardLength) {
                return outward + " " + fixed(maskChar, 3);
            }
        }
        int n = trimmed.codePointCount(0, trimmed.length());
        int wanted = keepFirst >= 0 ? keepFirst : (n + 1) / 2;
        return partial(trimmed, wanted, 0, maskChar);
    }

    static String year(String value, char maskChar) {
        int run = 0;
        for (int i = 0; i <= value.length(); i++) {
            char c = i < value.length() ? value.charAt(i) : ' ';
            if (c >= '0' && c <= '9') {
                run++;
            } else {
                if (run == 4) {
                    return value.substring(i - 4, i);
                }
                run = 0;
            }
        }
        return fixed(maskChar, 4);
    }

    static String ip(String value, char maskChar) {
        String s = value.trim();
        if (s.startsWith("[") && s.endsWith("]") && s.length() > 2) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        if (s.indexOf(':') < 0) {
            int[] v4 = ipv4(s);
            return v4 == null ? fixed(maskChar, 4) : v4[0] + "." + v4[1] + "." + v4[2] + "." + maskChar;
        }
        if (s.indexOf('.') >= 0) {
            String lower = s.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("::ffff:")) {
                int[] v4 = ipv4(s.substring(7));
                if (v4 != null) {
                    return "::ffff:" + v4[0] + "." + v4[1] + "." + v4[2] + "." + maskChar;
                }
            }
            return fixed(maskChar, 4);
        }
        int[] hextets = ipv6(s);
        if (hextets == null) {
            return fixed(maskChar, 4);
        }
        return Integer.toHexString(hextets[0]) + ":" + Integer.toHexString(hextets[1]) + ":"
                + Integer.toHexString(hextets[2]) + ":" + maskChar;
    }

    private static int @Nullable [] ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] out = new int[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3) {
                return null;
            }
            int v = 0;
            for (int j = 0; j < p.length(); j++) {
                char c = p.charAt(j);
                if (c < '0' || c > '9') {
                    return null;
                }
                v = v * 10 + (c - '0');
            }
            if (v > 255) {
                return null;
            }
            out[i] = v;
        }
        return out;
    }

    private static int @Nullable [] ipv6(String s) {
        if (s.length() > 39) {
            return null;
        }
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap >= 0 ? s.substring(0, gap) : s;
        String tail = gap >= 0 ? s.substring(gap + 2) : "";
        int[] left = hextets(head);
        int[] right = hextets(tail);
        if (left == null || right == null) {
            return null;
        }
        int total = left.length + right.length;
        if ((gap < 0 && total != 8) || (gap >= 0 && total > 7)) {
            return null;
        }
        int[] out = new int[8];
        System.arraycopy(left, 0, out, 0, left.length);
        System.arraycopy(right, 0, out, 8 - right.length, right.length);
        return out;
    }

    private static int @Nullable [] hextets(String s) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            int v = 0;
            for (int j = 0; j < p.length(); j++) {
                int d = Character.digit(p.charAt(j), 16);
                if (d < 0 || p.charAt(j) > 'f') {
                    return null;
                }
                v = v * 16 + d;
            }
            out[i] = v;
        }
        return out;
    }

    static String coordinates(String value, char maskChar) {
        String s = value.trim();
        if (s.length() > 64) {
            return fixed(maskChar, 4);
        }
        String[] parts = s.split("[,;\\s]+", -1);
        if (parts.length != 2) {
            return fixed(maskChar, 4);
        }
        BigDecimal lat = decimal(parts[0]);
        BigDecimal lon = decimal(parts[1]);
        if (lat == null || lon == null || lat.abs().compareTo(BigDecimal.valueOf(90)) > 0
                || lon.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            return fixed(maskChar, 4);
        }
        return lat.setScale(1, RoundingMode.HALF_UP).toPlainString() + ","
                + lon.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static @Nullable BigDecimal decimal(String s) {
        if (s.isEmpty() || s.length() > 24) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || ((c == '-' || c == '+') && i == 0))) {
                return null;
            }
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
