package org.privacykit.jackson;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.privacykit.mask.Masker;
import org.privacykit.mask.Maskers;

/**
 * The fast path of {@link JsonMasker} for UTF-8 input: one pass over the bytes that validates the
 * document as strictly as Jackson's parser does (RFC 8259 structure, string escapes, control
 * characters, number grammar, literals, UTF-8 per RFC 3629, trailing content, Jackson's default
 * {@code StreamReadConstraints}) and applies exactly the masking rules of the Jackson loop in
 * {@link JsonMasker}. It records the spans of masked values and their replacements; everything
 * else is copied byte for byte. Nothing is decoded but the keys it has not seen before and the
 * values whose masker reads their text.
 *
 * <p>The scanner is resumable at token boundaries, so a stream is masked through a bounded window:
 * {@link #scan} stops before a token that the window does not hold whole and is called again once
 * more input has been read. One instance masks one document; it is not thread-safe.
 */
final class Utf8JsonScanner {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final int NEED_MORE = -1;
    private static final byte[] ZERO = {'0'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    /** The first read of a stream (small documents need no more). */
    static final int FIRST_READ = 8 * 1024;
    /** The stream window: how much input is read at a time, and held unless a single token is longer. */
    static final int WINDOW = 64 * 1024;

    // what the scanner expects next
    private static final int VALUE = 0;
    private static final int VALUE_OR_END = 1;
    private static final int KEY_OR_END = 2;
    private static final int KEY = 3;
    private static final int COLON = 4;
    private static final int AFTER_VALUE = 5;
    private static final int DONE = 6;

    /**
     * Thrown in string mode when the document reaches a corner where Jackson's char parser and its
     * byte parser disagree (numbers and keys near their length limits, masked text with an unpaired
     * surrogate): the caller masks the string with the Jackson loop instead. Carries no input.
     */
    static final class DeferToJackson extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeferToJackson() {
            super("deferred to Jackson", null, false, false);
        }
    }

    private final JsonMasker owner;
    private final KeyRules rules;
    private final boolean anyKeyRule;
    private final boolean keepValueTypes;
    /** The input came from a Java String: limits count chars, and corner cases defer to Jackson. */
    private final boolean stringMode;
    private final int maxDepth;
    private final int maxNumberLength;
    private final int maxNameLength;
    private final int maxStringLength;

    // parse state, kept between calls to scan
    private int state = VALUE;
    private int depth;
    private Masker[] inherited = new Masker[16];
    private Masker[] governing = new Masker[16];
    private JsonPathPattern[][] pathNodes;
    /** Per open container: the next array index, or -1 for an object. */
    private int[] index = new int[16];
    /** Whether the string just scanned held an escape or a non-ASCII byte. */
    private boolean special;
    private Masker valueMasker;
    private Masker valueInherit;
    private JsonPathPattern[] valueNodes;
    private int line = 1;
    private int lineStart;
    /** The buffer being scanned (for error positions). */
    private byte[] text;

    // the masked spans found so far: [start, end) replaced by the bytes
    private int spans;
    private int[] spanStart = new int[16];
    private int[] spanEnd = new int[16];
    private byte[][] spanBytes = new byte[16][];

    Utf8JsonScanner(JsonMasker owner, boolean stringMode) {
        this.owner = owner;
        this.rules = owner.rules;
        this.anyKeyRule = owner.rules.any();
        this.keepValueTypes = owner.keepValueTypes;
        this.stringMode = stringMode;
        this.maxDepth = owner.maxDepth;
        this.maxNumberLength = owner.maxNumberLength;
        this.maxNameLength = owner.maxNameLength;
        this.maxStringLength = owner.maxStringLength;
        this.valueMasker = owner.allowMode ? owner.defaultMasker : null;
        if (owner.paths != null) {
            this.pathNodes = new JsonPathPattern[16][];
            this.valueNodes = new JsonPathPattern[] {owner.paths};
        }
    }

    // ---------------------------------------------------------------- drivers

