package org.privacykit.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.privacykit.mask.Masker;
import org.privacykit.mask.Maskers;
import org.jspecify.annotations.Nullable;

/**
 * The engine of {@link JsonMasker}: one pass over UTF-8 bytes that validates the document (RFC 8259
 * structure, string escapes, control characters, number grammar, literals, UTF-8 per RFC 3629,
 * trailing content, the masker's limits) and decides, value by value, what the masking rules say.
 * It records the spans of masked values with their replacements in {@link Replacements};
 * everything else is copied byte for byte. Nothing is decoded but the keys it has not seen before
 * and the values whose masker reads their text.
 *
 * <p>The scanner is resumable, so a stream goes through a bounded window: {@link #scan} stops
 * where the window ends and is called again once more input has been read. It stops before a key,
 * a number, a literal or a string whose masker reads it (each held whole, and each bounded by a
 * limit that is checked while the token grows), and inside any other string, so that a string of
 * any length, clear or masked, goes through in constant memory.
 *
 * <p>Errors are found at the same place whatever the form of the input: a limit that a long token
 * passes is reported as soon as the part read shows it, and a token found past a limit while
 * scanning is reported as past it, so a document read whole and the same document read through
 * any window give the same exception. One instance masks one document; it is not thread-safe.
 */
final class Utf8JsonScanner {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final int NEED_MORE = -1;
    private static final int INITIAL_DEPTH = 16;
    /** No fixed replacement. */
    private static final int NONE = -1;
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    // what the scanner expects next
    private static final int VALUE = 0;
    private static final int VALUE_OR_END = 1;
    private static final int KEY_OR_END = 2;
    private static final int KEY = 3;
    private static final int COLON = 4;
    private static final int AFTER_VALUE = 5;
    private static final int DONE = 6;
    /** Inside a value string that a window cut (streams only). */
    private static final int IN_STRING = 7;

    private final JsonMasker owner;
    private final KeyRules rules;
    private final boolean anyKeyRule;
    private final boolean keepValueTypes;
    private final int maxDepth;
    private final int maxKeyLength;
    private final int maxNumberLength;
    private final int maxMaskerInput;
    private final Replacements out;
    /** The input's encoding, for messages about bytes that are not in it. */
    private String encoding = InputEncoding.UTF_8.label;
    /** Whether a call is using this scanner (one kept per thread is lent to one call at a time). */
    boolean busy;

    // parse state, kept between calls to scan
    private int state;
    private int depth;
    private @Nullable Masker[] inherited = new Masker[INITIAL_DEPTH];
    private @Nullable Masker[] governing = new Masker[INITIAL_DEPTH];
    private PathMatcher.State @Nullable [] @Nullable [] pathNodes;
    /** Per open container: the next array index, or -1 for an object. */
    private int[] index = new int[INITIAL_DEPTH];
    /** Whether the string loop also stops at '?' (in a String's bytes), to count them. */
    private boolean countMarks;
    private int questionMarks;
    /** Whether the string just scanned held an escape or a non-ASCII byte. */
    private boolean special;
    /** Whether a string scanned so far held a non-ASCII byte (valid input holds none elsewhere). */
    private boolean nonAscii;
    /** In {@link #IN_STRING}: whether the string's bytes are dropped (its replacement is written). */
    private boolean skipping;
    /** Where {@link #scanString} stopped when it returned {@link #NEED_MORE}: all before is validated. */
    private int resumeAt;
    private final PathMatcher.Step step = new PathMatcher.Step();
    private @Nullable Masker valueMasker;
    private @Nullable Masker valueInherit;
    private PathMatcher.State @Nullable [] valueNodes;

    // positions, for errors
    private int line;
    /** Where the current line starts in the buffer (negative when it started in an earlier window). */
    private int lineStart;
    /** The chars of the current line in windows already written. */
    private long lineChars;
    /** The buffer being scanned. */
    private byte @Nullable [] text;
    /** Where the last error was found. */
    private int errorAt;

