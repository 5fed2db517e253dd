package org.privacykit.mask;

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
    String mask(String value);

    /**
     * Masks a value to printable US-ASCII bytes (0x20 to 0x7E), for writers that emit bytes, such as
     * a UTF-8 JSON generator or a log encoder. The built-in maskers build these bytes for cards,
     * phones, names and e-mail addresses without making a {@code String}; this default converts
     * {@link #mask}'s result.
     *
     * @param value the value, possibly {@code null}
     * @return the bytes of {@code mask(value)}, in a new array the caller owns; or {@code null} when
     *         {@code value} is {@code null}, when the mask has a character outside printable ASCII, or
     *         when the masker has no byte form for this value (the built-ins have none for a value
     *         outside Latin-1, or outside ASCII for e-mail addresses, even when its mask would be
     *         ASCII); the caller then writes {@code mask(value)}. Never bytes that differ from it.
     */
    default byte[] maskToAscii(String value) {
        return MaskFunctions.printableAscii(mask(value));
    }
}
