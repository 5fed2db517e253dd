package org.privacykit.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.google.errorprone.annotations.CheckReturnValue;
import org.privacykit.mask.Masker;
import org.privacykit.mask.Maskers;
import org.jspecify.annotations.Nullable;

/**
 * Masks arbitrary JSON without a class to bind it to: log lines, HTTP bodies, messages. Values are
 * masked by key name at any depth, by JSONPath (RFC 9535: {@code $.a.b}, {@code $.a[*].c},
 * {@code $..email}, {@code $.list[0]}), or, in allow-list mode, every value whose key or path is
 * not allowed. Each key or path may have its own mask from the core maskers (e-mail, card, IBAN,
 * ...); the default hides the whole value. The input is validated and copied as it is, with each
 * masked value's span replaced, so memory stays bounded whatever the document's size and the
 * output is always well-formed JSON.
 *
 * <pre>{@code
 * JsonMasker masker = JsonMasker.builder()
 *         .maskKeys("password", "apiToken")                 // fully: "****"
 *         .maskKey("email", Maskers.email())                // "a***@example.com"
 *         .maskPath("$.customer.cards[*].number", Maskers.paymentCard())
 *         .build();
 * String safe = masker.mask(json);
 * masker.mask(requestBody, logStream);                      // InputStream to OutputStream
 * }</pre>
 *
 * <p>Rules: a value selected by a mask rule (a mask path, or a masked key) is masked; if it is an
 * object or array, every value inside it is masked with the same mask. A mask path wins over a
 * masked key, and the path added first over later ones. In allow-list mode every other value is
 * masked with {@link Builder#allowListMask(Masker)} unless the key nearest to it is allowed or an
 * allow path selects it (array elements take the decision of their array); objects are walked, so
 * allowing {@code "customer"} does not keep the fields inside it ({@code $.customer..*} does).
 * Keys themselves are never masked. {@code null} stays {@code null}. Masked numbers and booleans
 * become strings, or keep their JSON type ({@code 0}, {@code false}) with
 * {@link Builder#keepValueTypes(boolean)}. Keys and path names match without regard to case unless
 * {@link Builder#caseSensitiveKeys(boolean)} says otherwise.
 *
 * <p>Long values: a masker that reads the value (e-mail, card, keep-last-4, ...) is given values
 * of up to {@link Builder#maxMaskerInputLength(int)} chars (65,536 by default); a longer value is
 * masked fully ({@code ****}) instead, so that no form of {@code mask} ever holds more than that
 * much of one value. The full mask and {@link Maskers#redact()} read nothing, so their values, and
 * clear values, stream through whatever their length.
 *
 * <p>The three forms ({@code String}, {@code byte[]}, stream) give the same result for the same
 * text: the same output, or a {@link MalformedJsonException} with the same reason, line and
 * column. A leading byte-order mark is skipped and kept. A {@code String} holding an unpaired
 * surrogate (which no UTF-8 text can hold) is malformed, like the UTF-8 bytes of a surrogate; an
 * escaped one ({@code "\ud800"}) is valid JSON and stays escaped, in a mask too.
 *
 * <p>Immutable and thread-safe.
 */
public final class JsonMasker {
    static final Masker FULL = Maskers.full();
    static final Masker REDACT = Maskers.redact();

    /** Jackson's default nesting limit, kept so that documents Jackson reads are masked too. */
    private static final int DEFAULT_MAX_DEPTH = 1000;
    /** Jackson's default name length limit. */
    private static final int DEFAULT_MAX_KEY_LENGTH = 50_000;
    /** Jackson's default number length limit. */
    private static final int DEFAULT_MAX_NUMBER_LENGTH = 1000;
    /** Longer than any e-mail, card, name or address a masker shows part of; small enough to hold in any heap. */
    private static final int DEFAULT_MAX_MASKER_INPUT = 64 * 1024;

    final KeyRules rules;
    final boolean allowMode;
    final @Nullable PathMatcher paths;
    final Masker defaultMasker;
    final boolean keepValueTypes;
    final int maxDepth;
    final int maxKeyLength;
    final int maxNumberLength;
    final int maxMaskerInput;
    private final boolean caseSensitive;
    private final ThreadLocal<Utf8JsonScanner> scanners = ThreadLocal.withInitial(() -> new Utf8JsonScanner(this));