    Utf8JsonScanner(JsonMasker owner) {
        this.owner = owner;
        this.rules = owner.rules;
        this.anyKeyRule = owner.rules.any();
        this.keepValueTypes = owner.keepValueTypes;
        this.maxDepth = owner.maxDepth;
        this.maxKeyLength = owner.maxKeyLength;
        this.maxNumberLength = owner.maxNumberLength;
        this.maxMaskerInput = owner.maxMaskerInput;
        this.out = new Replacements();
        if (owner.paths != null) {
            this.pathNodes = new PathMatcher.State[INITIAL_DEPTH][];
        }
    }

    /** How many '?' the strings scanned so far held (counted for a String's bytes, see {@link #start(String, int, int, boolean)}). */
    int questionMarks() {
        return questionMarks;
    }

    /** Whether every byte scanned so far is ASCII. */
    boolean asciiInput() {
        return !nonAscii;
    }

    /** The spans recorded so far. */
    Replacements output() {
        return out;
    }

    /**
     * Starts a document of about {@code length} bytes in the given encoding; scanning starts at
     * {@code from} (after a byte-order mark, which columns do not count).
     */
    void start(String inputEncoding, int from, int length) {
        start(inputEncoding, from, length, false);
    }

    /**
     * As {@link #start(String, int, int)}; {@code fromString}: the bytes are a {@code String}'s
     * UTF-8 from {@code getBytes}, in which an unpaired surrogate became a {@code '?'}, so the '?'
     * in strings are counted for {@link #questionMarks()}.
     */
    void start(String inputEncoding, int from, int length, boolean fromString) {
        encoding = inputEncoding;
        countMarks = fromString;
        questionMarks = 0;
        out.reset(length);
        state = VALUE;
        depth = 0;
        special = false;
        nonAscii = false;
        skipping = false;
        line = 1;
        lineStart = from;
        lineChars = 0;
        text = null;
        valueMasker = owner.allowMode ? owner.defaultMasker : null;
        valueInherit = null;
        valueNodes = null;
        PathMatcher paths = owner.paths;
        if (paths != null) {
            valueNodes = paths.initial();
            if (paths.rootMasker() != null) {
                valueMasker = paths.rootMasker();
                valueInherit = paths.rootMasker();
            } else if (paths.rootAllowed()) {
                valueMasker = null;
            }
        }
    }

    /**
     * Drops what the last document left, so a scanner kept for reuse holds no part of it (the
     * per-depth arrays hold only the masker's own maskers and path states).
     */
    void finish() {
        out.reset(0);
        text = null;
    }

    /**
     * The stream driver drops the first {@code consumed} bytes of the buffer {@code b} (written
     * already) and moves the rest to the front: positions move with them.
     */
    void shift(byte[] b, int consumed) {
        if (lineStart < consumed) {
            lineChars += JsonText.charsIn(b, Math.max(lineStart, 0), consumed);
        }
        lineStart -= consumed;
    }

    // ---------------------------------------------------------------- the scanner