    /** Masks a whole UTF-8 document held in {@code in}; scanning starts at {@code from} (after a BOM), copying at 0. */
    byte[] maskArray(byte[] in, int from) {
        lineStart = from;
        if (in.length > 4096) { // room for one masked value per 128 bytes before the span arrays grow
            int room = in.length >>> 7;
            spanStart = new int[room];
            spanEnd = new int[room];
            spanBytes = new byte[room][];
        }
        scan(in, from, in.length, true);
        int length = in.length;
        for (int i = 0; i < spans; i++) {
            length += spanBytes[i].length - (spanEnd[i] - spanStart[i]);
        }
        byte[] out = new byte[length];
        int copied = 0;
        int at = 0;
        for (int i = 0; i < spans; i++) {
            int n = spanStart[i] - copied;
            System.arraycopy(in, copied, out, at, n);
            at += n;
            byte[] r = spanBytes[i];
            System.arraycopy(r, 0, out, at, r.length);
            at += r.length;
            copied = spanEnd[i];
        }
        System.arraycopy(in, copied, out, at, in.length - copied);
        return out;
    }

    /**
     * Masks a UTF-8 stream through a bounded window. {@code head} holds the first {@code count}
     * bytes, already read to detect the encoding ({@code atEof}: they are all there is);
     * {@code from} is where scanning starts (after a BOM).
     */
    void maskStream(byte[] head, int count, boolean atEof, int from, InputStream in, OutputStream out) throws IOException {
        byte[] buf = head;
        byte[] chunk = new byte[0];
        int limit = count;
        int pos = from;
        int copied = 0;
        lineStart = from;
        boolean eof = atEof;
        while (true) {
            int consumed = scan(buf, pos, limit, eof);
            // everything before consumed is final: write it, with its masked spans replaced
            chunk = emit(buf, copied, consumed, chunk, out);
            copied = consumed;
            if (eof) {
                return;
            }
            // keep the unfinished token, read more (at least doubling what the token has, so a
            // long token is rescanned a bounded number of times)
            int kept = limit - consumed;
            if (consumed > 0) {
                System.arraycopy(buf, consumed, buf, 0, kept);
                lineStart -= consumed;
            }
            if (kept * 2 > buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            } else if (buf.length < WINDOW && limit == buf.length) {
                buf = Arrays.copyOf(buf, WINDOW); // a small first read was filled: a longer document, read more at a time
            }
            copied = 0;
            pos = 0;
            limit = kept;
            int want = Math.max(1, kept);
            int got = 0;
            while (got < want && limit < buf.length) {
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    eof = true;
                    break;
                }
                limit += n;
                got += n;
            }
        }
    }

    private byte[] emit(byte[] buf, int from, int to, byte[] chunk, OutputStream out) throws IOException {
        if (spans == 0) {
            if (to > from) {
                out.write(buf, from, to - from);
            }
            return chunk;
        }
        int length = to - from;
        for (int i = 0; i < spans; i++) {
            length += spanBytes[i].length - (spanEnd[i] - spanStart[i]);
        }
        byte[] target = chunk.length >= length ? chunk : new byte[Math.max(length, Math.min(2 * chunk.length, WINDOW))];
        int copied = from;
        int at = 0;
        for (int i = 0; i < spans; i++) {
            int n = spanStart[i] - copied;
            System.arraycopy(buf, copied, target, at, n);
            at += n;
            byte[] r = spanBytes[i];
            System.arraycopy(r, 0, target, at, r.length);
            at += r.length;
            copied = spanEnd[i];
        }
        System.arraycopy(buf, copied, target, at, to - copied);
        at += to - copied;
        Arrays.fill(spanBytes, 0, spans, null);
        spans = 0;
        if (at > 0) {
            out.write(target, 0, at);
        }
        return target;
    }

    // ---------------------------------------------------------------- the scanner

    /**
     * Scans {@code b[pos, limit)}. Returns the position up to which every token is complete (and its
     * masked spans recorded); the state is kept for the next call, which must start there. With
     * {@code eof}, the input ends at {@code limit}: the document must be complete, and the return is
     * {@code limit}.
     */
    int scan(byte[] b, int pos, int limit, boolean eof) {
        text = b;
        int st = state;
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
                } else {
                    break; // another control byte, or one of 0x80 and above: never valid here
                }
            }
            int end;
            switch (st) {
                case AFTER_VALUE: {
                    int top = depth - 1;
                    if (c == ',') {
                        pos++;
                        if (index[top] >= 0) {
                            element(top);
                            st = VALUE;
                        } else {
                            st = KEY;
                        }
                        continue;
                    }
                    if (c == (index[top] >= 0 ? ']' : '}')) {
                        depth = top;
                        pos++;
                        st = top == 0 ? DONE : AFTER_VALUE;
                        continue;
                    }
                    throw error(pos, index[top] >= 0 ? "expected ',' or ']'" : "expected ',' or '}'");
                }
                case KEY_OR_END:
                case KEY:
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
                    end = scanString(b, pos + 1, limit, true);
                    if (end < 0) {
                        state = st;
                        return incomplete(pos, limit, eof);
                    }
                    key(b, pos + 1, end - 1);
                    pos = end;
                    if (pos < limit && b[pos] == ':') { // the usual case, without a trip round the loop
                        pos++;
                        st = VALUE;
                    } else {
                        st = COLON;
                    }
                    continue;
                case COLON:
                    if (c != ':') {
                        throw error(pos, "expected ':'");
                    }
                    pos++;
                    st = VALUE;
                    continue;
                case DONE:
                    throw error(pos, "trailing content after the JSON value");
                case VALUE_OR_END:
                    if (c == ']') {
                        depth--;
                        pos++;
                        st = depth == 0 ? DONE : AFTER_VALUE;
                        continue;
                    }
                    break;
                default: // VALUE
                    break;
            }
            // a value
            switch (c) {
                case '"':
                    end = scanString(b, pos + 1, limit, false);
                    if (end < 0) {
                        state = st;
                        return incomplete(pos, limit, eof);
                    }
                    if (valueMasker != null) {
                        maskString(b, pos, end);
                    }
                    break;
                case '{':
                case '[':
                    push(pos, c == '[');
                    pos++;
                    st = c == '[' ? VALUE_OR_END : KEY_OR_END;
                    continue;
                case 't':
                    end = literal(b, pos, limit, TRUE);
                    if (end < 0) {
                        state = st;
                        return incomplete(pos, limit, eof);
                    }
                    if (valueMasker != null) {
                        maskScalar(b, pos, end, true);
                    }
                    break;
                case 'f':
                    end = literal(b, pos, limit, FALSE);
                    if (end < 0) {
                        state = st;
                        return incomplete(pos, limit, eof);
                    }
                    if (valueMasker != null) {
                        maskScalar(b, pos, end, true);
                    }
                    break;
                case 'n':
                    end = literal(b, pos, limit, NULL);
                    if (end < 0) {
                        state = st;
                        return incomplete(pos, limit, eof);
                    }
                    break; // null stays null
                default:
                    if (c != '-' && (c < '0' || c > '9')) {
                        throw error(pos, "expected a value");
                    }
                    end = scanNumber(b, pos, limit, eof);
                    if (end < 0) {
                        state = st;
                        return incomplete(pos, limit, eof);
                    }
                    if (valueMasker != null) {
                        maskScalar(b, pos, end, false);
                    }
            }
            pos = end;
            st = depth == 0 ? DONE : AFTER_VALUE;
        }
    }

    private int atEnd(int pos, boolean eof) {
        if (!eof) {
            return pos;
        }
        if (state == DONE) {
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

    // ---------------------------------------------------------------- masking decisions (as JsonMasker.run)

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
            throw limit(pos, "Document nesting depth (" + (depth + 1) + ") exceeds the maximum allowed (" + maxDepth + ")");
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
        int i = index[top]++;
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
            valueNodes = JsonPathPattern.byIndex(pathNodes[top], i);
            Masker byPath = JsonPathPattern.masker(valueNodes);
            valueMasker = byPath != null ? byPath : governing[top];
            valueInherit = byPath;
        }
    }

    /** The decision for the value of the key {@code b[from, to)} (raw, between the quotes). */
    private void key(byte[] b, int from, int to) {
        if (to - from > maxNameLength) {
            checkNameLength(b, from, to);
        }
        int top = depth - 1;
        Masker above = inherited[top];
        if (above != null) {
            valueMasker = above;
            valueInherit = above;
            valueNodes = null;
            return;
        }
        JsonPathPattern[] nodes = pathNodes == null ? null : pathNodes[top];
        if (nodes == null) {
            valueNodes = null;
            if (!anyKeyRule || (!special && !rules.mayMatchPlain(to - from))) {
                // no rule can match: none at all, or a plain ASCII key of a length no masked key has
                valueMasker = null;
                valueInherit = null;
                return;
            }
            KeyRules.Rule rule = rules.forRaw(b, from, to).rule;
            valueMasker = rule.masker;
            valueInherit = rule.explicit ? rule.masker : null;
            return;
        }
        KeyRules.RawKey key = rules.forRaw(b, from, to);
        valueNodes = JsonPathPattern.byKey(nodes, key.name);
        Masker byPath = JsonPathPattern.masker(valueNodes);
        if (byPath != null) {
            valueMasker = byPath;
            valueInherit = byPath;
        } else {
            valueMasker = key.rule.masker;
            valueInherit = key.rule.explicit ? key.rule.masker : null;
        }
    }

    private void checkNameLength(byte[] b, int from, int to) {
        if (stringMode) {
            throw new DeferToJackson(); // the char parser counts chars: let it decide
        }
        long length = JsonText.utf8Length(b, from, to);
        if (length > maxNameLength) {
            throw limit(from, "Name length (" + length + ") exceeds the maximum allowed (" + maxNameLength + ")");
        }
    }

    /** Records the replacement of the string token {@code b[start, end)} (quotes included). */
    private void maskString(byte[] b, int start, int end) {
        Masker masker = valueMasker;
        if (end - start - 2 > maxStringLength) {
            if (stringMode) {
                throw new DeferToJackson();
            }
            long length = JsonText.charLength(b, start + 1, end - 1);
            if (length > maxStringLength) {
                throw limit(start, "String value length (" + length + ") exceeds the maximum allowed (" + maxStringLength + ")");
            }
        }
        if (masker == JsonMasker.FULL) {
            span(start, end, JsonMasker.FULL_UTF8);
        } else {
            span(start, end, masked(masker, JsonText.decode(b, start + 1, end - 1), start));
        }
    }

    /** Records the replacement of a number ({@code literal} false) or of true / false. */
    private void maskScalar(byte[] b, int start, int end, boolean literal) {
        Masker masker = valueMasker;
        if (keepValueTypes) {
            span(start, end, literal ? FALSE : ZERO);
        } else if (masker == JsonMasker.FULL) {
            span(start, end, JsonMasker.FULL_UTF8);
        } else {
            span(start, end, masked(masker, new String(b, start, end - start, StandardCharsets.ISO_8859_1), start));
        }
    }

    private byte[] masked(Masker masker, String text, int at) {
        String json;
        try {
            json = owner.maskedJson(masker, text);
        } catch (IllegalArgumentException e) {
            // a masked value with an unpaired surrogate cannot be encoded; its text is not repeated
            throw error(at, "a masked string holds an unpaired surrogate");
        }
        if (stringMode && hasUnpairedSurrogate(json)) {
            throw new DeferToJackson(); // the String result would keep it; UTF-8 cannot
        }
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the bytes hold a '?', eight at a time. */
    static boolean hasQuestionMark(byte[] b) {
        int i = 0;
        for (; i + 8 <= b.length; i += 8) {
            long w = (long) LONGS.get(b, i) ^ 0x3F3F3F3F3F3F3F3FL;
            if (((w - ONES) & ~w & HIGHS) != 0) {
                return true;
            }
        }
        for (; i < b.length; i++) {
            if (b[i] == '?') {
                return true;
            }
        }
        return false;
    }

    /** Whether the text holds a surrogate without its pair: it has no UTF-8 form (shared by the masker and the encrypting writer). */
    static boolean hasUnpairedSurrogate(CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private void span(int start, int end, byte[] replacement) {
        if (spans == spanStart.length) {
            int size = spans * 2;
            spanStart = Arrays.copyOf(spanStart, size);
            spanEnd = Arrays.copyOf(spanEnd, size);
            spanBytes = Arrays.copyOf(spanBytes, size);
        }
        spanStart[spans] = start;
        spanEnd[spans] = end;
        spanBytes[spans] = replacement;
        spans++;
    }

    // ---------------------------------------------------------------- tokens

    /**
     * Scans a string from just after its opening quote. Returns the position after the closing
     * quote, or {@link #NEED_MORE}. {@code name}: a key, in which an escaped surrogate must be half
     * of an escaped pair (as Jackson requires of names).
     */
    private int scanString(byte[] b, int pos, int limit, boolean name) {
        while (true) {
            // eight bytes at a time while none of them is '"', '\', a control byte or non-ASCII
            while (pos + 8 <= limit) {
                long w = (long) LONGS.get(b, pos);
                long stop = (((w ^ 0x2222222222222222L) - ONES) | ((w ^ 0x5C5C5C5C5C5C5C5CL) - ONES)
                        | (w - 0x2020202020202020L) | w) & HIGHS;
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
                return NEED_MORE;
            }
            int c = b[pos];
            if (c == '"') {
                return pos + 1;
            }
            if (c == '\\') {
                special = true;
                pos = escape(b, pos, limit, name);
                if (pos < 0) {
                    return NEED_MORE;
                }
            } else if (c < 0) {
                special = true;
                pos = utf8(b, pos, limit);
                if (pos < 0) {
                    return NEED_MORE;
                }
            } else if (c < 0x20) {
                throw error(pos, "control character in a string (it must be escaped)");
            } else {
                pos++;
            }
        }
    }

    private int escape(byte[] b, int pos, int limit, boolean name) {
        if (pos + 2 > limit) {
            return NEED_MORE;
        }
        switch (b[pos + 1]) {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
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
            throw error(pos, "invalid UTF-8");
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
            throw error(pos, "invalid UTF-8");
        }
        if (pos + length > limit) {
            // the bytes there are must still be right; the rest may come with more input
            for (int i = pos + 1; i < limit; i++) {
                int d = b[i] & 0xFF;
                if (d < (i == pos + 1 ? low : 0x80) || d > (i == pos + 1 ? high : 0xBF)) {
                    throw error(i, "invalid UTF-8");
                }
            }
            return NEED_MORE;
        }
        int d = b[pos + 1] & 0xFF;
        if (d < low || d > high) {
            throw error(pos + 1, "invalid UTF-8");
        }
        for (int i = pos + 2; i < pos + length; i++) {
            if ((b[i] & 0xC0) != 0x80) {
                throw error(i, "invalid UTF-8");
            }
        }
        return pos + length;
    }

    /** Scans a number; returns its end, or {@link #NEED_MORE} when it may go on past {@code limit}. */
    private int scanNumber(byte[] b, int start, int limit, boolean eof) {
        int p = start;
        if (b[p] == '-') {
            p++;
        }
        if (p >= limit) {
            return NEED_MORE;
        }
        int intStart = p;
        int c = b[p];
        if (c == '0') {
            p++;
        } else if (c >= '1' && c <= '9') {
            p++;
            while (p < limit && isDigit(b[p])) {
                p++;
            }
        } else {
            throw error(p, "a digit must follow '-'");
        }
        int digits = p - intStart;
        if (p < limit) {
            c = b[p];
            if (isDigit(c)) {
                throw error(p, "leading zeros are not allowed");
            }
            if (c == '.') {
                p++;
                int from = p;
                while (p < limit && isDigit(b[p])) {
                    p++;
                }
                if (p == from) {
                    if (p >= limit) {
                        return NEED_MORE;
                    }
                    throw error(p, "a digit must follow the decimal point");
                }
                digits += p - from;
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
                        return NEED_MORE;
                    }
                    throw error(p, "a digit must follow the exponent");
                }
                digits += p - from;
            }
        }
        if (p >= limit && !eof) {
            return NEED_MORE; // more digits may follow
        }
        if (digits > maxNumberLength - (stringMode ? 2 : 0)) {
            if (stringMode) {
                // Jackson's char parser counts the digits of some forms one less than its byte parser
                throw new DeferToJackson();
            }
            throw limit(start, "Number value length (" + digits + ") exceeds the maximum allowed (" + maxNumberLength + ")");
        }
        return p;
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
        return new MalformedJsonException("not well-formed JSON: " + reason, line, column(pos));
    }

    private MalformedJsonException limit(int pos, String what) {
        return new MalformedJsonException("the document exceeds a limit (" + what + ")", line, column(pos));
    }

    private long column(int pos) {
        if (!stringMode || text == null) {
            return (long) pos - lineStart + 1;
        }
        // the input was a String: count its chars (a 4-byte sequence is two)
        long chars = 0;
        for (int i = Math.max(lineStart, 0); i < pos && i < text.length; i++) {
            int c = text[i] & 0xFF;
            chars += (c & 0xC0) == 0x80 ? 0 : c >= 0xF0 ? 2 : 1;
        }
        return chars + 1;
    }
}
