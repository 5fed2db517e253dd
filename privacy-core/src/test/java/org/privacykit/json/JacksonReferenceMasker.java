package org.privacykit.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

import org.privacykit.mask.Masker;
import org.privacykit.mask.Maskers;

/**
 * The oracle of the differential tests: the masking rules of {@link JsonMasker} written a second
 * time, as plainly as possible, on Jackson's streaming parser. Jackson tokenizes and validates;
 * each value's decision is made from its full location (the keys and indexes from the root), with
 * each JSONPath matched against that location by a naive recursive matcher, and the output copies
 * the input between the masked values by Jackson's token offsets. Nothing of the scanner, the key
 * cache or the path automaton is shared; only the path parser is (it has tests of its own).
 */
final class JacksonReferenceMasker {
    private final MaskerSpec spec;
    private final List<JsonPath> maskPaths = new ArrayList<>();
    private final List<JsonPath> allowPaths = new ArrayList<>();
    private final JsonFactory factory;

    JacksonReferenceMasker(MaskerSpec spec) {
        this.spec = spec;
        spec.maskPaths.forEach(p -> maskPaths.add(JsonPath.parse(p)));
        spec.allowPaths.forEach(p -> allowPaths.add(JsonPath.parse(p)));
        this.factory = JsonFactory.builder()
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(spec.maxDepth)
                        .maxNumberLength(Integer.MAX_VALUE)
                        .maxNameLength(Integer.MAX_VALUE)
                        .maxStringLength(Integer.MAX_VALUE)
                        .build())
                .build();
    }

    /** Masks a String, or throws {@link MalformedJsonException} (without a position). */
    String mask(String json) {
        boolean bom = json.startsWith("\uFEFF");
        String body = bom ? json.substring(1) : json;
        try (JsonParser p = factory.createParser(body)) {
            StringBuilder out = new StringBuilder();
            long copied = run(p, new Output() {
                @Override
                long offset(JsonLocation location) {
                    return location.getCharOffset();
                }

                @Override
                void write(long from, long to, String replacement) {
                    out.append(body, (int) from, (int) to).append(replacement);
                }
            });
            out.append(body, (int) copied, body.length());
            return (bom ? "\uFEFF" : "") + out;
        } catch (IOException e) {
            throw new MalformedJsonException("rejected by Jackson", -1, -1);
        }
    }

    /** Masks UTF-8 bytes, or throws {@link MalformedJsonException} (without a position). */
    byte[] mask(byte[] utf8) {
        try (JsonParser p = factory.createParser(utf8)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long copied = run(p, new Output() {
                @Override
                long offset(JsonLocation location) {
                    return location.getByteOffset();
                }

                @Override
                void write(long from, long to, String replacement) {
                    out.write(utf8, (int) from, (int) (to - from));
                    out.writeBytes(replacement.getBytes(StandardCharsets.UTF_8));
                }
            });
            out.write(utf8, (int) copied, utf8.length - (int) copied);
            return out.toByteArray();
        } catch (IOException e) {
            throw new MalformedJsonException("rejected by Jackson", -1, -1);
        }
    }

    private abstract static class Output {
        abstract long offset(JsonLocation location);

        /** Copies the input from {@code from} to {@code to}, then writes the replacement. */
        abstract void write(long from, long to, String replacement);
    }

    /** One open container. */
    private static final class Frame {
        final boolean array;
        final List<Object> location;
        /** The mask of an explicit rule above: everything inside gets it. */
        final Masker inherited;
        /** For an array: the decision its elements take. */
        final Masker governing;
        int index;

        Frame(boolean array, List<Object> location, Masker inherited, Masker governing) {
            this.array = array;
            this.location = location;
            this.inherited = inherited;
            this.governing = governing;
        }
    }

    /** The loop; returns how far the input was copied. */
    private long run(JsonParser p, Output out) throws IOException {
        List<Frame> stack = new ArrayList<>();
        long copied = 0;
        String name = null;
        JsonToken token = p.nextToken();
        if (token == null) {
            throw new IOException("empty");
        }
        while (true) {
            if (token == JsonToken.FIELD_NAME) {
                name = p.currentName();
                if (name.length() > spec.maxKey) {
                    throw new IOException("key too long");
                }
                token = p.nextToken();
                continue;
            }
            if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                stack.remove(stack.size() - 1);
            } else {
                Frame parent = stack.isEmpty() ? null : stack.get(stack.size() - 1);
                List<Object> location = new ArrayList<>(parent == null ? List.of() : parent.location);
                String key = null;
                if (parent != null && parent.array) {
                    location.add(parent.index++);
                } else if (parent != null) {
                    key = name;
                    location.add(key);
                }
                // the decision
                Masker masker;
                boolean explicit;
                Masker byPath = parent != null && parent.inherited != null ? null : maskPath(location);
                if (parent != null && parent.inherited != null) {
                    masker = parent.inherited;
                    explicit = true;
                } else if (byPath != null) {
                    masker = byPath;
                    explicit = true;
                } else if (key != null && spec.keys.containsKey(normalizedKey(key))) {
                    masker = spec.keys.get(normalizedKey(key));
                    explicit = true;
                } else if (!spec.allowMode || allowPath(location)) {
                    masker = null;
                    explicit = false;
                } else if (key != null) {
                    masker = isAllowed(key) ? null : spec.allowListMask;
                    explicit = false;
                } else {
                    masker = parent == null ? spec.allowListMask : parent.governing;
                    explicit = false;
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    stack.add(new Frame(token == JsonToken.START_ARRAY, location, explicit ? masker : null, masker));
                } else {
                    long start = out.offset(p.currentTokenLocation());
                    p.finishToken(); // decodes (and so validates) every string
                    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                        if (p.getTextLength() > spec.maxNumber) {
                            throw new IOException("number too long");
                        }
                    }
                    if (masker != null && token != JsonToken.VALUE_NULL) {
                        long end = token == JsonToken.VALUE_STRING ? out.offset(p.currentLocation())
                                : start + (token == JsonToken.VALUE_TRUE ? 4 : token == JsonToken.VALUE_FALSE ? 5 : p.getTextLength());
                        out.write(copied, start, replacement(masker, token, p.getText()));
                        copied = end;
                    }
                }
            }
            if (stack.isEmpty()) {
                if (p.nextToken() != null) {
                    throw new IOException("trailing content");
                }
                return copied;
            }
            token = p.nextToken();
            if (token == null) {
                throw new IOException("unexpected end");
            }
        }
    }

    private String replacement(Masker masker, JsonToken token, String text) {
        boolean number = token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
        boolean bool = token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
        if (spec.keepValueTypes && number) {
            return "0";
        }
        if (spec.keepValueTypes && bool) {
            return "false";
        }
        if (masker == Maskers.full()
                || masker != Maskers.redact() && token == JsonToken.VALUE_STRING && text.length() > spec.maxMaskerInput) {
            return "\"****\"";
        }
        String masked = masker.mask(text);
        return quote(masked == null ? Maskers.REDACTED : masked);
    }

    /** RFC 8259 quoting: quotes, backslashes and controls escaped (lower-case hex), unpaired surrogates escaped. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\b') {
                out.append("\\b");
            } else if (c == '\f') {
                out.append("\\f");
            } else if (c < 0x20 || Character.isSurrogate(c) && !paired) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else if (paired) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private String normalizedKey(String key) {
        return spec.caseSensitive ? key : key.toLowerCase(Locale.ROOT);
    }

    private boolean isAllowed(String key) {
        return spec.allowKeys.stream().anyMatch(a -> normalizedKey(a).equals(normalizedKey(key)));
    }

    /** The mask of the first mask path that selects the location, or null. */
    private Masker maskPath(List<Object> location) {
        for (int i = 0; i < maskPaths.size(); i++) {
            if (matches(maskPaths.get(i).segments(), 0, location, 0)) {
                return spec.pathMaskers.get(i);
            }
        }
        return null;
    }

    private boolean allowPath(List<Object> location) {
        return allowPaths.stream().anyMatch(path -> matches(path.segments(), 0, location, 0));
    }

    /** Whether segments from {@code s} select the node at {@code location} when applied at depth {@code at}. */
    private boolean matches(List<JsonPath.Segment> segments, int s, List<Object> location, int at) {
        if (s == segments.size()) {
            return at == location.size();
        }
        JsonPath.Segment segment = segments.get(s);
        int last = segment.descendant() ? location.size() - 1 : at;
        for (int i = at; i <= last && i < location.size(); i++) {
            if (selects(segment, location.get(i)) && matches(segments, s + 1, location, i + 1)) {
                return true;
            }
        }
        return false;
    }

    private boolean selects(JsonPath.Segment segment, Object step) {
        for (JsonPath.Selector selector : segment.selectors()) {
            if (selector instanceof JsonPath.Wildcard) {
                return true;
            }
            if (step instanceof String key && selector instanceof JsonPath.Name n
                    && normalizedKey(n.name()).equals(normalizedKey(key))) {
                return true;
            }
            if (step instanceof Integer index) {
                if (selector instanceof JsonPath.Index i && i.index() == index) {
                    return true;
                }
                if (selector instanceof JsonPath.Slice slice && index >= slice.start() && index < slice.end()
                        && (index - slice.start()) % slice.step() == 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