    /**
     * Scans {@code b[pos, limit)}. Returns the position up to which the input is final (its masked
     * spans recorded); the state is kept for the next call, which must start there. With
     * {@code eof}, the input ends at {@code limit}: the document must be complete, and the return is
     * {@code limit}.
     */
    int scan(byte[] b, int pos, int limit, boolean eof) {
        text = b;
        int st = state;
        if (st == IN_STRING) {
            int end = scanString(b, pos, limit, false);
            if (end < 0) {
                if (eof) {
                    throw error(limit, "unexpected end of input");
                }
                if (skipping) {
                    out.add(pos, resumeAt, Replacements.DROP);
                }
                return resumeAt;
            }
            if (skipping) {
                out.add(pos, end, Replacements.DROP);
            }
            pos = end;
            st = depth == 0 ? DONE : AFTER_VALUE;
        }
        while (true) {
            // skip white space
            int c;
            while (true) {
                if (pos >= limit) {
                    state = st;
                    return atEnd(pos, eof);
                }
                c = b[pos];
                if (c > ' ') {
                    break;
                }
                if (c == ' ' || c == '\t' || c == '\r') {
                    pos++;
                } else if (c == '\n') {
                    pos++;
                    line++;
                    lineStart = pos;
                    lineChars = 0;
                } else {
                    break; // another control byte, or one of 0x80 and above: never valid here
                }
            }
            // what comes next, by state: tested in the order of how often each comes, as conditions
            // the branch predictor learns (a switch here is a jump table, mispredicted far more often)
            int end;
            if (st == AFTER_VALUE) {
                int top = depth - 1;
                boolean array = index[top] >= 0;
                if (c == (array ? ']' : '}')) {
                    depth = top;
                    pos++;
                    st = top == 0 ? DONE : AFTER_VALUE;
                    continue;
                }
                if (c != ',') {
                    throw error(pos, array ? "expected ',' or ']'" : "expected ',' or '}'");
                }
                pos++;
                // the usual case goes on without a trip round the loop: the next token right after the comma
                c = pos < limit ? b[pos] : 0;
                if (array) {
                    element(top);
                    st = VALUE;
                    if (c <= ' ') {
                        continue;
                    }
                } else {
                    st = KEY;
                    if (c != '"') {
                        continue;
                    }
                }
            }
            if (st == KEY || st == KEY_OR_END) {
                if (c == '}' && st == KEY_OR_END) {
                    depth--;
                    pos++;
                    st = depth == 0 ? DONE : AFTER_VALUE;
                    continue;
                }
                if (c != '"') {
                    throw error(pos, "expected a key in double quotes");
                }
                special = false;
                try {
                    end = scanString(b, pos + 1, limit, true);
                } catch (MalformedJsonException e) {
                    throw keyError(b, pos + 1, e);
                }
                if (end < 0) {
                    keyCut(b, pos + 1, limit, eof);
                    state = st;
                    return pos;
                }
                key(b, pos + 1, end - 1);
                pos = end;
                if (pos + 1 >= limit || b[pos] != ':' || (c = b[pos + 1]) <= ' ') {
                    st = COLON;
                    continue;
                }
                pos++; // the usual case: "key":value
                st = VALUE;
            } else if (st == COLON) {
                if (c != ':') {
                    throw error(pos, "expected ':'");
                }
                pos++;
                st = VALUE;
                continue;
            } else if (st == VALUE_OR_END && c == ']') {
                depth--;
                pos++;
                st = depth == 0 ? DONE : AFTER_VALUE;
                continue;
            } else if (st == DONE) {
                throw error(pos, "trailing content after the JSON value");
            }
            // a value, by its first byte, the usual ones first
            if (c == '"') {
                end = scanString(b, pos + 1, limit, false);
                if (end < 0) {
                    if (eof) {
                        throw error(limit, "unexpected end of input");
                    }
                    return cutString(b, pos, st);
                }
                Masker masker = valueMasker;
                if (masker != null) {
                    maskString(masker, b, pos, end);
                }
            } else if ((c >= '0' && c <= '9') || c == '-') {
                end = scanNumber(b, pos, limit, eof);
                if (end < 0) {
                    state = st;
                    return incomplete(pos, limit, eof);
                }
                Masker masker = valueMasker;
                if (masker != null) {
                    maskScalar(masker, b, pos, end, false);
                }
            } else if (c == '{' || c == '[') {
                push(pos, c == '[');
                pos++;
                st = c == '[' ? VALUE_OR_END : KEY_OR_END;
                continue;
            } else if (c == 't' || c == 'f') {
                end = literal(b, pos, limit, c == 't' ? TRUE : FALSE);
                if (end < 0) {
                    state = st;
                    return incomplete(pos, limit, eof);
                }
                Masker masker = valueMasker;
                if (masker != null) {
                    maskScalar(masker, b, pos, end, true);
                }
            } else if (c == 'n') {
                end = literal(b, pos, limit, NULL);
                if (end < 0) {
                    state = st;
                    return incomplete(pos, limit, eof);
                }
                // null stays null
            } else {
                throw error(pos, "expected a value");
            }
            pos = end;
            st = depth == 0 ? DONE : AFTER_VALUE;
        }
    }

