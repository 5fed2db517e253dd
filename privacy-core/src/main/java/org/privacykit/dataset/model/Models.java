package org.privacykit.dataset.model;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Checks and wording shared by the model records. */
final class Models {
    private Models() {
    }

    static void checkAttribute(@Nullable String attribute) {
        if (attribute != null && attribute.isBlank()) {
            throw new IllegalArgumentException("the sensitive attribute name is blank");
        }
    }

    static String on(@Nullable String attribute) {
        return attribute == null ? "" : " on " + attribute;
    }

    static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e9 ? Long.toString((long) d) : String.format(Locale.ROOT, "%s", d);
    }
}
