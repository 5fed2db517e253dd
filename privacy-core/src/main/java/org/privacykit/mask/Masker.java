package org.privacykit.mask;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.Nullable;

/**
 * Hides part or all of a value. Maskers never throw: any string, including one with unpaired
 * surrogates, gives a masked string, and {@code null} gives {@code null}. They work on code points,
 * so a surrogate pair is never split.
 */
@FunctionalInterface
public interface Masker {

    /**
     * Masks a value.
     *
     * @param value the value, possibly {@code null}
     * @return the masked value, or {@code null} for {@code null}
     */
    @CheckReturnValue
    @Nullable String mask(@Nullable String value);
}
