package org.privacykit.dataset;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One column, dictionary-encoded while rows are appended: each distinct value (including
 * {@code null}) gets a code, each row stores its code. Rows are read once and never kept.
 */
final class ColumnStore {
    private static final Object NULL = new Object();
    private static final int INITIAL_ROWS = 1024;

    private final Map<Object, Integer> codes = new HashMap<>();
    private Object[] dictionary = new Object[16];
    private int[] rows = new int[INITIAL_ROWS];
    private int size;

    void add(@Nullable Object value) {
        Object key = value == null ? NULL : value;
        Integer code = codes.get(key);
        if (code == null) {
            code = codes.size();
            codes.put(key, code);
            if (code == dictionary.length) {
                dictionary = Arrays.copyOf(dictionary, dictionary.length * 2);
            }
            dictionary[code] = value;
        }
        if (size == rows.length) {
            rows = Arrays.copyOf(rows, rows.length * 2);
        }
        rows[size++] = code;
    }

    int size() {
        return size;
    }

    /** The distinct values, by code. */
    Object[] dictionary() {
        return Arrays.copyOf(dictionary, codes.size());
    }

    /** The code of each row. */
    int[] codes() {
        return Arrays.copyOf(rows, size);
    }
}