    private JsonMasker(Builder b, Map<String, Masker> keyMaskers, Set<String> allowedKeys) {
        this.rules = new KeyRules(keyMaskers, allowedKeys, b.allowMode, b.defaultMasker, b.caseSensitive);
        this.allowMode = b.allowMode;
        this.paths = b.maskPaths.isEmpty() && b.allowPaths.isEmpty() ? null
                : new PathMatcher(b.maskPaths, b.pathMaskers, b.allowPaths, b.caseSensitive);
        this.defaultMasker = b.defaultMasker;
        this.keepValueTypes = b.keepValueTypes;
        this.maxDepth = b.maxDepth;
        this.maxKeyLength = b.maxKeyLength;
        this.maxNumberLength = b.maxNumberLength;
        this.maxMaskerInput = b.maxMaskerInput;
        this.caseSensitive = b.caseSensitive;
    }

    /**
     * Starts a masker.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Masks a JSON document. The output is the input with the masked values replaced: formatting,
     * number spelling and escapes of everything else stay as they were (a document without a
     * masked value is returned as it is).
     *
     * @param json one JSON value
     * @return the masked JSON
     * @throws MalformedJsonException when the input is not one well-formed JSON value or goes past
     *         a limit; the message gives the position and reason, never the input
     */
    @CheckReturnValue
    public String mask(String json) {
        Objects.requireNonNull(json, "json");
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        byte[] masked;
        boolean ascii;
        Utf8JsonScanner scanner = acquire();
        try {
            int from = InputEncoding.bomLength(utf8, utf8.length);
            scanner.start(InputEncoding.UTF_8.label, from, utf8.length, true);
            try {
                scanner.scan(utf8, from, utf8.length, true);
            } catch (MalformedJsonException e) {
                if (scanner.questionMarks() > 0 && hasUnpairedSurrogate(json)) {
                    return maskWithSurrogates(json); // an unpaired surrogate, a '?' now, may have come first
                }
                throw e;
            }
            if (scanner.questionMarks() > 0 && scanner.questionMarks() != count(json, '?')) {
                return maskWithSurrogates(json); // more '?' than the text has: unpaired surrogates became some
            }
            Replacements spans = scanner.output();
            if (spans.isEmpty()) {
                return json;
            }
            masked = spans.apply(utf8);
            // ASCII is its own Latin-1, which the JDK copies into a String without checking each byte
            ascii = from == 0 && scanner.asciiInput() && spans.asciiMasks(); // a byte-order mark is not ASCII
        } finally {
            release(scanner);
        }
        return new String(masked, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /** A String with an unpaired surrogate: masked from bytes that keep the surrogate, so that it is rejected where it stands. */
    private String maskWithSurrogates(String json) {
        scan(InputEncoding.withSurrogates(json), InputEncoding.UTF_8, false); // throws at the first surrogate, or an error before it
        throw new IllegalStateException("an unpaired surrogate went through the scanner");
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) {
            n++;
        }
        return n;
    }

    private static boolean hasUnpairedSurrogate(String s) {
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

    /**
     * Masks a JSON document held as bytes: UTF-8, or UTF-16 or UTF-32 (told from the first bytes,
     * as RFC 4627 describes), which is re-encoded as UTF-8 with the same layout. Everything not
     * masked is copied byte for byte.
     *
     * @param json one JSON value
     * @return the masked JSON, UTF-8, in a new array
     * @throws MalformedJsonException when the input is not one well-formed JSON value or goes past a limit
     */
    @CheckReturnValue
    public byte[] mask(byte[] json) {
        Objects.requireNonNull(json, "json");
        InputEncoding encoding = InputEncoding.detect(json, Math.min(json.length, InputEncoding.DETECTION_BYTES));
        byte[] utf8 = json;
        if (encoding != InputEncoding.UTF_8) {
            try (InputStream in = new TranscodingInputStream(encoding, new ByteArrayInputStream(json))) {
                utf8 = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a byte array's stream does not fail
            }
        }
        return Objects.requireNonNull(scan(utf8, encoding, true)); // with always, never null
    }

    /** Scans a whole document; returns it masked, or {@code null} when nothing was masked and {@code always} is false. */
    private byte @Nullable [] scan(byte[] utf8, InputEncoding encoding, boolean always) {
        int from = InputEncoding.bomLength(utf8, utf8.length);
        Utf8JsonScanner scanner = acquire();
        try {
            scanner.start(encoding.label, from, utf8.length);
            scanner.scan(utf8, from, utf8.length, true);
            Replacements spans = scanner.output();
            return always || !spans.isEmpty() ? spans.apply(utf8) : null;
        } finally {
            release(scanner);
        }
    }

    /**
     * A scanner for one call: the one this thread keeps, unless a call on this thread is using it
     * (a masker that masks JSON itself), which then gets one of its own. Reusing it saves a call
     * its allocations, which on a 1 KB document are a tenth of the time.
     */
    Utf8JsonScanner acquire() {
        Utf8JsonScanner scanner = scanners.get();
        if (scanner.busy) {
            scanner = new Utf8JsonScanner(this);
        }
        scanner.busy = true;
        return scanner;
    }

    void release(Utf8JsonScanner scanner) {
        scanner.finish();
        scanner.busy = false;
    }

    /**
     * Masks a JSON document from a stream to a stream, in bounded memory: the input is read through
     * a window of 64 KB, which grows only to hold a key (at most {@link Builder#maxKeyLength(int)}
     * chars), a number, or a value for a masker that reads it (at most
     * {@link Builder#maxMaskerInputLength(int)} chars); strings of any length stream through.
     * UTF-16 and UTF-32 input is re-encoded as UTF-8. Neither stream is closed. When the input turns
     * out to be malformed, part of the output may already have been written; discard it.
     *
     * @param in one JSON value
     * @param out receives the masked JSON, UTF-8
     * @throws MalformedJsonException when the input is not one well-formed JSON value or goes past a limit
     * @throws IOException when reading or writing the streams fails
     */
    public void mask(InputStream in, OutputStream out) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        StreamMasking.mask(this, in, out);
    }

    @Override
    public String toString() {
        return "JsonMasker[" + (allowMode ? rules.allowedKeys() + " allowed keys, " : "") + rules.maskedKeys()
                + " masked keys" + (paths == null ? "" : ", paths") + (keepValueTypes ? ", keeps value types" : "")
                + (caseSensitive ? ", case-sensitive" : "") + "]";
    }

    /** Builds a {@link JsonMasker}; validates each rule as it is added, and the whole at {@link #build()}. */
    public static final class Builder {
        /** Masked keys as given, in order, with their masks. */
        private final Map<String, Masker> keyMaskers = new LinkedHashMap<>();
        private final List<String> allowedKeys = new ArrayList<>();
        private final List<JsonPath> maskPaths = new ArrayList<>();
        private final List<Masker> pathMaskers = new ArrayList<>();
        private final List<JsonPath> allowPaths = new ArrayList<>();
        private boolean allowMode;
        private Masker defaultMasker = FULL;
        private boolean keepValueTypes;
        private boolean caseSensitive;
        private int maxDepth = DEFAULT_MAX_DEPTH;
        private int maxKeyLength = DEFAULT_MAX_KEY_LENGTH;
        private int maxNumberLength = DEFAULT_MAX_NUMBER_LENGTH;
        private int maxMaskerInput = DEFAULT_MAX_MASKER_INPUT;

        private Builder() {
        }

        /**
         * Masks the values of keys fully, at any depth.
         *
         * @param keys the keys
         * @return this builder
         * @throws IllegalArgumentException when a key is blank, already masked, or allowed
         */
        public Builder maskKeys(String... keys) {
            for (String key : keys) {
                maskKey(key, FULL);
            }
            return this;
        }

        /**
         * Masks the values of a key with a masker, at any depth.
         *
         * @param key the key
         * @param masker the mask, such as {@code Maskers.email()}
         * @return this builder
         * @throws IllegalArgumentException when the key is blank, already masked, or allowed
         */
        public Builder maskKey(String key, Masker masker) {
            Objects.requireNonNull(masker, "masker");
            checkKey(key);
            if (keyMaskers.containsKey(key)) {
                throw new IllegalArgumentException("the key '" + key + "' is already masked");
            }
            keyMaskers.put(key, masker);
            try {
                checkKeys();
            } catch (IllegalArgumentException e) {
                keyMaskers.remove(key);
                throw e;
            }
            return this;
        }

        /**
         * Masks the value a JSONPath selects fully.
         *
         * @param path an RFC 9535 query, such as {@code $.customer.email} or {@code $.orders[*].card}
         * @return this builder
         * @throws IllegalArgumentException when the path is not such a query, uses what a stream cannot
         *         evaluate, can select nothing, or was already added
         * @see #maskPath(String, Masker)
         */
        public Builder maskPath(String path) {
            return maskPath(path, FULL);
        }

        /**
         * Masks the value a JSONPath (RFC 9535) selects with a masker; if it is an object or array,
         * everything inside it. Supported: names ({@code .a}, {@code ['a']}, {@code ["a b"]}),
         * wildcards ({@code .*}, {@code [*]}: every member of an object and every element of an
         * array), indexes from the start ({@code [0]}), slices from the start ({@code [0:10:2]},
         * {@code [5:]}), several selectors in one bracket ({@code ['a','b']}) and descendant
         * segments ({@code ..email}, {@code ..[0]}). Refused, with a message naming the selector:
         * negative indexes and slices with negative bounds or steps (they count from the end of an
         * array, which a stream reaches last), filters ({@code [?...]}), and selectors that select
         * nothing ({@code [2:2]}, step 0). {@code $} alone selects the whole document.
         *
         * @param path the query
         * @param masker the mask
         * @return this builder
         * @throws IllegalArgumentException when the path is not such a query, uses what a stream cannot
         *         evaluate, can select nothing, or was already added
         */
        public Builder maskPath(String path, Masker masker) {
            Objects.requireNonNull(masker, "masker");
            JsonPath parsed = JsonPath.parse(path);
            maskPaths.add(parsed);
            pathMaskers.add(masker);
            try {
                checkPaths();
            } catch (IllegalArgumentException e) {
                maskPaths.remove(maskPaths.size() - 1);
                pathMaskers.remove(pathMaskers.size() - 1);
                throw e;
            }
            return this;
        }

        /**
         * Switches to allow-list mode and allows keys: every value whose nearest key is not allowed
         * (nor selected by an allow path, nor masked by a rule of its own) is masked with the
         * allow-list mask.
         *
         * @param keys the keys whose values stay clear
         * @return this builder
         * @throws IllegalArgumentException when a key is blank or masked
         */
        public Builder allowKeys(String... keys) {
            allowMode = true;
            for (String key : keys) {
                checkKey(key);
                allowedKeys.add(key);
                try {
                    checkKeys();
                } catch (IllegalArgumentException e) {
                    allowedKeys.remove(allowedKeys.size() - 1);
                    throw e;
                }
            }
            return this;
        }

        /**
         * Switches to allow-list mode and allows the values JSONPaths select (the same queries as
         * {@link #maskPath(String, Masker)}). A selected scalar stays clear, and so do the scalars of
         * a selected array; a selected object's members are decided by their own keys and paths
         * (allow {@code $.customer.*} or {@code $.customer..*} to keep its members).
         *
         * @param paths the queries
         * @return this builder
         * @throws IllegalArgumentException when a path is not such a query, uses what a stream cannot
         *         evaluate, can select nothing, or was already added
         */
        public Builder allowPaths(String... paths) {
            allowMode = true;
            for (String path : paths) {
                allowPaths.add(JsonPath.parse(path));
                try {
                    checkPaths();
                } catch (IllegalArgumentException e) {
                    allowPaths.remove(allowPaths.size() - 1);
                    throw e;
                }
            }
            return this;
        }

        /**
         * Sets the mask of the values that allow-list mode masks because nothing allows them; the
         * default hides the whole value ({@code ****}).
         *
         * @param masker the mask
         * @return this builder
         */
        public Builder allowListMask(Masker masker) {
            this.defaultMasker = Objects.requireNonNull(masker, "masker");
            return this;
        }

        /**
         * Keeps the JSON type of masked numbers and booleans: a masked number is written {@code 0}
         * and a masked boolean {@code false}, so consumers that parse by type do not break. Off by
         * default (masked numbers and booleans become masked strings).
         *
         * @param keep whether to keep the types
         * @return this builder
         */
        public Builder keepValueTypes(boolean keep) {
            this.keepValueTypes = keep;
            return this;
        }

        /**
         * Makes keys and the names in paths match only in the same case ({@code "Email"} is then
         * not {@code "email"}). Off by default: they match without regard to case, lower-cased
         * with {@code Locale.ROOT}.
         *
         * @param caseSensitive whether keys match only in the same case
         * @return this builder
         */
        public Builder caseSensitiveKeys(boolean caseSensitive) {
            this.caseSensitive = caseSensitive;
            return this;
        }

        /**
         * Sets how deep objects and arrays may nest; deeper input is malformed. Default 1,000.
         *
         * @param levels at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxNestingDepth(int levels) {
            this.maxDepth = positive(levels, "maxNestingDepth");
            return this;
        }

        /**
         * Sets the longest key, in chars once its escapes are decoded; a longer key is malformed,
         * found as soon as the part read is longer. Default 50,000.
         *
         * @param chars at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxKeyLength(int chars) {
            this.maxKeyLength = positive(chars, "maxKeyLength");
            return this;
        }

        /**
         * Sets the longest number, in chars (sign, digits, point and exponent); a longer number is
         * malformed. Default 1,000.
         *
         * @param chars at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxNumberLength(int chars) {
            this.maxNumberLength = positive(chars, "maxNumberLength");
            return this;
        }

        /**
         * Sets the longest value, in chars once its escapes are decoded, that a masker reading the
         * value is given; a longer value is masked fully ({@code ****}) instead, and never held
         * whole. Default 65,536.
         *
         * @param chars at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxMaskerInputLength(int chars) {
            this.maxMaskerInput = positive(chars, "maxMaskerInputLength");
            return this;
        }

        /**
         * Builds the masker.
         *
         * @return the masker
         * @throws IllegalStateException when no key, path or allow-list was given: such a masker would mask nothing
         * @throws IllegalArgumentException when keys or paths collide once case is taken into account
         */
        public JsonMasker build() {
            if (!allowMode && keyMaskers.isEmpty() && maskPaths.isEmpty()) {
                throw new IllegalStateException("a JSON masker needs keys or paths to mask, or an allow-list");
            }
            checkKeys();
            checkPaths();
            Map<String, Masker> normalized = new HashMap<>();
            keyMaskers.forEach((key, masker) -> normalized.put(KeyRules.normalize(key, caseSensitive), masker));
            Set<String> allowed = new HashSet<>();
            allowedKeys.forEach(key -> allowed.add(KeyRules.normalize(key, caseSensitive)));
            return new JsonMasker(this, normalized, allowed);
        }

        private static void checkKey(String key) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("a key must not be null or blank");
            }
        }

