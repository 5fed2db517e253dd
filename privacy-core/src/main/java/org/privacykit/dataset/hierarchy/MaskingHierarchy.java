package org.privacykit.dataset.hierarchy;

import java.util.Comparator;

import org.jspecify.annotations.Nullable;

/** Codes with more and more characters masked; see {@link MaskingBuilder}. */
final class MaskingHierarchy implements Hierarchy {
    private final int length;
    private final char mask;
    private final boolean fromLeft;

    MaskingHierarchy(int length, char mask, boolean fromLeft) {
        this.length = length;
        this.mask = mask;
        this.fromLeft = fromLeft;
    }

    @Override
    public int height() {
        return length + 1;
    }

    @Override
    public boolean contains(@Nullable Object value) {
        String text = text(value);
        return text != null && text.length() <= length;
    }

    @Override
    public Generalized generalize(@Nullable Object value, int level) {
        if (level < 0 || level > height()) {
            throw new IllegalArgumentException("level " + level + " is outside 0.." + height());
        }
        if (!contains(value)) {
            throw new IllegalArgumentException("a value is absent from the hierarchy");
        }
        if (level == 0) {
            return Generalized.of(value);
        }
        if (level == height()) {
            return Generalized.any();
        }
        char[] chars = java.util.Objects.requireNonNull(text(value)).toCharArray();
        int masked = Math.min(level, chars.length);
        for (int i = 0; i < masked; i++) {
            chars[fromLeft ? i : chars.length - 1 - i] = mask;
        }
        return new Generalized.Label(new String(chars), level, this);
    }

    @Override
    public Comparator<Object> order() {
        return Comparator.comparing(v -> {
            String text = text(v);
            if (text == null) {
                return "";
            }
            return fromLeft ? new StringBuilder(text).reverse().toString() : text;
        });
    }

    private static @Nullable String text(@Nullable Object value) {
        if (value instanceof CharSequence s) {
            return s.toString();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof java.math.BigInteger) {
            return value.toString();
        }
        return null;
    }

    @Override
    public String toString() {
        return "Hierarchy[masking of " + length + " characters" + (fromLeft ? " from the left" : "") + "]";
    }
}
