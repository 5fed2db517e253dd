package org.privacykit.detect;

/**
 * The text one scan reads, copied once into an array, with the character classes and the
 * word-boundary rules every recognizer shares.
 *
 * <p>Every recognizer reads the text through {@link #at(int)} and nothing else, so a subclass can
 * count the reads of a scan: {@code PiiDetectorLinearTimeTest} proves the scan linear with that
 * count instead of a clock. Only that test subclasses this class; with no subclass loaded, the JIT
 * compiles {@code at} as a plain array read.
 */
class ScanText implements CharSequence {
    /** ASCII letters, digits and the underscore: what a word is made of (with non-ASCII letters and digits). */
    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_WORD[c] = isDigit(c) || isUpper(c) || isLower(c) || c == '_';
        }
    }

    private final char[] chars;
    /** The number of characters. */
    final int length;

    ScanText(String text) {
        this.chars = text.toCharArray();
        this.length = chars.length;
    }

    /**
     * Returns one character: the only way recognizers read the text.
     *
     * @param i an index from 0 to {@link #length} - 1
     * @return the character
     */
    char at(int i) {
        return chars[i];
    }

    /** The same as {@link #at(int)}, so that {@link Checksums} reads a scan's text as it reads any other. */
    @Override
    public char charAt(int index) {
        return at(index);
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().substring(start, end);
    }

    @Override
    public String toString() {
        return new String(chars);
    }

    // ---------------------------------------------------------------- character classes

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean isAsciiLetter(char c) {
        return isUpper(c) || isLower(c);
    }

    static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Letters and digits of any script, and the underscore. */
    static boolean isWordChar(char c) {
        return c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
    }

    /** What may join the digit groups of one number: {@code 4111 1111}, {@code 202-555}, {@code 10.0}, {@code (0)20}. */
    static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')';
    }

    // ---------------------------------------------------------------- reading

    /** The end of the word that goes on at {@code i}: the first index from {@code i} that holds no word character. */
    int wordEnd(int i) {
        while (i < length && isWordChar(at(i))) {
            i++;
        }
        return i;
    }

    /** The end of the run of ASCII digits from {@code i}. */
    int digitsEnd(int i) {
        while (i < length && isDigit(at(i))) {
            i++;
        }
        return i;
    }

    /** Whether {@code i} is in the text and holds an ASCII digit. */
    boolean digitAt(int i) {
        return i < length && isDigit(at(i));
    }

    /** The text after a value ends a word: not a letter, digit, underscore or {@code @}. */
    boolean endsWord(int end) {
        if (end >= length) {
            return true;
        }
        char c = at(end);
        return !(isWordChar(c) || c == '@');
    }

    /**
     * The text after an address ends a word: not a letter, digit or underscore. An {@code @} may
     * follow, as in {@code 10.0.0.5@eth0}; when it starts an e-mail address instead, the longer and
     * surer e-mail finding wins.
     */
    boolean endsAddress(int end) {
        return end >= length || !isWordChar(at(end));
    }

    /**
     * The value is not followed by more of a number, as in {@code 1,234} or {@code 12:30}, nor by a
     * dash and more of an identifier, as the first groups of a UUID are ({@code 00539962-4983-4095-a79f}).
     */
    boolean notContinued(int end) {
        if (end + 1 >= length) {
            return true;
        }
        char c = at(end);
        char next = at(end + 1);
        return !(((c == ',' || c == ':' || c == '.') && isDigit(next)) || (c == '-' && isWordChar(next)));
    }

    /**
     * Whether a number may start at {@code i}: not inside a word or an e-mail address, not after a
     * decimal point, a time's colon or another number's separator ({@code 0.4111}, {@code 12:30}),
     * and not after a dash that joins it to a word, as in an identifier or a MAC address
     * ({@code ORD-2026-...}, {@code FE-05-95-60-65-41}).
     */
    boolean numberMayStart(int i) {
        if (i == 0) {
            return true;
        }
        char p = at(i - 1);
        if (isWordChar(p) || p == '@') {
            return false;
        }
        if (i < 2) {
            return true;
        }
        char q = at(i - 2);
        return !(((p == '.' || p == ',' || p == ':' || p == '/' || p == '-' || p == '+') && isDigit(q))
                || (p == '-' && isWordChar(q)));
    }

    /** The value of the ASCII digits in {@code [from, to)}. */
    int value(int from, int to) {
        int v = 0;
        for (int p = from; p < to; p++) {
            v = v * 10 + (at(p) - '0');
        }
        return v;
    }

    /** Whether the text at {@code p} holds {@code word} (small ASCII letters and others) in any ASCII case, not followed by a letter. */
    boolean wordAt(int p, String word) {
        int end = p + word.length();
        if (end > length) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            char c = at(p + k);
            if ((isUpper(c) ? (char) (c | 0x20) : c) != word.charAt(k)) {
                return false;
            }
        }
        if (end == length) {
            return true;
        }
        char c = at(end);
        return c < 128 ? !isAsciiLetter(c) : !Character.isLetter(c);
    }
}
