package org.privacykit.jackson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.privacykit.mask.Masker;

/**
 * The simple JSON paths of a {@link JsonMasker}, compiled into a tree walked while the document
 * streams by: {@code $.a.b}, {@code $['a'].b}, {@code $.a[*].c}, {@code $.a[0].c}, {@code $.*.c}.
 * Keys match without regard to case, as the masker's key rules do.
 */
final class JsonPathPattern {
    private final Map<String, JsonPathPattern> keys = new HashMap<>();
    private final Map<Integer, JsonPathPattern> indexes = new HashMap<>();
    private JsonPathPattern anyKey;
    private JsonPathPattern anyIndex;
    private Masker masker;

    /** Adds a path ending at a value masked with a masker; throws on a path this syntax does not know. */
    void add(String path, Masker pathMasker) {
        if (path == null || !path.startsWith("$")) {
            throw new IllegalArgumentException("a JSON path starts with '$': " + path);
        }
        JsonPathPattern node = this;
        int i = 1;
        int n = path.length();
        if (n == 1) {
            throw new IllegalArgumentException("the JSON path '$' names the whole document; mask keys or paths below it");
        }
        while (i < n) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < n && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                String key = path.substring(i + 1, end);
                if (key.isEmpty()) {
                    throw new IllegalArgumentException("empty key in JSON path " + path + " at index " + i
                            + " (deep scan '..' is not supported; mask the key instead)");
                }
                node = key.equals("*") ? node.anyKeyChild() : node.keys.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new JsonPathPattern());
                i = end;
            } else if (c == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed '[' in JSON path " + path + " at index " + i);
                }
                String inside = path.substring(i + 1, close).trim();
                if (inside.equals("*")) {
                    node = node.anyIndexChild();
                } else if (inside.length() >= 2 && (inside.charAt(0) == '\'' || inside.charAt(0) == '"')
                        && inside.charAt(inside.length() - 1) == inside.charAt(0)) {
                    node = node.keys.computeIfAbsent(inside.substring(1, inside.length() - 1).toLowerCase(Locale.ROOT),
                            k -> new JsonPathPattern());
                } else {
                    int index;
                    try {
                        index = Integer.parseInt(inside);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("JSON path " + path + ": '[" + inside
                                + "]' is neither [*], an index nor a quoted key");
                    }
                    if (index < 0) {
                        throw new IllegalArgumentException("JSON path " + path + ": negative index " + index);
                    }
                    node = node.indexes.computeIfAbsent(index, k -> new JsonPathPattern());
                }
                i = close + 1;
            } else {
                throw new IllegalArgumentException("JSON path " + path + ": unexpected '" + c + "' at index " + i);
            }
        }
        if (node.masker != null) {
            throw new IllegalArgumentException("the JSON path " + path + " was already added");
        }
        node.masker = pathMasker;
    }

    private JsonPathPattern anyKeyChild() {
        if (anyKey == null) {
            anyKey = new JsonPathPattern();
        }
        return anyKey;
    }

    private JsonPathPattern anyIndexChild() {
        if (anyIndex == null) {
            anyIndex = new JsonPathPattern();
        }
        return anyIndex;
    }

    boolean isEmpty() {
        return keys.isEmpty() && indexes.isEmpty() && anyKey == null && anyIndex == null;
    }

    /** The nodes reached from a set of nodes by an object key, or {@code null} when none. */
    static JsonPathPattern[] byKey(JsonPathPattern[] nodes, String key) {
        List<JsonPathPattern> out = null;
        String lower = null;
        for (JsonPathPattern node : nodes) {
            JsonPathPattern next = null;
            if (!node.keys.isEmpty()) {
                if (lower == null) {
                    lower = key.toLowerCase(Locale.ROOT);
                }
                next = node.keys.get(lower);
            }
            out = add(out, next);
            out = add(out, node.anyKey);
        }
        return out == null ? null : out.toArray(new JsonPathPattern[0]);
    }

    /** The nodes reached from a set of nodes by an array index, or {@code null} when none. */
    static JsonPathPattern[] byIndex(JsonPathPattern[] nodes, int index) {
        List<JsonPathPattern> out = null;
        for (JsonPathPattern node : nodes) {
            out = add(out, node.indexes.isEmpty() ? null : node.indexes.get(index));
            out = add(out, node.anyIndex);
        }
        return out == null ? null : out.toArray(new JsonPathPattern[0]);
    }

    /** The masker of the first node that ends a path, or {@code null}. */
    static Masker masker(JsonPathPattern[] nodes) {
        if (nodes != null) {
            for (JsonPathPattern node : nodes) {
                if (node.masker != null) {
                    return node.masker;
                }
            }
        }
        return null;
    }

    private static List<JsonPathPattern> add(List<JsonPathPattern> out, JsonPathPattern node) {
        if (node == null) {
            return out;
        }
        List<JsonPathPattern> list = out == null ? new ArrayList<>(2) : out;
        list.add(node);
        return list;
    }
}