    private int atEnd(int pos, boolean eof) {
        if (!eof || state == DONE) {
            return pos;
        }
        if (state == VALUE && depth == 0) {
            throw new MalformedJsonException("empty input", -1, -1);
        }
        throw error(pos, "unexpected end of input");
    }

    private int incomplete(int tokenStart, int limit, boolean eof) {
        if (eof) {
            throw error(limit, "unexpected end of input");
        }
        return tokenStart;
    }

    /**
     * A value string starting at {@code start} that the window cut before its end (a stream): a
     * clear one is written as far as it is validated, and so is the replacement of a masked one
     * whose mask does not read it (or that is already too long for its masker), its bytes then
     * dropped; a masked one whose masker reads it is held whole, read again with more input.
     */
    private int cutString(byte[] b, int start, int st) {
        int resume = resumeAt;
        int replacement = NONE;
        if (valueMasker != null) {
            replacement = fixedReplacement(valueMasker);
            if (replacement == NONE && resume - start - 1 > maxMaskerInput
                    && JsonText.decodedLength(b, start + 1, resume) > maxMaskerInput) {
                replacement = Replacements.FULL;
            }
            if (replacement == NONE) {
                state = st;
                return start;
            }
            out.add(start, resume, replacement);
        }
        state = IN_STRING;
        skipping = replacement != NONE;
        return resume;
    }

    // ---------------------------------------------------------------- masking decisions

    private void push(int pos, boolean array) {
        if (depth == inherited.length) {
            int size = depth * 2;
            inherited = Arrays.copyOf(inherited, size);
            governing = Arrays.copyOf(governing, size);
            index = Arrays.copyOf(index, size);
            if (pathNodes != null) {
                pathNodes = Arrays.copyOf(pathNodes, size);
            }
        }
        if (depth >= maxDepth) {
            throw limit(pos, "nesting deeper than " + maxDepth + " levels");
        }
        inherited[depth] = valueInherit;
        governing[depth] = array ? valueMasker : null;
        if (pathNodes != null) {
            pathNodes[depth] = valueNodes;
        }
        index[depth] = array ? 0 : -1;
        depth++;
        if (array) {
            element(depth - 1);
        }
    }

    /** The decision for the next element of the array at {@code top}. */
    private void element(int top) {
        int i = index[top];
        index[top] = i == Integer.MAX_VALUE ? i : i + 1; // an index past int's range stays there, never turns negative
        Masker above = inherited[top];
        if (above != null) {
            valueMasker = above;
            valueInherit = above;
            valueNodes = null;
        } else if (pathNodes == null || pathNodes[top] == null) {
            valueMasker = governing[top];
            valueInherit = null;
            valueNodes = null;
        } else {
            PathMatcher.byIndex(pathNodes[top], i, step);
            valueNodes = step.next;
            if (step.masker != null) {
                valueMasker = step.masker;
                valueInherit = step.masker;
            } else {
                valueMasker = step.allowed ? null : governing[top];
                valueInherit = null;
            }
        }
    }

    /** The decision for the value of the key {@code b[from, to)} (raw, between the quotes). */
    private void key(byte[] b, int from, int to) {
        if (to - from > maxKeyLength) {
            checkKeyLength(b, from, to);
        }
        int top = depth - 1;
        Masker above = inherited[top];
        if (above != null) {
            valueMasker = above;
            valueInherit = above;
            valueNodes = null;
            return;
        }
        PathMatcher.State[] nodes = pathNodes == null ? null : pathNodes[top];
        if (nodes != null) {
            keyOnPaths(b, from, to, nodes);
            return;
        }
        valueNodes = null;
        if (!anyKeyRule) {
            valueMasker = null;
            valueInherit = null;
            return;
        }
        KeyRules.Rule rule = special ? rules.forRaw(b, from, to).rule : rules.forPlain(b, from, to);
        valueMasker = rule.masker();
        valueInherit = rule.explicit() ? rule.masker() : null;
    }

