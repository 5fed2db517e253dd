package org.privacykit.dataset.model;

/** How far apart two sensitive values are, for the Earth Mover's Distance of {@link TCloseness}. */
public enum GroundDistance {
    /** Every two distinct values are at distance 1 (categories without structure). */
    EQUAL,
    /** Values are ordered (numbers, dates) and at distance |rank difference| / (values − 1). */
    ORDERED,
    /** Values are as far apart as the level of their lowest common hierarchy node over the height. */
    HIERARCHICAL
}