        /** Refuses a key masked twice, or masked and allowed, as keys compare now. */
        private void checkKeys() {
            Map<String, String> masked = new HashMap<>();
            for (String key : keyMaskers.keySet()) {
                String previous = masked.put(KeyRules.normalize(key, caseSensitive), key);
                if (previous != null) {
                    throw new IllegalArgumentException("the key '" + key + "' is already masked (as '" + previous + "')");
                }
            }
            for (String key : allowedKeys) {
                String other = masked.get(KeyRules.normalize(key, caseSensitive));
                if (other != null) {
                    throw new IllegalArgumentException("the key '" + key + "' is masked (as '" + other
                            + "'); it cannot also be allowed");
                }
            }
        }

        /** Refuses a path added twice, or masked and allowed, as names compare now. */
        private void checkPaths() {
            Map<String, Integer> seen = new HashMap<>();
            int total = maskPaths.size() + allowPaths.size();
            for (int i = 0; i < total; i++) {
                JsonPath path = path(i);
                Integer previous = seen.putIfAbsent(canonical(path), i);
                if (previous != null) {
                    boolean both = previous < maskPaths.size() != i < maskPaths.size();
                    String first = path(previous).text();
                    throw new IllegalArgumentException("the JSON path " + path.text()
                            + (both ? " is both masked and allowed" : " was already added")
                            + (first.equals(path.text()) ? "" : " (as " + first + ")"));
                }
            }
        }

        private JsonPath path(int i) {
            return i < maskPaths.size() ? maskPaths.get(i) : allowPaths.get(i - maskPaths.size());
        }

        /** The path with its names normalized, to compare paths as they will match. */
        private String canonical(JsonPath path) {
            StringBuilder out = new StringBuilder("$");
            for (JsonPath.Segment segment : path.segments()) {
                out.append(segment.descendant() ? ".." : ".").append('[');
                for (JsonPath.Selector selector : segment.selectors()) {
                    out.append(selector instanceof JsonPath.Name name
                            ? new JsonPath.Name(KeyRules.normalize(name.name(), caseSensitive)) : selector).append(',');
                }
                out.append(']');
            }
            return out.toString();
        }

        private static int positive(int value, String what) {
            if (value < 1) {
                throw new IllegalArgumentException(what + " must be at least 1, not " + value);
            }
            return value;
        }
    }
}