    /** The decision for the value of a key where paths may still select it. */
    private void keyOnPaths(byte[] b, int from, int to, PathMatcher.State[] nodes) {
        KeyRules.RawKey key = rules.forRaw(b, from, to);
        PathMatcher.byName(nodes, key.name, step);
        valueNodes = step.next;
        if (step.masker != null) {
            valueMasker = step.masker;
            valueInherit = step.masker;
        } else if (key.rule.explicit() || !step.allowed) {
            valueMasker = key.rule.masker();
            valueInherit = key.rule.explicit() ? key.rule.masker() : null;
        } else {
            valueMasker = null; // an allow path selects it
            valueInherit = null;
        }
    }

    /** Throws when the key starting at {@code from} is longer than the limit in its validated part {@code [from, to)}. */
    private void checkKeyLength(byte[] b, int from, int to) {
        if (to - from > maxKeyLength && JsonText.decodedLength(b, from, to) > maxKeyLength) {
            throw limit(from - 1, "a key longer than " + maxKeyLength + " characters");
        }
    }

    /** Records the replacement of the string token {@code b[start, end)} (quotes included). */
    private void maskString(Masker masker, byte[] b, int start, int end) {
        int fixed = fixedReplacement(masker);
        if (fixed != NONE) {
            out.add(start, end, fixed);
        } else if (end - start - 2 > maxMaskerInput && JsonText.decodedLength(b, start + 1, end - 1) > maxMaskerInput) {
            out.add(start, end, Replacements.FULL); // too long to give the masker: hidden whole
        } else {
            out.add(start, end, masked(masker, JsonText.decode(b, start + 1, end - 1)));
        }
    }

    /** The replacement of a masker that does not read the value ({@code ****}, {@code [REDACTED]}), or {@link #NONE}. */
    private static int fixedReplacement(Masker masker) {
        return masker == JsonMasker.FULL ? Replacements.FULL : masker == JsonMasker.REDACT ? Replacements.REDACTED : NONE;
    }

    /** Records the replacement of a number ({@code literal} false) or of true / false. */
    private void maskScalar(Masker masker, byte[] b, int start, int end, boolean literal) {
        int fixed = keepValueTypes ? (literal ? Replacements.FALSE : Replacements.ZERO) : fixedReplacement(masker);
        if (fixed != NONE) {
            out.add(start, end, fixed);
        } else {
            out.add(start, end, masked(masker, new String(b, start, end - start, StandardCharsets.ISO_8859_1)));
        }
    }

    /** The mask of a value's text as a quoted JSON string (a {@code null} mask is written as the redaction marker). */
    private static byte[] masked(Masker masker, String text) {
        String masked = masker.mask(text);
        return JsonText.quote(masked == null ? Maskers.REDACTED : masked);
    }

    // ---------------------------------------------------------------- tokens

    /**
     * The error a key starting at {@code from} gets for a malformed part: the limit, when the key
     * was already too long before it (as a window that ends before the malformed part shows).
     */
    private MalformedJsonException keyError(byte[] b, int from, MalformedJsonException e) {
        checkKeyLength(b, from, errorAt);
        return e;
    }

    /** A key the input cut: too long already, or cut by the end of the input, or read again with more input. */
    private void keyCut(byte[] b, int from, int limit, boolean eof) {
        checkKeyLength(b, from, resumeAt);
        if (eof) {
            throw error(limit, "unexpected end of input");
        }
    }

