package org.privacykit.dataset.hierarchy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Builds a value tree: one path per value, from the value up to the top label (usually {@code *}).
 *
 * <pre>{@code
 * Hierarchy marital = Hierarchy.tree()
 *         .add("Married-civ-spouse", "Married", "*")
 *         .add("Divorced", "Not married", "*")
 *         .add("Never-married", "Not married", "*")
 *         .build();
 * }</pre>
 *
 * Values are matched by their text: a number matches the label written as the number's plain
 * decimal text ({@code 17}, {@code 2.5}).
 */
public final class TreeBuilder {
    private final List<String[]> paths = new ArrayList<>();

    TreeBuilder() {
    }

    /**
     * Adds a value and its path.
     *
     * @param value the original value's text
     * @param ancestors its nodes from level 1 to the top; the same number for every value
     * @return this builder
     * @throws IllegalArgumentException when no ancestor is given or a label is empty
     */
    public TreeBuilder add(String value, String... ancestors) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(ancestors, "ancestors");
        if (ancestors.length == 0) {
            throw new IllegalArgumentException("path " + (paths.size() + 1) + " has no level above its value");
        }
        String[] path = new String[ancestors.length + 1];
        path[0] = value;
        System.arraycopy(ancestors, 0, path, 1, ancestors.length);
        for (int level = 1; level < path.length; level++) {
            if (path[level] == null || path[level].isEmpty()) {
                throw new IllegalArgumentException("path " + (paths.size() + 1) + " has an empty label at level "
                        + level);
            }
        }
        paths.add(path);
        return this;
    }

    /**
     * Builds the hierarchy.
     *
     * @return the hierarchy
     * @throws IllegalArgumentException when no value was added, paths differ in length, a value is
     *         repeated, or a node has two parents (the message names the paths, never the labels)
     */
    public Hierarchy build() {
        return new TreeHierarchy(List.copyOf(paths.stream().map(p -> Arrays.copyOf(p, p.length)).toList()), "path");
    }
}
