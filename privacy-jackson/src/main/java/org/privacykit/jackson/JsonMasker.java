package org.privacykit.jackson;

import com.google.errorprone.annotations.CheckReturnValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

import org.privacykit.mask.Masker;
import org.privacykit.mask.Maskers;

/**
 * Masks arbitrary JSON without a class to bind it to: log lines, HTTP bodies, messages. Values are
 * masked by key name at any depth (without regard to case), by simple JSON path ({@code $.a.b},
 * {@code $.a[*].c}), or, in allow-list mode, every value whose key is not allowed. Each key or path
 * may have its own mask from the core maskers (e-mail, card, IBAN, ...); the default hides the
 * whole value. The input is validated and copied as it is, with each masked value's span replaced,
 * so memory stays bounded whatever the document's size and the output is always well-formed JSON.
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
 * <p>Rules: a masked key whose value is an object or array masks every value inside it. In
 * allow-list mode, a value is kept when the key nearest to it is allowed (array elements take the
 * array's key); objects and arrays are walked, so allowing {@code "customer"} does not keep the
 * fields inside it. Keys themselves are never masked. {@code null} stays {@code null}. Masked
 * numbers and booleans become strings, or keep their JSON type ({@code 0}, {@code false}) with
 * {@link Builder#keepValueTypes(boolean)}.
 *
 * <p>How it works: UTF-8 input (byte arrays, streams, and strings, which are encoded to UTF-8
 * first) goes through a hand-written single-pass scanner that validates the document as strictly as
 * Jackson's parser does (RFC 8259 structure, string escapes, control characters, number grammar,
 * literals, UTF-8, trailing content, and the limits of Jackson's default
 * {@code StreamReadConstraints}: nesting depth, number length, key length and the length of a
 * masked string) and applies the rules above. Keys are looked up by their raw bytes in a bounded
 * cache, so no String is made per key, and a value is decoded only when its mask reads its text.
 * UTF-16 and UTF-32 input, and the rare string the scanner hands over (one with an unpaired
 * surrogate, or a number or key at the edge of a length limit, where Jackson's char parser counts
 * differently), go through Jackson's streaming parser, which is also the reference the scanner is
 * tested against: both give the same output and reject the same input.
 *
 * <p>Immutable and thread-safe.
 */
public final class JsonMasker {
    static final Masker FULL = Maskers.full();
    private static final String FULL_JSON = "\"" + FULL.mask("") + "\"";
    static final byte[] FULL_UTF8 = FULL_JSON.getBytes(StandardCharsets.UTF_8);
    private static final JsonStringEncoder STRINGS = JsonStringEncoder.getInstance();

    final KeyRules rules;
    final boolean allowMode;
    final JsonPathPattern paths;
    final Masker defaultMasker;
    final boolean keepValueTypes;
    final int maxDepth;
    final int maxNumberLength;
    final int maxNameLength;
    final int maxStringLength;
    private final JsonFactory factory;

