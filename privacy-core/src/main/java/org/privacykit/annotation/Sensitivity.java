package org.privacykit.annotation;

/**
 * How much harm a disclosure of a value would do, which decides how it is protected.
 *
 * <table>
 *   <caption>Protection by level</caption>
 *   <tr><th>level</th><th>at rest</th><th>API output</th><th>logs, toString, exceptions</th></tr>
 *   <tr><td>PUBLIC</td><td>clear</td><td>clear</td><td>clear</td></tr>
 *   <tr><td>INTERNAL</td><td>clear</td><td>clear</td><td>masked</td></tr>
 *   <tr><td>CONFIDENTIAL</td><td>encrypted where {@code @Encrypted}</td><td>masked unless a declared purpose reveals it</td><td>masked</td></tr>
 *   <tr><td>RESTRICTED</td><td>must be {@code @Encrypted}</td><td>redacted unless a declared purpose reveals it</td><td>redacted</td></tr>
 * </table>
 */
public enum Sensitivity {
    /** Safe to publish. */
    PUBLIC,
    /** For the organisation's own eyes: clear in its APIs, masked in logs. */
    INTERNAL,
    /** Personal data whose disclosure harms the person: masked unless a purpose reveals it. */
    CONFIDENTIAL,
    /** Special categories, criminal data, national identifiers and secrets: redacted by default. */
    RESTRICTED;

    /**
     * Tells whether this level is at least as high as another.
     *
     * @param other the level to compare with
     * @return {@code true} when this level is {@code other} or higher
     */
    public boolean atLeast(Sensitivity other) {
        return compareTo(other) >= 0;
    }

    /**
     * Returns the higher of two levels.
     *
     * @param a one level
     * @param b another level
     * @return the higher of the two
     */
    public static Sensitivity max(Sensitivity a, Sensitivity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
