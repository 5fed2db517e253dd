package org.privacykit.detect;

import org.privacykit.annotation.PersonalDataType;

/**
 * IPv6 addresses: {@code 2001:db8::8a2e:370:7334}, full or compressed, with an embedded IPv4
 * address ({@code ::ffff:192.0.2.128}), a zone ({@code fe80::1%eth0}, reported with the address) or
 * a prefix length ({@code 2001:db8::/32}, reported without it, as an IPv4 address before its
 * prefix is). Looked for from their colons: each run of hex digits, colons and dots is read once.
 */
final class Ipv6Recognizer {
    /**
     * Three groups or more, or an embedded IPv4 address, valid as a whole: times, MAC addresses and
     * scopes ({@code std::}) fail the syntax.
     */
    private static final int CONFIDENCE = 850;
    /** One or two groups with a zone or a prefix length: {@code fe80::1%eth0}, {@code 2001:db8::/32}. */
    private static final int SHORT_SCOPED = 800;
    /**
     * One or two groups written as addresses are ({@code fe80::1}, {@code ff02::1}, {@code 2001:db8::}):
     * a digit, and a group of three or four hex digits.
     */
    private static final int SHORT = 700;
    /**
     * Other short forms: {@code ab::cd}, {@code dead::beef} and slices such as {@code 1::2} are
     * scopes and ratios more often than addresses, so they stay under the default threshold.
     */
    private static final int SHORT_LOOSE = 450;
    /** Groups up to which a compressed address counts as short. */
    private static final int SHORT_GROUPS = 2;
    /** The longest text form: {@code ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255}. */
    private static final int LONGEST = 45;
    /** Interface names and numbers: {@code eth0}, {@code en0}, {@code 25eth0} in a URL, {@code 12} on Windows. */
    private static final int LONGEST_ZONE = 32;
    private static final int MOST_PREFIX_BITS = 128;

    private final ScanText text;
    private final Candidates candidates;

    Ipv6Recognizer(ScanText text, Candidates candidates) {
        this.text = text;
        this.candidates = candidates;
    }

    private static boolean inRun(char c) {
        return ScanText.isHex(c) || c == ':' || c == '.';
    }

    /**
     * Looks at the run of hex digits, colons and dots that holds the colon at {@code colon}.
     *
     * @return the end of the run: no colon before it needs looking at again
     */
    int atColon(int colon) {
        int start = colon;
        while (start > 0 && inRun(text.at(start - 1)) && colon - start <= LONGEST) {
            start--;
        }
        int end = colon + 1;
        int colons = 1;
        for (int p = start; p < colon; p++) {
            if (text.at(p) == ':') {
                colons++;
            }
        }
        while (end < text.length && inRun(text.at(end)) && end - start <= LONGEST) {
            if (text.at(end) == ':') {
                colons++;
            }
            end++;
        }
        if (end - start > LONGEST) {
            while (end < text.length && inRun(text.at(end))) {
                end++;
            }
            return end; // too long for an address
        }
        char first = text.at(start);
        if (first == '.' || (start > 0 && ScanText.isWordChar(text.at(start - 1)))) {
            return end; // glued to a word, or no address starts with a dot
        }
        int stop = end;
        while (stop > start && text.at(stop - 1) == '.') {
            stop--;
        }
        if (stop - start >= 2 && text.at(stop - 1) == ':' && text.at(stop - 2) != ':') {
            stop--; // "at 2001:db8::1: refused"
        }
        if (colons < 2) {
            return end;
        }
        int zoneEnd = stop == end ? zoneEnd(end) : -1;
        boolean prefix = stop == end && zoneEnd < 0 && prefixLength(end);
        if (zoneEnd < 0 && !prefix && stop == end && !text.endsAddress(end)) {
            return end;
        }
        int groups = groups(start, stop);
        boolean loopbackOrUnspecified = groups <= 1 && stop - start <= 3;
        if (groups < 0 || loopbackOrUnspecified) {
            return end;
        }
        int confidence;
        if (groups > SHORT_GROUPS || hasDot(start, stop)) {
            confidence = CONFIDENCE;
        } else if (zoneEnd >= 0 || prefix) {
            confidence = SHORT_SCOPED;
        } else {
            confidence = writtenLikeAnAddress(start, stop) ? SHORT : SHORT_LOOSE;
        }
        candidates.add(start, zoneEnd >= 0 ? zoneEnd : stop, PersonalDataType.IP_ADDRESS, confidence);
        return end;
    }

