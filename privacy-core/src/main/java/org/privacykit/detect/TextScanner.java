package org.privacykit.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.privacykit.annotation.PersonalDataType;

/**
 * One scan of one text. Every recognizer is a hand-written, forward-only pass: each position is
 * looked at a bounded number of times (a candidate reads at most a few hundred characters, an
 * e-mail's local part at most 64 back), so a scan is linear in the length of the text whatever its
 * content. There are no regular expressions, so nothing can backtrack.
 *
 * <p>Recognizers propose candidates with a confidence; overlapping candidates are resolved by
 * confidence, then length, and those under the detector's threshold are dropped.
 */
final class TextScanner {
    static final int EMAIL = 0;
    static final int PHONE = 1;
    static final int CARD = 2;
    static final int IBAN = 3;
    static final int IP = 4;
    static final int NATIONAL_ID = 5;
    static final int PASSPORT = 6;
    static final PersonalDataType[] TYPES = {PersonalDataType.EMAIL, PersonalDataType.PHONE,
        PersonalDataType.PAYMENT_CARD, PersonalDataType.IBAN, PersonalDataType.IP_ADDRESS,
        PersonalDataType.NATIONAL_ID, PersonalDataType.PASSPORT};

    private static final String[] PHONE_WORDS = {"phone", "tel", "telephone", "call", "mobile", "cell", "fax",
        "whatsapp", "sms", "ring", "contact"};
    private static final String[] CARD_WORDS = {"card", "visa", "mastercard", "amex", "credit", "debit", "pan", "cc"};
    private static final String[] SSN_WORDS = {"ssn", "social security", "ss#"};
    private static final String[] SIN_WORDS = {"sin", "social insurance"};
    private static final String[] BSN_WORDS = {"bsn", "burgerservicenummer", "sofinummer"};
    private static final String[] NINO_WORDS = {"nino", "national insurance", "ni number", "ni no"};
    private static final String[] PASSPORT_WORDS = {"passport", "passport no", "passport number"};
    private static final int CONTEXT_CHARS = 40;

    /** Groups kept while a long numeric token streams through; windows look at most 24 groups ahead. */
    private static final int GROUP_CAPACITY = 256;
    private static final int LOOKAHEAD = 24;

    private final String t;
    private final int n;
    private final boolean[] on;
    private final int minConfidence;

    // candidates
    private int[] cStart = new int[16];
    private int[] cEnd = new int[16];
    private int[] cConfidence = new int[16];
    private byte[] cType = new byte[16];
    private int size;

    // the digit groups of the current numeric token
    // (they start small and grow to GROUP_CAPACITY: most texts are short, and a scan is often per log line)
    private int[] gStart = new int[16];
    private int[] gEnd = new int[16];
    /** Where the separator before each group starts (the previous group's end); the group start for the first. */
    private int[] gSeparator = new int[16];
    private int groups;
    private int base;
    private boolean plus;
    private boolean paren;
    private final char[] digits = new char[40];

    TextScanner(CharSequence text, boolean[] on, int minConfidence) {
        this.t = text.toString(); // String.charAt is monomorphic and intrinsic: about 2.5x faster than a CharSequence

        this.n = text.length();
        this.on = on;
        this.minConfidence = minConfidence;
    }

    /** Runs every pass, whatever the text holds: the reference that the pre-check is tested against. */
    List<PiiFinding> scanAll() {
        return scan(ALL);
    }

    /** Runs the passes whose bits are set; see {@code passes(String)}. */
    List<PiiFinding> scan(int passes) {
        if ((passes & NUMBERS) != 0 && (on[PHONE] || on[CARD] || on[IP] || on[NATIONAL_ID])) {
            numbers();
        }
        if ((passes & EMAILS) != 0 && on[EMAIL]) {
            emails();
        }
        if ((passes & IPV6) != 0 && on[IP]) {
            ipv6();
        }
        if ((passes & CODES) != 0 && (on[IBAN] || on[NATIONAL_ID] || on[PASSPORT])) {
            codes();
        }
        return resolve();
    }

    // ---------------------------------------------------------------- the pre-check

    static final int NUMBERS = 1;
    static final int EMAILS = 2;
    static final int IPV6 = 4;
    static final int CODES = 8;
    static final int ALL = NUMBERS | EMAILS | IPV6 | CODES;

    /** The pre-check bits whose passes can find one of the types switched on. */
    static int wanted(boolean[] on) {
        int wanted = 0;
        if (on[PHONE] || on[CARD] || on[IP] || on[NATIONAL_ID]) {
            wanted |= NUMBERS;
        }
        if (on[EMAIL]) {
            wanted |= EMAILS;
        }
        if (on[IP]) {
            wanted |= IPV6;
        }
        if (on[IBAN] || on[NATIONAL_ID] || on[PASSPORT]) {
            wanted |= CODES;
        }
        return wanted;
    }