    /**
     * Scans a string from {@code pos} (after its opening quote, or where a cut string goes on).
     * Returns the position after the closing quote, or {@link #NEED_MORE} with {@link #resumeAt}
     * set to where the validated part ends. {@code name}: a key, in which an escaped surrogate
     * must be half of an escaped pair.
     */
    private int scanString(byte[] b, int pos, int limit, boolean name) {
        boolean marks = countMarks; // loop-invariant: the compiler makes one loop with the test, one without
        while (true) {
            // eight bytes at a time while none of them is '"', '\', a control byte or non-ASCII
            // (or, for a String, '?')
            while (pos + 8 <= limit) {
                long w = (long) LONGS.get(b, pos);
                long stop = (((w ^ 0x2222222222222222L) - ONES) | ((w ^ 0x5C5C5C5C5C5C5C5CL) - ONES)
                        | (marks ? (w ^ 0x3F3F3F3F3F3F3F3FL) - ONES : 0) | (w - 0x2020202020202020L) | w) & HIGHS;
                if (stop != 0) {
                    int bit = Long.numberOfTrailingZeros(stop); // the high bit of the first stop byte
                    pos += bit >>> 3;
                    if ((int) (w >>> (bit - 7) & 0xFF) == '"') {
                        return pos + 1; // the usual stop, decided without reading the byte again
                    }
                    break;
                }
                pos += 8;
            }
            if (pos >= limit) {
                resumeAt = limit;
                return NEED_MORE;
            }
            int c = b[pos];
            if (c == '"') {
                return pos + 1;
            }
            int next;
            if (c == '\\') {
                special = true;
                next = escape(b, pos, limit, name);
            } else if (c < 0) {
                special = true;
                nonAscii = true;
                next = utf8(b, pos, limit);
            } else if (c < 0x20) {
                throw error(pos, "control character in a string (it must be escaped)");
            } else {
                questionMarks += c == '?' ? 1 : 0;
                next = pos + 1;
            }
            if (next < 0) {
                resumeAt = pos;
                return NEED_MORE;
            }
            pos = next;
        }
    }

    private int escape(byte[] b, int pos, int limit, boolean name) {
        if (pos + 2 > limit) {
            return NEED_MORE;
        }
        switch (b[pos + 1]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
                return pos + 2;
            case 'u': {
                if (pos + 6 > limit) {
                    return NEED_MORE;
                }
                int u = JsonText.hex4(b, pos + 2);
                if (u < 0) {
                    throw error(pos, "invalid \\u escape (four hex digits expected)");
                }
                if (name && u >= 0xD800 && u <= 0xDFFF) {
                    if (u >= 0xDC00) {
                        throw error(pos, "unpaired surrogate escape in a key");
                    }
                    if (pos + 12 > limit) {
                        return NEED_MORE;
                    }
                    int low = b[pos + 6] == '\\' && b[pos + 7] == 'u' ? JsonText.hex4(b, pos + 8) : -1;
                    if (low < 0xDC00 || low > 0xDFFF) {
                        throw error(pos, "unpaired surrogate escape in a key");
                    }
                    return pos + 12;
                }
                return pos + 6;
            }
            default:
                throw error(pos, "invalid escape in a string");
        }
    }

    /** Validates one UTF-8 sequence (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF). */
    private int utf8(byte[] b, int pos, int limit) {
        int c = b[pos] & 0xFF;
        int length;
        int low = 0x80;
        int high = 0xBF;
        if (c < 0xC2) {
            throw error(pos, "invalid " + encoding);
        } else if (c < 0xE0) {
            length = 2;
        } else if (c < 0xF0) {
            length = 3;
            if (c == 0xE0) {
                low = 0xA0;
            } else if (c == 0xED) {
                high = 0x9F;
            }
        } else if (c < 0xF5) {
            length = 4;
            if (c == 0xF0) {
                low = 0x90;
            } else if (c == 0xF4) {
                high = 0x8F;
            }
        } else {
            throw error(pos, "invalid " + encoding);
        }
        if (pos + 1 < limit) {
            int d = b[pos + 1] & 0xFF;
            if (d < low || d > high) {
                if (c == 0xED && d >= 0xA0 && d <= 0xBF) {
                    // how a lone surrogate of a String, or of UTF-16 input, reaches the scanner
                    throw error(pos, "a surrogate code point (an unpaired surrogate, or one encoded apart from its pair)"
                            + " is not a character");
                }
                throw error(pos + 1, "invalid " + encoding);
            }
        }
        for (int i = pos + 2; i < pos + length && i < limit; i++) {
            if ((b[i] & 0xC0) != 0x80) {
                throw error(i, "invalid " + encoding);
            }
        }
        return pos + length > limit ? NEED_MORE : pos + length; // the bytes there are are right; the rest may come
    }

