package org.privacykit.jackson.testsuite;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Reads into the plain trees of {@link JacksonLine.Mapper#tree}. */
public final class Json {
    private Json() {
    }

    /**
     * Follows a path of names and indexes.
     *
     * @param tree the tree
     * @param path names ({@code String}) and indexes ({@code Integer})
     * @return what is there, possibly {@code null}
     * @throws AssertionError when the path leads nowhere
     */
    public static @Nullable Object at(@Nullable Object tree, Object... path) {
        Object node = tree;
        for (Object step : path) {
            if (step instanceof Integer index && node instanceof List<?> list) {
                node = list.get(index);
            } else if (node instanceof Map<?, ?> map) {
                if (!map.containsKey(step)) {
                    throw new AssertionError("no " + step + " in " + map.keySet());
                }
                node = map.get(step);
            } else {
                throw new AssertionError("cannot follow " + step + " into " + node);
            }
        }
        return node;
    }

    /**
     * The object at a path, as a map.
     *
     * @param tree the tree
     * @param path the path
     * @return the object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(@Nullable Object tree, Object... path) {
        return (Map<String, Object>) at(tree, path);
    }
}