    /**
     * One cheap pass that tells which recognizers can find anything in a text, so that most log lines
     * (words, short numbers, dates, times) are done after it. Each condition is necessary, never
     * sufficient:
     * <ul>
     *   <li>numbers: a chain of digits joined by at most two separator characters (what
     *       {@link #token(int)} reads) with 9 digits (the fewest of a national phone number, an SSN,
     *       SIN or BSN; a NANP number has 10, a card 13), 8 after a {@code +} (the shortest
     *       international phone number), or 3 dots (an IPv4 address);</li>
     *   <li>e-mail: an {@code @};</li>
     *   <li>IPv6: two colons in one run of hex digits, colons and dots (what {@link #ipv6()} reads);</li>
     *   <li>codes: 9 capital letters or digits, one of them a letter, joined by at most one space or
     *       hyphen each (the shortest NINO, DNI or NIE; an IBAN has 15), or, after the word
     *       "passport", 6 of them in a row (the shortest passport number).</li>
     * </ul>
     *
     * @param wanted the bits of the passes the detector's types need ({@link #wanted(boolean[])})
     * @return the bits, among {@code wanted}, of the passes to run
     */
    static int passes(String t, int wanted) {
        int passes = 0;
        int colons = 0; // colons in the current run of hex digits, colons and dots
        int digits = 0; // digits in the current chain
        int dots = 0; // dots in the current chain
        int gap = 0; // separator characters since the chain's last digit
        boolean plus = false; // the chain follows a '+'
        int code = 0; // capitals and digits in the current run
        int tight = 0; // the same with nothing between them
        boolean letter = false; // the run holds a capital
        boolean joined = false; // the run's last character was a space or a hyphen
        boolean passport = false; // the word "passport" came before
        // read in chunks into a plain array: no per-character coder or bounds checks, and little memory for long texts
        char[] a = new char[Math.min(t.length(), 512)];
        for (int base = 0; base < t.length() && (passes & wanted) != wanted; base += a.length) {
            int n = Math.min(a.length, t.length() - base);
            t.getChars(base, base + n, a, 0);
            for (int i = 0; i < n; i++) {
                char c = a[i];
                int found = 0;
                if (c >= 'a' && c <= 'z') {
                    // a run of small letters (most of a log line) ends every chain and run at once;
                    // the context word can only start where the run starts
                    if (c == 'p' && !passport) {
                        passport = t.regionMatches(true, base + i, "passport", 0, 8);
                    }
                    boolean hex = c <= 'f';
                    while (i + 1 < n && a[i + 1] >= 'a' && a[i + 1] <= 'z') {
                        i++;
                        hex &= a[i] <= 'f';
                    }
                    if (!hex) {
                        colons = 0;
                    }
                    digits = 0;
                    dots = 0;
                    gap = 0;
                    plus = false;
                    code = 0;
                    tight = 0;
                    letter = false;
                } else if (isDigit(c)) {
                    if (gap > 2) {
                        digits = 0;
                        dots = 0;
                        plus = false;
                    }
                    gap = 0;
                    digits++;
                    code++;
                    tight++;
                    joined = false;
                    if (digits >= 9 || (digits >= 8 && plus) || dots >= 3) {
                        found = NUMBERS;
                    }
                    if ((code >= 9 && letter) || (tight >= 6 && passport)) {
                        found |= CODES;
                    }
                } else if (isUpper(c)) {
                    if (c > 'F') {
                        colons = 0;
                    }
                    digits = 0;
                    dots = 0;
                    gap = 0;
                    plus = false;
                    code++;
                    tight++;
                    letter = true;
                    joined = false;
                    if (code >= 9 || (tight >= 6 && passport)) {
                        found = CODES;
                    }
                    if (c == 'P' && !passport) {
                        passport = t.regionMatches(true, base + i, "passport", 0, 8);
                    }
                } else if (isSeparator(c)) {
                    if (c != '.') {
                        colons = 0;
                    }
                    gap++;
                    if (c == '.') {
                        dots++;
                    }
                    tight = 0;
                    if ((c == ' ' || c == '-') && !joined) {
                        joined = true;
                    } else {
                        code = 0;
                        letter = false;
                        joined = false;
                    }
                } else {
                    if (c == '@') {
                        found = EMAILS;
                    } else if (c == ':') {
                        if (++colons >= 2) {
                            found = IPV6;
                        }
                    } else {
                        colons = 0;
                    }
                    digits = 0;
                    dots = 0;
                    gap = 0;
                    plus = c == '+';
                    code = 0;
                    tight = 0;
                    letter = false;
                    joined = false;
                }
                if (found != 0) {
                    passes |= found & wanted;
                    if (passes == wanted) {
                        return passes; // everything the types need runs: stop looking
                    }
                }
            }
        }
        return passes;
    }

    // ---------------------------------------------------------------- candidates and resolution