    /**
     * Scans a number; returns its end, or {@link #NEED_MORE} when it may go on past {@code limit}.
     * A number longer than the limit is reported as such wherever the scan finds out, before any
     * other error further on in it. An integer is read here; a fraction or exponent in
     * {@link #numberTail}, to keep this part small enough to be compiled into the scan loop.
     */
    private int scanNumber(byte[] b, int start, int limit, boolean eof) {
        int p = start;
        if (b[p] == '-') {
            p++;
        }
        if (p >= limit) {
            return numberCut(start, limit);
        }
        int c = b[p];
        if (c == '0') {
            p++;
        } else if (c >= '1' && c <= '9') {
            p++;
            while (p < limit && isDigit(b[p])) {
                p++;
            }
        } else {
            throw numberError(start, p, "a digit must follow '-'");
        }
        if (p < limit) {
            c = b[p];
            if (c == '.' || c == 'e' || c == 'E' || isDigit(c)) {
                return numberTail(b, start, p, limit, eof);
            }
        } else if (!eof) {
            return numberCut(start, limit); // more digits may follow
        }
        if (p - start > maxNumberLength) {
            throw numberLimit(start);
        }
        return p;
    }

    /** The rest of a number from {@code p}, just after its integer part: a fraction, an exponent (or a bad leading zero). */
    private int numberTail(byte[] b, int start, int p, int limit, boolean eof) {
        int c = b[p];
        if (isDigit(c)) {
            throw numberError(start, p, "leading zeros are not allowed");
        }
        if (c == '.') {
            p++;
            int from = p;
            while (p < limit && isDigit(b[p])) {
                p++;
            }
            if (p == from) {
                if (p >= limit) {
                    return numberCut(start, limit);
                }
                throw numberError(start, p, "a digit must follow the decimal point");
            }
            c = p < limit ? b[p] : 0;
        }
        if (c == 'e' || c == 'E') {
            p++;
            if (p < limit && (b[p] == '+' || b[p] == '-')) {
                p++;
            }
            int from = p;
            while (p < limit && isDigit(b[p])) {
                p++;
            }
            if (p == from) {
                if (p >= limit) {
                    return numberCut(start, limit);
                }
                throw numberError(start, p, "a digit must follow the exponent");
            }
        }
        if (p >= limit && !eof) {
            return numberCut(start, limit); // more digits may follow
        }
        if (p - start > maxNumberLength) {
            throw numberLimit(start);
        }
        return p;
    }

    private int numberCut(int start, int limit) {
        if (limit - start > maxNumberLength) {
            throw numberLimit(start);
        }
        return NEED_MORE;
    }

    private MalformedJsonException numberError(int start, int at, String reason) {
        return at - start > maxNumberLength ? numberLimit(start) : error(at, reason);
    }

    private MalformedJsonException numberLimit(int start) {
        return limit(start, "a number longer than " + maxNumberLength + " characters");
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** Matches the literal {@code word} at {@code pos}; returns its end or {@link #NEED_MORE}. */
    private int literal(byte[] b, int pos, int limit, byte[] word) {
        for (int i = 1; i < word.length; i++) {
            int at = pos + i;
            if (at >= limit) {
                return NEED_MORE;
            }
            if (b[at] != word[i]) {
                throw error(at, "unrecognized literal (expected true, false or null)");
            }
        }
        return pos + word.length;
    }

    // ---------------------------------------------------------------- errors

    private MalformedJsonException error(int pos, String reason) {
        errorAt = pos;
        return new MalformedJsonException("not well-formed JSON: " + reason, line, column(pos));
    }

    private MalformedJsonException limit(int pos, String what) {
        errorAt = pos;
        return new MalformedJsonException("the document exceeds a limit (" + what + ")", line, column(pos));
    }

    /** The 1-based column of {@code pos} on the current line, in UTF-16 chars. */
    private long column(int pos) {
        byte[] b = text;
        return lineChars + (b == null ? 0 : JsonText.charsIn(b, Math.max(lineStart, 0), pos)) + 1;
    }
}