    /**
     * The end of a zone after the address ({@code %eth0}: RFC 4007's interface name, letters, digits,
     * {@code -}, {@code .}, {@code _}, {@code ~}), or -1 when none follows.
     */
    private int zoneEnd(int at) {
        if (at >= text.length || text.at(at) != '%') {
            return -1;
        }
        int p = at + 1;
        while (p < text.length && p - at <= LONGEST_ZONE && zoneChar(text.at(p))) {
            p++;
        }
        while (p > at + 1 && text.at(p - 1) == '.') {
            p--;
        }
        return p > at + 1 && p - at <= LONGEST_ZONE && text.endsAddress(p) ? p : -1;
    }

    private static boolean zoneChar(char c) {
        return ScanText.isAsciiLetter(c) || ScanText.isDigit(c) || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** Whether a prefix length follows the address: {@code /0} to {@code /128}, ending there. */
    private boolean prefixLength(int at) {
        if (at + 1 >= text.length || text.at(at) != '/' || !ScanText.isDigit(text.at(at + 1))) {
            return false;
        }
        int end = text.digitsEnd(at + 1);
        return end - at <= 4 && text.value(at + 1, end) <= MOST_PREFIX_BITS && text.endsAddress(end);
    }

    private boolean hasDot(int from, int to) {
        for (int p = from; p < to; p++) {
            if (text.at(p) == '.') {
                return true;
            }
        }
        return false;
    }

    /** A decimal digit somewhere, and a group of three or four hex digits, as in {@code fe80::1}. */
    private boolean writtenLikeAnAddress(int from, int to) {
        boolean digit = false;
        int longest = 0;
        int group = 0;
        for (int p = from; p < to; p++) {
            char c = text.at(p);
            if (c == ':') {
                group = 0;
            } else {
                digit |= ScanText.isDigit(c);
                longest = Math.max(longest, ++group);
            }
        }
        return digit && longest >= 3;
    }

    /** The number of groups written in an IPv6 address (an embedded IPv4 counts two), or -1 when invalid. */
    private int groups(int from, int to) {
        int gap = -1;
        int count = 0;
        int p = from;
        if (to - from >= 2 && text.at(from) == ':' && text.at(from + 1) == ':') {
            gap = 0;
            p = from + 2;
            if (p == to) {
                return 0;
            }
        } else if (text.at(from) == ':') {
            return -1;
        }
        while (p < to) {
            int s = p;
            while (p < to && ScanText.isHex(text.at(p))) {
                p++;
            }
            if (p < to && text.at(p) == '.') {
                if (!dottedQuad(s, to)) {
                    return -1;
                }
                count += 2; // an embedded IPv4 address ends the address
                break;
            }
            int length = p - s;
            if (length == 0 || length > 4) {
                return -1;
            }
            count++;
            if (p == to) {
                break;
            }
            p++; // ':'
            if (p < to && text.at(p) == ':') {
                if (gap >= 0) {
                    return -1;
                }
                gap = count;
                p++;
                if (p == to) {
                    break;
                }
            } else if (p == to) {
                return -1;
            }
        }
        if (gap < 0 ? count != 8 : count > 7) {
            return -1;
        }
        return count;
    }

    private boolean dottedQuad(int from, int to) {
        int parts = 0;
        int p = from;
        while (p <= to) {
            int s = p;
            int v = 0;
            while (p < to && ScanText.isDigit(text.at(p))) {
                v = v * 10 + (text.at(p) - '0');
                p++;
            }
            int length = p - s;
            if (length == 0 || length > 3 || v > 255 || (length > 1 && text.at(s) == '0')) {
                return false;
            }
            parts++;
            if (p == to) {
                break;
            }
            if (text.at(p) != '.') {
                return false;
            }
            p++;
        }
        return parts == 4;
    }
}
