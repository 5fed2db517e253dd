package org.privacykit.pseudonym;

/** How a pseudonym is written. */
public enum TokenFormat {
    /** Lower-case hexadecimal: {@code 3f9a0c...}. */
    HEX,
    /** Lower-case RFC 4648 base32 without padding: {@code h7k2q...}. Denser than hex, case-insensitive. */
    BASE32,
    /** A prefix and base32, as in {@code tok_h7k2q...}: recognisable in data and logs. */
    PREFIXED
}
