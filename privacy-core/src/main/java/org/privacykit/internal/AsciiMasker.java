package org.privacykit.internal;

import org.jspecify.annotations.Nullable;

/**
 * The byte form of a built-in masker, for writers that emit bytes (a UTF-8 JSON generator): the mask
 * as printable US-ASCII bytes (0x20 to 0x7E), built without making a {@code String}. Implemented by
 * the built-in card, phone, name and e-mail maskers only; a masker an application writes is a plain
 * {@link org.privacykit.mask.Masker}, and writers call its {@code mask}. Not API: reached by other
 * privacy-kit modules through {@link org.privacykit.spi.engine.AsciiMasks}.
 */
public interface AsciiMasker {

    /**
     * Masks a value to bytes.
     *
     * @param value the value, possibly {@code null}
     * @return the bytes of {@code mask(value)}, in a new array the caller owns; or {@code null} when
     *         there is no byte form for this value (a {@code null} value, a mask outside printable ASCII,
     *         a value outside Latin-1, or outside ASCII for e-mail addresses), and the caller writes
     *         {@code mask(value)} instead. Never bytes that differ from it.
     */
    byte @Nullable [] maskToAscii(@Nullable String value);
}