    private void add(int start, int end, int type, int confidence) {
        int c = Math.min(confidence, 990);
        if (c < minConfidence) {
            return;
        }
        if (size == cStart.length) {
            int grown = size * 2;
            cStart = Arrays.copyOf(cStart, grown);
            cEnd = Arrays.copyOf(cEnd, grown);
            cConfidence = Arrays.copyOf(cConfidence, grown);
            cType = Arrays.copyOf(cType, grown);
        }
        cStart[size] = start;
        cEnd[size] = end;
        cConfidence[size] = c;
        cType[size] = (byte) type;
        size++;
    }

    private List<PiiFinding> resolve() {
        if (size == 0) {
            return List.of();
        }
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            long length = Math.min(cEnd[i] - cStart[i], 1023);
            keys[i] = ((long) (1000 - cConfidence[i]) << 53) | ((1023 - length) << 43) | i;
        }
        Arrays.sort(keys);
        BitSet taken = new BitSet(n);
        int[] accepted = new int[size];
        int count = 0;
        for (long key : keys) {
            int i = (int) (key & ((1L << 43) - 1));
            int next = taken.nextSetBit(cStart[i]);
            if (next < 0 || next >= cEnd[i]) {
                taken.set(cStart[i], cEnd[i]);
                accepted[count++] = i;
            }
        }
        long[] byStart = new long[count];
        for (int k = 0; k < count; k++) {
            byStart[k] = ((long) cStart[accepted[k]] << 32) | accepted[k];
        }
        Arrays.sort(byStart);
        List<PiiFinding> out = new ArrayList<>(count);
        for (long key : byStart) {
            int i = (int) key;
            out.add(new PiiFinding(TYPES[cType[i]], cStart[i], cEnd[i], cConfidence[i] / 1000.0));
        }
        return out;
    }

    // ---------------------------------------------------------------- character classes

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')';
    }

    private char at(int i) {
        return t.charAt(i);
    }

    /** The text after a value ends a word: not a letter, digit, underscore or {@code @}. */
    private boolean rightOk(int end) {
        if (end >= n) {
            return true;
        }
        char c = at(end);
        return !(isWordChar(c) || c == '@');
    }

    /** The value is not followed by more of a number, as in {@code 1,234} or {@code 12:30}. */
    private boolean notContinued(int end) {
        if (end + 1 >= n) {
            return true;
        }
        char c = at(end);
        return !((c == ',' || c == ':' || c == '.') && isDigit(at(end + 1)));
    }

    private boolean numberLeftOk(int i) {
        if (i == 0) {
            return true;
        }
        char p = at(i - 1);
        if (isWordChar(p) || p == '@') {
            return false;
        }
        return !((p == '.' || p == ',' || p == ':' || p == '/' || p == '-' || p == '+') && i >= 2
                && isDigit(at(i - 2)));
    }

    // ---------------------------------------------------------------- context words

    /**
     * Whether one of the words stands within {@value #CONTEXT_CHARS} characters before {@code before},
     * with no digit between it and the value (so the word belongs to this value, not to an earlier one).
     */
    private boolean context(int before, String[] words) {
        int from = Math.max(0, before - CONTEXT_CHARS);
        for (int p = before - 1; p >= from; p--) {
            if (isDigit(at(p))) {
                from = p + 1;
                break;
            }
        }
        for (int p = from; p < before; p++) {
            char first = Character.toLowerCase(at(p));
            if (first < 'a' || first > 'z') {
                continue;
            }
            if (p > 0 && Character.isLetter(at(p - 1))) {
                continue;
            }
            for (String word : words) {
                if (word.charAt(0) == first && matchesAt(p, word, before)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean matchesAt(int p, String word, int limit) {
        int end = p + word.length();
        if (end > limit) {
            return false;
        }
        for (int k = 1; k < word.length(); k++) {
            if (Character.toLowerCase(at(p + k)) != word.charAt(k)) {
                return false;
            }
        }
        return end >= n || !Character.isLetter(at(end));
    }

    // ---------------------------------------------------------------- numbers: cards, phones, ids, IPv4

    private void numbers() {
        int i = 0;
        while (i < n) {
            char c = at(i);
            boolean digit = isDigit(c);
            if (!digit && !((c == '+' || c == '(') && i + 1 < n && isDigit(at(i + 1)))) {
                i++;
                continue;
            }
            if (!numberLeftOk(i)) {
                i++;
                while (i < n && isDigit(at(i))) {
                    i++;
                }
                continue;
            }
            i = token(i);
        }
    }

    /** Reads one numeric token from {@code start} (a digit, {@code +} or {@code (}) and evaluates it. */
    private int token(int start) {
        int pos = start;
        plus = at(pos) == '+';
        paren = at(pos) == '(';
        if (plus || paren) {
            pos++;
        }
        groups = 0;
        base = 0;
        int previousEnd = -1;
        while (true) {
            int s = pos;
            while (pos < n && isDigit(at(pos))) {
                pos++;
            }
            if (groups == GROUP_CAPACITY) {
                int keep = LOOKAHEAD;
                for (int k = 0; k < GROUP_CAPACITY - keep; k++) {
                    evaluate(k, false);
                }
                System.arraycopy(gStart, GROUP_CAPACITY - keep, gStart, 0, keep);
                System.arraycopy(gEnd, GROUP_CAPACITY - keep, gEnd, 0, keep);
                System.arraycopy(gSeparator, GROUP_CAPACITY - keep, gSeparator, 0, keep);
                base += GROUP_CAPACITY - keep;
                groups = keep;
            } else if (groups == gStart.length) {
                int grown = Math.min(groups * 2, GROUP_CAPACITY);
                gStart = Arrays.copyOf(gStart, grown);
                gEnd = Arrays.copyOf(gEnd, grown);
                gSeparator = Arrays.copyOf(gSeparator, grown);
            }
            gStart[groups] = s;
            gEnd[groups] = pos;
            gSeparator[groups] = previousEnd < 0 ? s : previousEnd;
            groups++;
            int separator = pos;
            previousEnd = pos;
            int k = 0;
            while (pos < n && k < 2 && isSeparator(at(pos))) {
                pos++;
                k++;
            }
            if (k > 0 && pos < n && isDigit(at(pos)) && validSeparator(separator, pos)) {
                continue;
            }
            pos = separator;
            break;
        }
        for (int k = 0; k < groups; k++) {
            evaluate(k, true);
        }
        return Math.max(pos, start + 1);
    }

    private boolean validSeparator(int from, int to) {
        if (to - from == 1) {
            return true;
        }
        char a = at(from);
        char b = at(from + 1);
        return (a == ')' && (b == ' ' || b == '-')) || (a == ' ' && b == '(') || (a == '-' && b == '(');
    }

    private int length(int g) {
        return gEnd[g] - gStart[g];
    }

    /** Whether the separator before group {@code g} (within the token) is exactly {@code c}. */
    private boolean separatorIs(int g, char c) {
        return gStart[g] - gSeparator[g] == 1 && at(gSeparator[g]) == c;
    }

    /** The single separator character before group {@code g}, or 0 when it is two characters. */
    private char separator(int g) {
        return gStart[g] - gSeparator[g] == 1 ? at(gSeparator[g]) : 0;
    }

    /** Whether a window may start at group {@code k}: the token start, or after a space. */
    private boolean startsAfterSpace(int k) {
        if (base + k == 0) {
            return true;
        }
        return at(gSeparator[k]) == ' ' || at(gStart[k] - 1) == ' ';
    }

    /**
     * Whether a window may end with group {@code m}: at the end of the token followed by a word
     * boundary, or before a separator that starts with a space.
     */
    private boolean endsCleanly(int m, boolean done) {
        if (m == groups - 1) {
            return done && rightOk(gEnd[m]) && notContinued(gEnd[m]);
        }
        return at(gEnd[m]) == ' ' || (at(gEnd[m]) == ')' && at(gEnd[m] + 1) == ' ');
    }

    private boolean firstOfToken(int k) {
        return base + k == 0;
    }

    private void evaluate(int k, boolean done) {
        if (on[IP]) {
            ipv4(k, done);
        }
        if (on[CARD]) {
            card(k, done);
        }
        if (on[NATIONAL_ID]) {
            nationalNumber(k, done);
        }
        if (on[PHONE]) {
            phone(k, done);
        }
    }

    private void ipv4(int k, boolean done) {
        if (k + 3 >= groups || (firstOfToken(k) && (plus || paren))) {
            return;
        }
        if (!firstOfToken(k) && separatorIs(k, '.')) {
            return;
        }
        for (int j = k + 1; j <= k + 3; j++) {
            if (!separatorIs(j, '.')) {
                return;
            }
        }
        int last = k + 3;
        if (last + 1 < groups) {
            if (separatorIs(last + 1, '.')) {
                return;
            }
        } else if (!done || !rightOk(gEnd[last])) {
            return;
        }
        int[] octets = new int[4];
        for (int j = 0; j < 4; j++) {
            int g = k + j;
            int len = length(g);
            if (len > 3 || (len > 1 && at(gStart[g]) == '0')) {
                return;
            }
            int v = 0;
            for (int p = gStart[g]; p < gEnd[g]; p++) {
                v = v * 10 + (at(p) - '0');
            }
            if (v > 255) {
                return;
            }
            octets[j] = v;
        }
        if (octets[0] == 0 || octets[0] == 127 || (octets[0] == 255 && octets[1] == 255)) {
            return;
        }
        add(gStart[k], gEnd[last], IP, 850);
    }

    private void card(int k, boolean done) {
        if ((firstOfToken(k) && (plus || paren)) || !startsAfterSpace(k)) {
            return;
        }
        int count = 0;
        char uniform = 0;
        for (int m = k; m < groups && m <= k + 19; m++) {
            int len = length(m);
            if (m > k) {
                char s = separator(m);
                if ((s != ' ' && s != '-') || (uniform != 0 && s != uniform) || len < 2 || len > 6
                        || length(k) != 4) {
                    return;
                }
                uniform = s;
            }
            if (count + len > 19) {
                return;
            }
            for (int p = gStart[m]; p < gEnd[m]; p++) {
                digits[count++] = at(p);
            }
            if (count >= 13 && endsCleanly(m, done) && (m == groups - 1 || uniform == 0 || separator(m + 1) != uniform)
                    && CardIssuers.known(digits, count) && luhn(digits, count)) {
                int confidence = m > k ? 950 : 850;
                if (context(gStart[k], CARD_WORDS)) {
                    confidence += 50;
                }
                add(gStart[k], gEnd[m], CARD, confidence);
            }
        }
    }

    private static boolean luhn(char[] d, int count) {
        int sum = 0;
        for (int i = count - 1, position = 0; i >= 0; i--, position++) {
            int v = d[i] - '0';
            if ((position & 1) == 1) {
                v *= 2;
                if (v > 9) {
                    v -= 9;
                }
            }
            sum += v;
        }
        return sum % 10 == 0;
    }

    private int value(int from, int to) {
        int v = 0;
        for (int p = from; p < to; p++) {
            v = v * 10 + (at(p) - '0');
        }
        return v;
    }

    /** US SSN, Canadian SIN, and with a context word, nine plain digits (SSN, SIN, Dutch BSN). */
    private void nationalNumber(int k, boolean done) {
        if ((firstOfToken(k) && (plus || paren)) || !startsAfterSpace(k)) {
            return;
        }
        if (k + 2 < groups && length(k) == 3 && length(k + 1) == 2 && length(k + 2) == 4) {
            char s = separator(k + 1);
            if ((s == '-' || s == ' ') && separator(k + 2) == s && endsCleanly(k + 2, done)
                    && (k + 3 >= groups || separator(k + 3) != s)) {
                int area = value(gStart[k], gEnd[k]);
                int group = value(gStart[k + 1], gEnd[k + 1]);
                int serial = value(gStart[k + 2], gEnd[k + 2]);
                if (validSsn(area, group, serial)) {
                    int confidence = s == '-' ? 850 : 600;
                    if (context(gStart[k], SSN_WORDS)) {
                        confidence += 100;
                    }
                    add(gStart[k], gEnd[k + 2], NATIONAL_ID, confidence);
                }
            }
        }
        if (k + 2 < groups && length(k) == 3 && length(k + 1) == 3 && length(k + 2) == 3) {
            char s = separator(k + 1);
            if ((s == '-' || s == ' ') && separator(k + 2) == s && endsCleanly(k + 2, done)
                    && (k + 3 >= groups || separator(k + 3) != s)) {
                int count = 0;
                for (int g = k; g <= k + 2; g++) {
                    for (int p = gStart[g]; p < gEnd[g]; p++) {
                        digits[count++] = at(p);
                    }
                }
                if (digits[0] != '0' && digits[0] != '8' && luhn(digits, 9)) {
                    add(gStart[k], gEnd[k + 2], NATIONAL_ID, context(gStart[k], SIN_WORDS) ? 800 : 450);
                }
            }
        }
        if (length(k) == 9 && endsCleanly(k, done)) {
            int s = gStart[k];
            if (context(s, SSN_WORDS)) {
                if (validSsn(value(s, s + 3), value(s + 3, s + 5), value(s + 5, s + 9))) {
                    add(s, gEnd[k], NATIONAL_ID, 750);
                }
            } else if (context(s, BSN_WORDS)) {
                if (Checksums.bsnValid(t.subSequence(s, s + 9))) {
                    add(s, gEnd[k], NATIONAL_ID, 800);
                }
            } else if (context(s, SIN_WORDS)) {
                for (int p = 0; p < 9; p++) {
                    digits[p] = at(s + p);
                }
                if (luhn(digits, 9)) {
                    add(s, gEnd[k], NATIONAL_ID, 800);
                }
            }
        }
    }

    /** SSA rules: area 001-899 except 666, group 01-99, serial 0001-9999, and not the numbers used in ads. */
    static boolean validSsn(int area, int group, int serial) {
        if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
            return false;
        }
        return !(area == 78 && group == 5 && serial == 1120) && !(area == 219 && group == 9 && serial == 9999)
                && !(area == 123 && group == 45 && serial == 6789);
    }

    private void phone(int k, boolean done) {
        boolean first = firstOfToken(k);
        if (first && plus) {
            international(k, done, 0, 900);
            return;
        }
        if (!startsAfterSpace(k) && at(gStart[k] - 1) != '(') {
            return;
        }
        char d0 = at(gStart[k]);
        if (d0 == '0' && length(k) >= 2 && at(gStart[k] + 1) == '0') {
            if (first && !paren) {
                international(k, done, 2, 750);
            }
            return;
        }
        nanp(k, done);
        if (d0 == '0') {
            national(k, done);
        }
    }

    /** {@code +44 20 7946 0958} or {@code 0044 20 7946 0958}: 8 to 15 digits after the prefix. */
    private void international(int k, boolean done, int skip, int confidence) {
        if (length(k) <= skip || at(gStart[k] + skip) == '0') {
            return;
        }
        int count = -skip;
        int best = -1;
        for (int m = k; m < groups && m <= k + 16; m++) {
            count += length(m);
            if (count > 15) {
                break;
            }
            if (count >= 8 && endsCleanly(m, done)) {
                best = m;
            }
        }
        if (best >= 0) {
            int start = skip == 0 ? gStart[k] - 1 : gStart[k];
            int c = confidence + (context(start, PHONE_WORDS) ? 80 : 0);
            add(start, gEnd[best], PHONE, c);
        }
    }

    /** North American numbers: {@code (202) 555-0143}, {@code 202-555-0143}, {@code 1-800-555-0199}. */
    private void nanp(int k, boolean done) {
        int a = k;
        boolean countryCode = length(k) == 1 && at(gStart[k]) == '1';
        if (countryCode) {
            a = k + 1;
        }
        if (a + 2 >= groups || length(a) != 3 || length(a + 1) != 3 || length(a + 2) != 4) {
            return;
        }
        char a0 = at(gStart[a]);
        char a1 = at(gStart[a] + 1);
        char e0 = at(gStart[a + 1]);
        if (a0 < '2' || a1 == '9' || e0 < '2') {
            return;
        }
        boolean parenthesised = gStart[a] > 0 && at(gStart[a] - 1) == '(';
        char s2 = separator(a + 2);
        boolean shape;
        if (parenthesised) {
            int gap = gStart[a + 1] - gSeparator[a + 1];
            shape = at(gEnd[a]) == ')' && (gap == 1 || (gap == 2 && at(gEnd[a] + 1) == ' '))
                    && (s2 == '-' || s2 == ' ');
        } else {
            char s1 = separator(a + 1);
            shape = (s1 == '-' || s1 == '.' || s1 == ' ') && s2 == s1;
        }
        if (!shape || !endsCleanly(a + 2, done) || (a + 3 < groups && separator(a + 3) == s2 && s2 != ' ')) {
            return;
        }
        int start = parenthesised && !countryCode ? gStart[a] - 1 : gStart[k];
        int confidence = parenthesised || s2 == '-' || s2 == '.' ? 750 : 620;
        if (context(start, PHONE_WORDS)) {
            confidence += 150;
        }
        add(start, gEnd[a + 2], PHONE, confidence);
    }

    /** National numbers with a trunk prefix: {@code 020 7946 0958}, {@code 07700 900123}, {@code 06 12 34 56 78}. */
    private void national(int k, boolean done) {
        if (length(k) < 2) {
            return;
        }
        boolean parenthesised = gStart[k] > 0 && at(gStart[k] - 1) == '(';
        int count = 0;
        int best = -1;
        for (int m = k; m < groups && m <= k + 12; m++) {
            if (m > k && length(m) < 2) {
                break;
            }
            count += length(m);
            if (count > 12) {
                break;
            }
            if (count >= 9 && endsCleanly(m, done)) {
                best = m;
            }
        }
        if (best < 0) {
            return;
        }
        int start = parenthesised ? gStart[k] - 1 : gStart[k];
        boolean plain = best == k;
        if (plain && (count(k, best) < 10 || count(k, best) > 11)) {
            return;
        }
        if (best == k + 2 && length(k) == 3 && length(k + 1) == 2 && length(k + 2) == 4) {
            return; // 3-2-4 is the shape of a US social security number, not of a phone number
        }
        int confidence = plain ? 400 : 700;
        if (context(start, PHONE_WORDS)) {
            confidence += 150;
        }
        add(start, gEnd[best], PHONE, confidence);
    }

    private int count(int from, int to) {
        int c = 0;
        for (int g = from; g <= to; g++) {
            c += length(g);
        }
        return c;
    }

    // ---------------------------------------------------------------- e-mail

    private static boolean isLocalChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '.' || c == '_' || c == '%'
                || c == '+' || c == '-';
    }

    private static boolean isDomainChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '-' || c == '.';
    }

    private void emails() {
        for (int at = 0; at < n; at++) {
            if (at(at) != '@') {
                continue;
            }
            int start = at;
            while (start > 0 && at - start < 65 && isLocalChar(at(start - 1))) {
                start--;
            }
            int localLength = at - start;
            if (localLength == 0 || localLength > 64 || (start > 0 && (isLocalChar(at(start - 1))
                    || Character.isLetterOrDigit(at(start - 1))))) {
                continue;
            }
            if (at(start) == '.' || at(at - 1) == '.' || hasDoubleDot(start, at)) {
                continue;
            }
            int end = at + 1;
            while (end < n && end - at <= 254 && isDomainChar(at(end))) {
                end++;
            }
            while (end > at + 1 && (at(end - 1) == '.' || at(end - 1) == '-')) {
                end--;
            }
            if (end - at - 1 > 253 || !validDomain(at + 1, end) || !rightOk(end) || (end < n && at(end) == '.'
                    && end + 1 < n && isDomainChar(at(end + 1)) && at(end + 1) != '.')) {
                continue;
            }
            add(start, end, EMAIL, 950);
        }
    }

    private boolean hasDoubleDot(int from, int to) {
        for (int p = from + 1; p < to; p++) {
            if (at(p) == '.' && at(p - 1) == '.') {
                return true;
            }
        }
        return false;
    }

    private boolean validDomain(int from, int to) {
        if (to <= from) {
            return false;
        }
        int labels = 0;
        int labelStart = from;
        for (int p = from; p <= to; p++) {
            if (p == to || at(p) == '.') {
                int len = p - labelStart;
                if (len == 0 || len > 63 || at(labelStart) == '-' || at(p - 1) == '-') {
                    return false;
                }
                labels++;
                if (p == to) {
                    // the top-level domain: letters only, at least two
                    if (len < 2) {
                        return false;
                    }
                    for (int q = labelStart; q < p; q++) {
                        char c = at(q);
                        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                            return false;
                        }
                    }
                }
                labelStart = p + 1;
            }
        }
        return labels >= 2;
    }

    // ---------------------------------------------------------------- IPv6

    private void ipv6() {
        int i = 0;
        while (i < n) {
            char c = at(i);
            if (!(isHex(c) || c == ':') || (i > 0 && (isWordChar(at(i - 1)) || at(i - 1) == ':' || at(i - 1) == '.'))) {
                i++;
                continue;
            }
            int end = i;
            int colons = 0;
            while (end < n && (isHex(at(end)) || at(end) == ':' || at(end) == '.') && end - i <= 45) {
                if (at(end) == ':') {
                    colons++;
                }
                end++;
            }
            if (end - i > 45) {
                while (end < n && (isHex(at(end)) || at(end) == ':' || at(end) == '.')) {
                    end++;
                }
                i = end;
                continue;
            }
            int stop = end;
            while (stop > i && at(stop - 1) == '.') {
                stop--;
            }
            if (stop - i >= 2 && at(stop - 1) == ':' && at(stop - 2) != ':') {
                stop--;
            }
            if (colons >= 2 && (stop == end ? rightOk(end) : true)) {
                int hextets = ipv6Hextets(i, stop);
                if (hextets >= 0) {
                    boolean loopbackOrUnspecified = hextets <= 1 && stop - i <= 3;
                    if (!loopbackOrUnspecified) {
                        add(i, stop, IP, hextets >= 3 ? 850 : 450);
                    }
                }
            }
            i = end;
        }
    }

    /** The number of hextets written in an IPv6 address (an embedded IPv4 counts two), or -1 when invalid. */
    private int ipv6Hextets(int from, int to) {
        int gap = -1;
        int count = 0;
        int p = from;
        if (to - from >= 2 && at(from) == ':' && at(from + 1) == ':') {
            gap = 0;
            p = from + 2;
            if (p == to) {
                return 0;
            }
        } else if (at(from) == ':') {
            return -1;
        }
        while (p < to) {
            int s = p;
            while (p < to && isHex(at(p))) {
                p++;
            }
            if (p < to && at(p) == '.') {
                // an embedded IPv4 address ends the address
                if (!dottedQuad(s, to)) {
                    return -1;
                }
                count += 2;
                p = to;
                break;
            }
            int len = p - s;
            if (len == 0 || len > 4) {
                return -1;
            }
            count++;
            if (p == to) {
                break;
            }
            p++; // ':'
            if (p < to && at(p) == ':') {
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
            while (p < to && isDigit(at(p))) {
                v = v * 10 + (at(p) - '0');
                p++;
            }
            int len = p - s;
            if (len == 0 || len > 3 || v > 255 || (len > 1 && at(s) == '0')) {
                return false;
            }
            parts++;
            if (p == to) {
                break;
            }
            if (at(p) != '.') {
                return false;
            }
            p++;
        }
        return parts == 4;
    }

    // ---------------------------------------------------------------- IBAN, UK NINO, Spanish DNI/NIE, passports

    private void codes() {
        for (int i = 0; i < n; i++) {
            char c = at(i);
            if (!(isUpper(c) || isDigit(c)) || (i > 0 && (isWordChar(at(i - 1)) || at(i - 1) == '@'))) {
                continue;
            }
            if (isUpper(c)) {
                if (on[IBAN]) {
                    iban(i);
                }
                if (on[NATIONAL_ID]) {
                    nino(i);
                    nie(i);
                }
            } else if (on[NATIONAL_ID]) {
                dni(i);
            }
            if (on[PASSPORT]) {
                passport(i);
            }
        }
    }

    private void iban(int i) {
        if (i + 4 > n || !isUpper(at(i + 1)) || !isDigit(at(i + 2)) || !isDigit(at(i + 3))) {
            return;
        }
        int length = IbanCountries.length(at(i), at(i + 1));
        if (length == 0) {
            return;
        }
        char[] compact = new char[34];
        int count = 0;
        int p = i;
        while (count < length && p < n) {
            char c = at(p);
            if (c == ' ' && count % 4 == 0 && count > 0 && p + 1 < n && (isUpper(at(p + 1)) || isDigit(at(p + 1)))) {
                p++;
                continue;
            }
            if (!(isUpper(c) || isDigit(c))) {
                break;
            }
            compact[count++] = c;
            p++;
        }
        if (count != length || !rightOk(p)) {
            return;
        }
        if (Checksums.ibanRemainder(new String(compact, 0, count), 0, count) == 1) {
            add(i, p, IBAN, 950);
        }
    }

    private static boolean ninoPrefix(char a, char b) {
        if ("DFIQUV".indexOf(a) >= 0 || "DFIOQUV".indexOf(b) >= 0) {
            return false;
        }
        String pair = "" + a + b;
        return !(pair.equals("BG") || pair.equals("GB") || pair.equals("KN") || pair.equals("NK")
                || pair.equals("NT") || pair.equals("TN") || pair.equals("ZZ"));
    }

    /** UK National Insurance number: {@code QQ 12 34 56 C} or {@code QQ123456C} (no checksum exists). */
    private void nino(int i) {
        if (i + 9 > n || !isUpper(at(i + 1)) || !ninoPrefix(at(i), at(i + 1))) {
            return;
        }
        int p = i + 2;
        boolean spaced = p < n && at(p) == ' ';
        for (int pair = 0; pair < 3; pair++) {
            if (spaced) {
                if (p >= n || at(p) != ' ') {
                    return;
                }
                p++;
            }
            if (p + 2 > n || !isDigit(at(p)) || !isDigit(at(p + 1))) {
                return;
            }
            p += 2;
        }
        if (spaced || (p < n && at(p) == ' ')) {
            if (p >= n || at(p) != ' ') {
                return;
            }
            p++;
        }
        if (p >= n || at(p) < 'A' || at(p) > 'D' || !rightOk(p + 1)) {
            return;
        }
        add(i, p + 1, NATIONAL_ID, context(i, NINO_WORDS) ? 950 : 850);
    }

    /** Spanish NIE: {@code X1234567L}, letter checked. */
    private void nie(int i) {
        char c = at(i);
        if ((c != 'X' && c != 'Y' && c != 'Z') || i + 9 > n) {
            return;
        }
        int number = c - 'X';
        for (int p = i + 1; p < i + 8; p++) {
            if (!isDigit(at(p))) {
                return;
            }
            number = number * 10 + (at(p) - '0');
        }
        int p = i + 8;
        if (at(p) == '-' && p + 1 < n) {
            p++;
        }
        if (at(p) == Checksums.dniLetter(number) && rightOk(p + 1)) {
            add(i, p + 1, NATIONAL_ID, 850);
        }
    }

    /** Spanish DNI: {@code 12345678Z}, letter checked. */
    private void dni(int i) {
        if (i + 9 > n) {
            return;
        }
        int number = 0;
        for (int p = i; p < i + 8; p++) {
            if (!isDigit(at(p))) {
                return;
            }
            number = number * 10 + (at(p) - '0');
        }
        int p = i + 8;
        if (at(p) == '-' && p + 1 < n) {
            p++;
        }
        if (at(p) == Checksums.dniLetter(number) && rightOk(p + 1)) {
            add(i, p + 1, NATIONAL_ID, 850);
        }
    }

    /** Passport numbers have no common format or checksum: 6 to 9 letters and digits after the word "passport". */
    private void passport(int i) {
        int p = i;
        int digitCount = 0;
        while (p < n && p - i < 10 && (isUpper(at(p)) || isDigit(at(p)))) {
            if (isDigit(at(p))) {
                digitCount++;
            }
            p++;
        }
        int len = p - i;
        if (len < 6 || len > 9 || digitCount == 0 || !rightOk(p)) {
            return;
        }
        if (context(i, PASSPORT_WORDS)) {
            add(i, p, PASSPORT, 750);
        }
    }
}
