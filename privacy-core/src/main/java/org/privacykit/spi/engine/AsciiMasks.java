package org.privacykit.spi.engine;

import org.jspecify.annotations.Nullable;

import org.privacykit.internal.AsciiMasker;
import org.privacykit.mask.Masker;

/**
 * The byte form of the built-in maskers, for writers that emit UTF-8 (a JSON generator): the mask as
 * printable US-ASCII bytes, built without making a {@code String}. Maskers an application writes have
 * no byte form; writers then call {@link Masker#mask(String)}.
 */
public final class AsciiMasks {
    private AsciiMasks() {
    }

    /**
     * Masks a value to bytes when the masker has a byte form for it.
     *
     * @param masker the masker
     * @param value the value, possibly {@code null}
     * @return the bytes of {@code masker.mask(value)}, in a new array the caller owns; or {@code null}
     *         when there is no byte form for this value and the caller writes {@code mask(value)}
     */
    public static byte @Nullable [] mask(Masker masker, @Nullable String value) {
        return masker instanceof AsciiMasker ascii ? ascii.maskToAscii(value) : null;
    }
}
