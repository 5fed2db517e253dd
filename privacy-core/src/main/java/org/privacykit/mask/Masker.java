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
     * A fast path for writers that emit bytes, such as a UTF-8 JSON generator: the mask as printable
     * US-ASCII bytes (0x20 to 0x7E), built without making a {@code String}. The built-in card, phone,
     * name and e-mail maskers have one; every other masker, and this default, returns {@code null},
     * so that a caller never pays for a {@code String} converted to bytes, or for a mask computed twice.
     *
     * @param value the value, possibly {@code null}
     * @return the bytes of {@code mask(value)}, in a new array the caller owns; or {@code null} when
     *         the masker has no byte form for this value (a {@code null} value, a mask outside printable
     *         ASCII, a value outside Latin-1, or outside ASCII for e-mail addresses), and the caller
     *         writes {@code mask(value)} instead. Never bytes that differ from it.
     */
    default byte[] maskToAscii(String value) {
        return null;
    }
}
