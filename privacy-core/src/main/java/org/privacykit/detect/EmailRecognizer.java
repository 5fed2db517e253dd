package org.privacykit.detect;

import org.privacykit.annotation.PersonalDataType;

/**
 * E-mail addresses around an {@code @}: {@code local@domain.tld}, with internationalized local parts
 * and domains (RFC 6531: {@code zoë@bücher.de}, {@code 用户@例子.广告}) and top-level domains in
 * letters of any script or in punycode ({@code xn--p1ai}).
 *
 * <p>Chinese, Japanese and Thai text is written without spaces, so an address in it often touches
 * the words around it: a run of letters of those scripts ends an address whose neighbouring part
 * is in ASCII ({@code 请联系ada@example.com谢谢} holds {@code ada@example.com}).
 */
final class EmailRecognizer {
    /** A local part, an {@code @} and a domain with a top-level domain: little else has that form. */
    private static final int CONFIDENCE = 950;
    /** RFC 5321: a local part has at most 64 characters, a domain at most 253, a label 63. */
    private static final int LONGEST_LOCAL = 64;
    private static final int LONGEST_DOMAIN = 253;
    private static final int LONGEST_LABEL = 63;
    /** Characters of an ASCII local part besides letters and digits (the unquoted ones people use). */
    private static final String LOCAL_PUNCTUATION = "._%+-";
    private static final String PUNYCODE = "xn--";

    private final ScanText text;
    private final Candidates candidates;

    EmailRecognizer(ScanText text, Candidates candidates) {
        this.text = text;
        this.candidates = candidates;
    }

    private static boolean isLocalChar(char c) {
        return c < 128 ? ScanText.isAsciiLetter(c) || ScanText.isDigit(c) || LOCAL_PUNCTUATION.indexOf(c) >= 0
                : isInternational(c);
    }

    private static boolean isDomainChar(char c) {
        return c < 128 ? ScanText.isAsciiLetter(c) || ScanText.isDigit(c) || c == '-' || c == '.' : isInternational(c);
    }

    /** A letter or digit of any script, or a combining mark (the vowel signs of Devanagari, for one). */
    private static boolean isInternational(char c) {
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** A letter of a script written without spaces between words. */
    private static boolean isSpaceless(char c) {
        if (c < 0x0E00) {
            return false;
        }
        return switch (Character.UnicodeScript.of(c)) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR -> true;
            default -> false;
        };
    }

    /** Looks for an address around the {@code @} at {@code at}. */
    void at(int at) {
        int start = localStart(at);
        if (start < 0 || text.at(start) == '.' || text.at(at - 1) == '.' || hasDoubleDot(start, at)) {
            return;
        }
        int end = domainEnd(at);
        while (end > at + 1 && (text.at(end - 1) == '.' || text.at(end - 1) == '-')) {
            end--;
        }
        if (end - at - 1 > LONGEST_DOMAIN || !validDomain(at + 1, end) || !endsAddress(end)) {
            return;
        }
        candidates.add(start, end, PersonalDataType.EMAIL, CONFIDENCE);
    }

    /** The start of the local part before the {@code @} at {@code at}, or -1 when there is none or it runs into a word. */
    private int localStart(int at) {
        int start = at;
        boolean ascii = false;
        while (start > 0 && at - start <= LONGEST_LOCAL) {
            char c = text.at(start - 1);
            if (!isLocalChar(c)) {
                break;
            }
            if (ascii && isSpaceless(c)) {
                return at - start > 0 ? start : -1; // "请联系ada@": the address starts at the ASCII
            }
            ascii |= c < 128;
            start--;
        }
        int length = at - start;
        if (length == 0 || length > LONGEST_LOCAL || (start > 0 && Character.isLetterOrDigit(text.at(start - 1)))) {
            return -1;
        }
        return start;
    }

    /** Where the domain after the {@code @} at {@code at} stops: at a character no domain holds, or where a label would mix ASCII and a spaceless script. */
    private int domainEnd(int at) {
        int end = at + 1;
        int labelStart = end;
        while (end < text.length && end - at <= LONGEST_DOMAIN + 1) {
            char c = text.at(end);
            if (!isDomainChar(c)) {
                break;
            }
            if (c == '.') {
                labelStart = end + 1;
            } else if (end > labelStart && mixes(text.at(labelStart), c)) {
                break;
            }
            end++;
        }
        return end;
    }

    /** Whether a label that starts with {@code first} would mix ASCII with a spaceless script by holding {@code c}. */
    private static boolean mixes(char first, char c) {
        return first < 128 ? isSpaceless(c) : c < 128 && isSpaceless(first);
    }

    /** The address ends: no word character or {@code @} follows, or the text turns to a spaceless script after ASCII. */
    private boolean endsAddress(int end) {
        if (text.endsWord(end)) {
            return !(end + 1 < text.length && text.at(end) == '.' && isDomainChar(text.at(end + 1))
                    && text.at(end + 1) != '.');
        }
        return text.at(end - 1) < 128 && isSpaceless(text.at(end));
    }

    /** Whether the label at {@code from} starts with {@code xn--}, in any case. */
    private boolean punycode(int from) {
        for (int k = 0; k < PUNYCODE.length(); k++) {
            char c = text.at(from + k);
            if ((ScanText.isUpper(c) ? (char) (c | 0x20) : c) != PUNYCODE.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private boolean hasDoubleDot(int from, int to) {
        for (int p = from + 1; p < to; p++) {
            if (text.at(p) == '.' && text.at(p - 1) == '.') {
                return true;
            }
        }
        return false;
    }

    /** Labels of 1 to 63 characters that neither start nor end with a dash, at least two, the last a top-level domain. */
    private boolean validDomain(int from, int to) {
        if (to <= from) {
            return false;
        }
        int labels = 0;
        int labelStart = from;
        for (int p = from; p <= to; p++) {
            if (p == to || text.at(p) == '.') {
                int length = p - labelStart;
                if (length == 0 || length > LONGEST_LABEL || text.at(labelStart) == '-' || text.at(p - 1) == '-') {
                    return false;
                }
                labels++;
                if (p == to && !topLevel(labelStart, p)) {
                    return false;
                }
                labelStart = p + 1;
            }
        }
        return labels >= 2;
    }

    /**
     * A top-level domain: two letters or more, all ASCII or all of other scripts (with their
     * combining marks), or an internationalized one in punycode ({@code xn--p1ai}).
     */
    private boolean topLevel(int from, int to) {
        if (to - from < 2) {
            return false;
        }
        if (to - from > PUNYCODE.length() && punycode(from)) {
            for (int q = from + PUNYCODE.length(); q < to; q++) {
                char c = text.at(q);
                if (!(ScanText.isAsciiLetter(c) || ScanText.isDigit(c) || c == '-')) {
                    return false;
                }
            }
            return true;
        }
        boolean ascii = text.at(from) < 128;
        for (int q = from; q < to; q++) {
            char c = text.at(q);
            boolean letter = ascii ? ScanText.isAsciiLetter(c) : c >= 128 && isInternational(c) && !Character.isDigit(c);
            if (!letter) {
                return false;
            }
        }
        return true;
    }
}
