package org.privacykit.dataset.hierarchy;

import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.privacykit.internal.CsvTokenizer;

/** A hierarchy given as one path per value: from a CSV file or {@link TreeBuilder}. */
final class TreeHierarchy implements Hierarchy {
    private static final String TOP = "*";

    private final int height;
    private final Map<String, Generalized[]> paths;
    private final Map<String, Integer> ordinals;

    /**
     * Checks the paths and indexes them.
     *
     * @param paths value first, then one label per level
     * @param unit what a path is called in messages ({@code line} for files)
     */
    TreeHierarchy(List<String[]> paths, String unit) {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("a hierarchy needs at least one value");
        }
        this.height = paths.get(0).length - 1;
        if (height < 1) {
            throw new IllegalArgumentException(unit + " 1 has no level above its value");
        }
        this.paths = new HashMap<>(paths.size() * 2);
        Map<String, Integer> firstPath = new HashMap<>();
        Map<String, String> parents = new HashMap<>();
        Map<String, Generalized> nodes = new HashMap<>();
        Map<String, Integer> firstSeen = new HashMap<>();
        for (int p = 0; p < paths.size(); p++) {
            String[] path = paths.get(p);
            int number = p + 1;
            if (path.length - 1 != height) {
                throw new IllegalArgumentException(unit + " " + number + " has " + (path.length - 1) + " levels above its"
                        + " value; " + unit + " 1 has " + height);
            }
            Integer earlier = firstPath.putIfAbsent(path[0], number);
            if (earlier != null) {
                throw new IllegalArgumentException(unit + " " + number + " repeats the value of " + unit + " " + earlier);
            }
            Generalized[] generalized = new Generalized[height + 1];
            for (int level = 1; level <= height; level++) {
                String id = level + "\u0000" + path[level];
                String parent = level == height ? "" : path[level + 1];
                String known = parents.putIfAbsent(id, parent);
                if (known != null && !known.equals(parent)) {
                    throw new IllegalArgumentException(unit + " " + number + ": its level-" + level + " node has another"
                            + " parent than on " + unit + " " + firstSeen.get(id)
                            + "; a hierarchy must be a tree");
                }
                firstSeen.putIfAbsent(id, number);
                int lv = level;
                generalized[level] = nodes.computeIfAbsent(id,
                        x -> TOP.equals(path[lv]) ? Generalized.any() : new Generalized.Label(path[lv], lv, this));
            }
            this.paths.put(path[0], generalized);
        }
        // depth-first order: each node's values together, nodes in the order they first appear
        Map<String, Integer> nodeOrder = new HashMap<>();
        for (String[] path : paths) {
            for (int level = height; level >= 1; level--) {
                nodeOrder.putIfAbsent(level + "\u0000" + path[level], nodeOrder.size());
            }
        }
        List<String[]> sorted = new java.util.ArrayList<>(paths);
        Comparator<String[]> depthFirst = Comparator.comparingInt(path -> nodeOrder.get(height + "\u0000" + path[height]));
        for (int level = height - 1; level >= 1; level--) {
            int lv = level;
            depthFirst = depthFirst.thenComparingInt(path -> nodeOrder.get(lv + "\u0000" + path[lv]));
        }
        sorted.sort(depthFirst);
        this.ordinals = new HashMap<>(paths.size() * 2);
        for (String[] path : sorted) {
            ordinals.put(path[0], ordinals.size());
        }
    }

    static TreeHierarchy read(Reader in, char delimiter) {
        CsvTokenizer csv = new CsvTokenizer(in, delimiter);
        List<String[]> paths = new java.util.ArrayList<>();
        String[] fields;
        while ((fields = csv.next()) != null) {
            if (fields.length == 1 && fields[0].isEmpty()) {
                throw new IllegalArgumentException("line " + csv.recordNumber() + " is empty");
            }
            for (int level = 1; level < fields.length; level++) {
                if (fields[level].isEmpty()) {
                    throw new IllegalArgumentException("line " + csv.recordNumber() + " has an empty label at level "
                            + level);
                }
            }
            paths.add(fields);
        }
        return new TreeHierarchy(paths, "line");
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public boolean contains(@Nullable Object value) {
        return value != null && paths.containsKey(key(value));
    }

    @Override
    public Generalized generalize(@Nullable Object value, int level) {
        if (level < 0 || level > height) {
            throw new IllegalArgumentException("level " + level + " is outside 0.." + height);
        }
        Generalized[] path = value == null ? null : paths.get(key(value));
        if (path == null) {
            throw new IllegalArgumentException("a value is absent from the hierarchy");
        }
        return level == 0 ? Generalized.of(value) : path[level];
    }

    @Override
    public Comparator<Object> order() {
        return Comparator.comparingInt(v -> ordinals.getOrDefault(key(v), Integer.MAX_VALUE));
    }

    /** The text a value is matched by: plain decimal text for numbers. */
    static String key(@Nullable Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
                        : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            }
        }
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return "Hierarchy[tree of " + paths.size() + " values, " + height + " levels]";
    }
}