    private JsonMasker(Builder b) {
        this.rules = new KeyRules(b.keyMaskers, b.allowedKeys, b.allowMode, b.defaultMasker);
        this.allowMode = b.allowMode;
        this.paths = b.paths.isEmpty() ? null : b.paths;
        this.defaultMasker = b.defaultMasker;
        this.keepValueTypes = b.keepValueTypes;
        StreamReadConstraints limits = b.limits != null ? b.limits : StreamReadConstraints.defaults();
        this.maxDepth = limits.getMaxNestingDepth();
        this.maxNumberLength = limits.getMaxNumberLength();
        this.maxNameLength = limits.getMaxNameLength();
        this.maxStringLength = limits.getMaxStringLength();
        this.factory = JsonFactory.builder()
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth)
                        .maxNumberLength(maxNumberLength)
                        .maxNameLength(maxNameLength)
                        .maxStringLength(maxStringLength)
                        .build())
                .build();
        this.factory.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        this.factory.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
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
     * number spelling and escapes of everything else stay as they were.
     *
     * @param json one JSON value
     * @return the masked JSON
     * @throws MalformedJsonException when the input is not one well-formed JSON value; the message
     *         gives the position and reason, never the input
     */
    @CheckReturnValue
    public String mask(String json) {
        Objects.requireNonNull(json, "json");
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        // an unpaired surrogate has no UTF-8 form (getBytes wrote '?' for it), while Jackson's char
        // parser copies it as it is: such input goes to Jackson. Without a '?' byte there is none.
        if ((utf8.length != json.length() || Utf8JsonScanner.hasQuestionMark(utf8))
                && Utf8JsonScanner.hasUnpairedSurrogate(json)) {
            return maskWithJackson(json);
        }
        try {
            return new String(new Utf8JsonScanner(this, true).maskArray(utf8, 0), StandardCharsets.UTF_8);
        } catch (Utf8JsonScanner.DeferToJackson e) {
            return maskWithJackson(json);
        }
    }

    /**
     * Masks a JSON document held as bytes. UTF-8 input is masked in place (everything not masked is
     * copied byte for byte); UTF-16 and UTF-32 input (detected) is re-encoded as UTF-8.
     *
     * @param json one JSON value
     * @return the masked JSON, UTF-8
     * @throws MalformedJsonException when the input is not one well-formed JSON value
     */
    @CheckReturnValue
    public byte[] mask(byte[] json) {
        Objects.requireNonNull(json, "json");
        if (!isUtf8(json, json.length)) {
            return maskWithJackson(json);
        }
        return new Utf8JsonScanner(this, false).maskArray(json, bomLength(json, json.length));
    }

    /**
     * Masks a JSON document from a stream to a stream, in constant memory: UTF-8 input is copied
     * through a window of 64 KB (which grows only to hold a single longer token, such as a long
     * string) with the masked values replaced; UTF-16 and UTF-32 input (detected) is re-encoded as
     * UTF-8. Neither stream is closed. When the input turns out to be malformed,
     * part of the output may already have been written; discard it.
     *
     * @param in one JSON value
     * @param out receives the masked JSON, UTF-8
     * @throws MalformedJsonException when the input is not one well-formed JSON value
     * @throws IOException when reading or writing the streams fails
     */
    public void mask(InputStream in, OutputStream out) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        byte[] head = new byte[Utf8JsonScanner.FIRST_READ];
        int count = 0;
        boolean eof = false;
        while (count < 4) {
            int n = in.read(head, count, head.length - count);
            if (n < 0) {
                eof = true;
                break;
            }
            count += n;
        }
        if (!isUtf8(head, count)) {
            maskWithJackson(new SequenceInputStream(new ByteArrayInputStream(head, 0, count), in), out);
            return;
        }
        new Utf8JsonScanner(this, false).maskStream(head, count, eof, bomLength(head, count), in, out);
    }

    /**
     * Whether Jackson's encoding detection would read these first bytes as UTF-8: no BOM of
     * UTF-16 or UTF-32 and no zero byte among the first two (JSON text starts with ASCII).
     */
    private static boolean isUtf8(byte[] b, int count) {
        if (count < 2) {
            return true;
        }
        int b0 = b[0] & 0xFF;
        int b1 = b[1] & 0xFF;
        return b0 != 0 && b1 != 0 && !(b0 == 0xFE && b1 == 0xFF) && !(b0 == 0xFF && b1 == 0xFE);
    }

    /** The length of a UTF-8 BOM at the start, skipped as Jackson skips it (only when 4 bytes or more are there). */
    private static int bomLength(byte[] b, int count) {
        return count >= 4 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
    }

    /** The reference implementation on Jackson's streaming parser, for a String. */
    String maskWithJackson(String json) {
        try (JsonParser p = factory.createParser(json)) {
            CharRangeOutput out = new CharRangeOutput(json);
            run(p, out);
            return out.finish();
        } catch (MalformedJsonException e) {
            throw e;
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /** The reference implementation on Jackson's streaming parser, for bytes in any encoding it detects. */
    byte[] maskWithJackson(byte[] json) {
        try (JsonParser p = factory.createParser(json)) {
            if (p.currentLocation().getByteOffset() >= 0) {
                ByteRangeOutput out = new ByteRangeOutput(json);
                run(p, out);
                return out.finish();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.length + 16);
            try (JsonGenerator g = factory.createGenerator(bytes, JsonEncoding.UTF8)) {
                run(p, new GeneratorOutput(g));
            }
            return bytes.toByteArray();
        } catch (MalformedJsonException e) {
            throw e;
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /** The reference implementation on Jackson's streaming parser, for a stream in any encoding it detects. */
    void maskWithJackson(InputStream in, OutputStream out) throws IOException {
        RecordingInputStream recorder = new RecordingInputStream(in);
        try (JsonParser p = factory.createParser(recorder)) {
            if (p.currentLocation().getByteOffset() >= 0) {
                StreamRangeOutput output = new StreamRangeOutput(recorder, out);
                run(p, output);
                output.finish();
            } else {
                try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
                    run(p, new GeneratorOutput(g));
                }
            }
        } catch (StreamReadException | StreamConstraintsException | CharConversionException | JsonGenerationException e) {
            throw malformed(e);
        }
    }

    private static MalformedJsonException malformed(IOException e) {
        // Jackson's own messages quote the offending input, which may be a value to mask: only the
        // position and a reason that holds no input are kept, and the cause is left out on purpose.
        long line = -1;
        long column = -1;
        String reason;
        if (e instanceof StreamConstraintsException) {
            reason = "the document exceeds a limit (" + e.getMessage().replaceAll("[\\r\\n].*", "") + ")";
        } else if (e instanceof JsonGenerationException) {
            reason = "a string cannot be written as UTF-8 (unpaired surrogate)";
        } else if (e instanceof CharConversionException) {
            reason = "invalid character encoding";
        } else {
            reason = "not well-formed JSON";
        }
        if (e instanceof StreamReadException) {
            JsonLocation location = ((StreamReadException) e).getLocation();
            if (location != null) {
                line = location.getLineNr();
                column = location.getColumnNr();
            }
        }
        return new MalformedJsonException(reason, line, column);
    }

    /**
     * The streaming loop. Per open container it keeps: the masker of an explicit rule above it
     * (everything inside is masked), the masker its array's scalars get from the array's key, the
     * path-tree nodes that match it, and the array index.
     */
    private void run(JsonParser p, Output out) throws IOException {
        int depth = 0;
        Masker[] inherited = new Masker[16];
        Masker[] governing = new Masker[16];
        JsonPathPattern[][] pathNodes = new JsonPathPattern[16][];
        int[] index = new int[16];
        boolean[] isArray = new boolean[16];

        // the decision for the next value
        Masker valueMasker = allowMode ? defaultMasker : null;
        Masker valueInherit = null;
        JsonPathPattern[] valueNodes = paths == null ? null : new JsonPathPattern[] {paths};

        JsonToken token = p.nextToken();
        if (token == null) {
            throw new MalformedJsonException("empty input", -1, -1);
        }
        while (token != null) {
            if (depth > 0 && isArray[depth - 1] && token != JsonToken.END_ARRAY) {
                int top = depth - 1;
                int i = index[top]++;
                if (inherited[top] != null) {
                    valueMasker = inherited[top];
                    valueInherit = inherited[top];
                    valueNodes = null;
                } else {
                    valueNodes = pathNodes[top] == null ? null : JsonPathPattern.byIndex(pathNodes[top], i);
                    Masker byPath = JsonPathPattern.masker(valueNodes);
                    valueMasker = byPath != null ? byPath : governing[top];
                    valueInherit = byPath;
                }
            }
            switch (token) {
                case FIELD_NAME: {
                    String name = p.currentName();
                    out.token(token, p);
                    int top = depth - 1;
                    if (inherited[top] != null) {
                        valueMasker = inherited[top];
                        valueInherit = inherited[top];
                        valueNodes = null;
                    } else {
                        valueNodes = pathNodes[top] == null ? null : JsonPathPattern.byKey(pathNodes[top], name);
                        Masker byPath = JsonPathPattern.masker(valueNodes);
                        if (byPath != null) {
                            valueMasker = byPath;
                            valueInherit = byPath;
                        } else {
                            KeyRules.Rule rule = rules.forName(name);
                            valueMasker = rule.masker;
                            valueInherit = rule.explicit ? rule.masker : null;
                        }
                    }
                    break;
                }
                case START_OBJECT:
                case START_ARRAY: {
                    if (depth == inherited.length) {
                        int size = depth * 2;
                        inherited = Arrays.copyOf(inherited, size);
                        governing = Arrays.copyOf(governing, size);
                        pathNodes = Arrays.copyOf(pathNodes, size);
                        index = Arrays.copyOf(index, size);
                        isArray = Arrays.copyOf(isArray, size);
                    }
                    boolean array = token == JsonToken.START_ARRAY;
                    inherited[depth] = valueInherit;
                    governing[depth] = array ? valueMasker : null;
                    pathNodes[depth] = valueNodes;
                    index[depth] = 0;
                    isArray[depth] = array;
                    depth++;
                    out.token(token, p);
                    break;
                }
                case END_OBJECT:
                case END_ARRAY:
                    depth--;
                    out.token(token, p);
                    break;
                default:
                    if (valueMasker == null || token == JsonToken.VALUE_NULL) {
                        out.token(token, p);
                    } else {
                        out.masked(token, p, valueMasker);
                    }
            }
            if (depth == 0 && token != JsonToken.FIELD_NAME) {
                if (p.nextToken() != null) {
                    JsonLocation at = p.currentTokenLocation();
                    throw new MalformedJsonException("trailing content after the JSON value", at.getLineNr(), at.getColumnNr());
                }
                return;
            }
            token = p.nextToken();
        }
        throw new MalformedJsonException("unexpected end of input", -1, -1);
    }

    /** The masked text of a scalar, as the JSON it is written as: a quoted string, or 0 / false when types are kept. */
    private String maskedJson(Masker masker, JsonToken token, JsonParser p) throws IOException {
        if (keepValueTypes) {
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                return "0";
            }
            if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                return "false";
            }
        }
        if (masker == FULL) {
            return FULL_JSON;
        }
        return maskedJson(masker, p.getText());
    }

    /** A value's text masked by a masker and quoted as a JSON string (a null mask is written as the redaction marker). */
    String maskedJson(Masker masker, String text) {
        String masked = masker.mask(text);
        if (masked == null) {
            masked = Maskers.REDACTED;
        }
        StringBuilder out = new StringBuilder(masked.length() + 8).append('"');
        STRINGS.quoteAsString(masked, out);
        return out.append('"').toString();
    }

    /** Where the masking loop sends the document. */
    private interface Output {
        /** A token that is not masked: structure, field names, clear values. */
        void token(JsonToken token, JsonParser p) throws IOException;

        /** A scalar to mask (never null). */
        void masked(JsonToken token, JsonParser p, Masker masker) throws IOException;
    }

    /** Writes every token through a generator: for input whose byte offsets are unknown (UTF-16, UTF-32). */
    private final class GeneratorOutput implements Output {
        private final JsonGenerator g;

        GeneratorOutput(JsonGenerator g) {
            this.g = g;
        }

        @Override
        public void token(JsonToken token, JsonParser p) throws IOException {
            switch (token) {
                case FIELD_NAME:
                    g.writeFieldName(p.currentName());
                    break;
                case START_OBJECT:
                    g.writeStartObject();
                    break;
                case START_ARRAY:
                    g.writeStartArray();
                    break;
                case END_OBJECT:
                    g.writeEndObject();
                    break;
                case END_ARRAY:
                    g.writeEndArray();
                    break;
                case VALUE_STRING:
                    g.writeString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    break;
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    // the number's text, exactly as written: no rounding through double
                    g.writeNumber(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    break;
                default:
                    g.copyCurrentEvent(p);
            }
        }

        @Override
        public void masked(JsonToken token, JsonParser p, Masker masker) throws IOException {
            g.writeRawValue(maskedJson(masker, token, p));
        }
    }

    /**
     * Copies the input as it is, replacing each masked value's span: the parser only tokenizes, and
     * nothing but the masked values is decoded or re-encoded.
     */
    private abstract class RangeOutput implements Output {
        long copied;

        @Override
        public void token(JsonToken token, JsonParser p) throws IOException {
            // copied with its surroundings when the next masked value, or the end, is reached
        }

        @Override
        public void masked(JsonToken token, JsonParser p, Masker masker) throws IOException {
            long start = offset(p.currentTokenLocation());
            p.finishToken();
            long end;
            if (token == JsonToken.VALUE_STRING) {
                end = offset(p.currentLocation());
            } else {
                // a root number takes the white space after it with it: its span is its text alone
                end = start + (token == JsonToken.VALUE_TRUE ? 4 : token == JsonToken.VALUE_FALSE ? 5 : p.getTextLength());
            }
            String replacement;
            try {
                replacement = maskedJson(masker, token, p);
            } catch (IllegalArgumentException e) {
                // a masked value with an unpaired surrogate cannot be encoded; its text is not repeated
                throw new MalformedJsonException("a masked string holds an unpaired surrogate",
                        p.currentTokenLocation().getLineNr(), p.currentTokenLocation().getColumnNr());
            }
            copy(copied, start);
            write(replacement);
            copied = end;
        }

        abstract long offset(JsonLocation location);

        abstract void copy(long from, long to) throws IOException;

        abstract void write(String replacement) throws IOException;
    }

    /** A document held as a string. */
    private final class CharRangeOutput extends RangeOutput {
        private final String input;
        private final StringBuilder out;

        CharRangeOutput(String input) {
            this.input = input;
            this.out = new StringBuilder(input.length() + 16);
        }

        @Override
        long offset(JsonLocation location) {
            return location.getCharOffset();
        }

        @Override
        void copy(long from, long to) {
            out.append(input, (int) from, (int) to);
        }

        @Override
        void write(String replacement) {
            out.append(replacement);
        }

        String finish() {
            copy(copied, input.length());
            return out.toString();
        }
    }

    /** A document held as UTF-8 bytes. */
    private final class ByteRangeOutput extends RangeOutput {
        private final byte[] input;
        private final ByteArrayOutputStream out;

        ByteRangeOutput(byte[] input) {
            this.input = input;
            this.out = new ByteArrayOutputStream(input.length + 16);
        }

        @Override
        long offset(JsonLocation location) {
            return location.getByteOffset();
        }

        @Override
        void copy(long from, long to) {
            out.write(input, (int) from, (int) (to - from));
        }

        @Override
        void write(String replacement) {
            byte[] bytes = replacement.equals(FULL_JSON) ? FULL_UTF8 : replacement.getBytes(StandardCharsets.UTF_8);
            out.write(bytes, 0, bytes.length);
        }

        byte[] finish() {
            copy(copied, input.length);
            return out.toByteArray();
        }
    }

    /** A UTF-8 stream: copies through the bytes the recorder keeps, flushing them as the parser moves on. */
    private final class StreamRangeOutput extends RangeOutput {
        private final RecordingInputStream recorder;
        private final OutputStream out;

        StreamRangeOutput(RecordingInputStream recorder, OutputStream out) {
            this.recorder = recorder;
            this.out = out;
        }

        @Override
        public void token(JsonToken token, JsonParser p) throws IOException {
            if (recorder.held() > RecordingInputStream.WINDOW) {
                // everything before the current token is final: keep the window bounded
                long start = offset(p.currentTokenLocation());
                copy(copied, start);
                copied = start;
            }
        }

        @Override
        long offset(JsonLocation location) {
            return location.getByteOffset();
        }

        @Override
        void copy(long from, long to) throws IOException {
            recorder.emit(from, to, out);
        }

        @Override
        void write(String replacement) throws IOException {
            out.write(replacement.equals(FULL_JSON) ? FULL_UTF8 : replacement.getBytes(StandardCharsets.UTF_8));
        }

        void finish() throws IOException {
            recorder.drainTo(copied, out);
        }
    }

    @Override
    public String toString() {
        return "JsonMasker[" + (allowMode ? rules.allowedKeys() + " allowed keys, " : "") + rules.maskedKeys()
                + " masked keys" + (paths == null ? "" : ", paths") + (keepValueTypes ? ", keeps value types" : "") + "]";
    }

    /** Builds a {@link JsonMasker}; validates each rule as it is added. */
    public static final class Builder {
        private final Map<String, Masker> keyMaskers = new HashMap<>();
        private final Set<String> allowedKeys = new HashSet<>();
        private boolean allowMode;
        private final JsonPathPattern paths = new JsonPathPattern();
        private Masker defaultMasker = FULL;
        private boolean keepValueTypes;
        private StreamReadConstraints limits;

        private Builder() {
        }

        /**
         * Sets the length and depth limits of both paths (Jackson's parser and the scanner), in
         * place of Jackson's defaults: for tests that reach the limits with small documents.
         */
        Builder limits(StreamReadConstraints constraints) {
            this.limits = Objects.requireNonNull(constraints, "constraints");
            return this;
        }

        /**
         * Masks the values of keys fully, at any depth, without regard to case.
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
         * Masks the values of a key with a masker, at any depth, without regard to case.
         *
         * @param key the key
         * @param masker the mask, such as {@code Maskers.email()}
         * @return this builder
         * @throws IllegalArgumentException when the key is blank, already masked, or allowed
         */
        public Builder maskKey(String key, Masker masker) {
            Objects.requireNonNull(masker, "masker");
            String lower = normalize(key);
            if (keyMaskers.containsKey(lower)) {
                throw new IllegalArgumentException("the key '" + key + "' is already masked");
            }
            if (allowedKeys.contains(lower)) {
                throw new IllegalArgumentException("the key '" + key + "' is allowed; it cannot also be masked");
            }
            keyMaskers.put(lower, masker);
            return this;
        }

        /**
         * Masks the value at a simple JSON path fully.
         *
         * @param path such as {@code $.customer.email} or {@code $.orders[*].card}
         * @return this builder
         * @throws IllegalArgumentException when the path is not of that syntax or already added
         */
        public Builder maskPath(String path) {
            return maskPath(path, FULL);
        }

        /**
         * Masks the value at a simple JSON path with a masker: {@code $.a.b}, {@code $['a'].b},
         * {@code $.a[*].c}, {@code $.a[0].c}, {@code $.*.c}. Keys match without regard to case.
         *
         * @param path the path
         * @param masker the mask
         * @return this builder
         * @throws IllegalArgumentException when the path is not of that syntax or already added
         */
        public Builder maskPath(String path, Masker masker) {
            Objects.requireNonNull(masker, "masker");
            paths.add(path, masker);
            return this;
        }

        /**
         * Switches to allow-list mode and allows keys: every value whose nearest key is not allowed
         * (nor masked by a rule of its own) is masked with the default mask.
         *
         * @param keys the keys whose values stay clear
         * @return this builder
         * @throws IllegalArgumentException when a key is blank or masked
         */
        public Builder allowKeys(String... keys) {
            allowMode = true;
            for (String key : keys) {
                String lower = normalize(key);
                if (keyMaskers.containsKey(lower)) {
                    throw new IllegalArgumentException("the key '" + key + "' is masked; it cannot also be allowed");
                }
                allowedKeys.add(lower);
            }
            return this;
        }

        /**
         * Sets the mask of the values that allow-list mode masks because their key is not allowed;
         * the default hides the whole value ({@code ****}).
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
         * Builds the masker.
         *
         * @return the masker
         * @throws IllegalStateException when no key, path or allow-list was given: such a masker would mask nothing
         */
        public JsonMasker build() {
            if (!allowMode && keyMaskers.isEmpty() && paths.isEmpty()) {
                throw new IllegalStateException("a JSON masker needs keys or paths to mask, or an allow-list");
            }
            return new JsonMasker(this);
        }

        private static String normalize(String key) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("a key must not be null or blank");
            }
            return key.toLowerCase(Locale.ROOT);
        }
    }
}
