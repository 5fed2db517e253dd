package org.privacykit.crypto;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The characters a format-preserving value may hold, in order: the symbol with index {@code i} is
 * the {@code i}-th character. Immutable.
 *
 * <pre>{@code
 * Alphabet.DIGITS                 // 0-9, radix 10
 * Alphabet.LOWERCASE_ALPHANUMERIC // 0-9a-z, radix 36
 * Alphabet.ALPHANUMERIC           // 0-9A-Za-z, radix 62
 * Alphabet.of("ACGT")             // any custom set of distinct characters
 * }</pre>
 */
public final class Alphabet {
    /** The ten decimal digits {@code 0-9}. */
    public static final Alphabet DIGITS = new Alphabet("0123456789");
    /** Digits and lowercase ASCII letters, {@code 0-9a-z}. */
    public static final Alphabet LOWERCASE_ALPHANUMERIC = new Alphabet("0123456789abcdefghijklmnopqrstuvwxyz");
    /** Digits, uppercase and lowercase ASCII letters, {@code 0-9A-Za-z}. */
    public static final Alphabet ALPHANUMERIC =
            new Alphabet("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private final String characters;
    private final char[] symbols;
    private final int[] dense;
    private final Map<Character, Integer> sparse;

    private Alphabet(String characters) {
        this.characters = characters;
        this.symbols = characters.toCharArray();
        int max = 0;
        for (char c : symbols) {
            max = Math.max(max, c);
        }
        if (max < 4096) {
            dense = new int[max + 1];
            Arrays.fill(dense, -1);
            for (int i = 0; i < symbols.length; i++) {
                dense[symbols[i]] = i;
            }
            sparse = null;
        } else {
            dense = null;
            sparse = new HashMap<>();
            for (int i = 0; i < symbols.length; i++) {
                sparse.put(symbols[i], i);
            }
        }
    }

    /**
     * Returns a custom alphabet.
     *
     * @param characters at least 2 and at most 65,536 distinct characters, no surrogates, in the
     *        order of their symbol indices
     * @return the alphabet
     * @throws IllegalArgumentException when characters repeat, are surrogates, or are too few
     */
    public static Alphabet of(String characters) {
        Objects.requireNonNull(characters, "characters");
        if (characters.length() < 2) {
            throw new IllegalArgumentException("an alphabet needs at least 2 characters");
        }
        java.util.Set<Character> seen = new java.util.HashSet<>();
        for (int i = 0; i < characters.length(); i++) {
            char c = characters.charAt(i);
            if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("an alphabet cannot hold surrogate characters (index " + i + ")");
            }
            if (!seen.add(c)) {
                throw new IllegalArgumentException("an alphabet cannot repeat a character (index " + i + ")");
            }
        }
        return new Alphabet(characters);
    }

    /**
     * Returns how many characters the alphabet has, FF1's radix.
     *
     * @return the radix
     */
    public int radix() {
        return symbols.length;
    }

    /**
     * Returns the characters in order.
     *
     * @return the characters
     */
    public String characters() {
        return characters;
    }

    /**
     * Tells whether a character belongs to the alphabet.
     *
     * @param c the character
     * @return {@code true} when it does
     */
    public boolean contains(char c) {
        return indexOf(c) >= 0;
    }

    /**
     * Returns the shortest value FF1 accepts over this alphabet (radix^length of at least
     * 1,000,000, NIST SP 800-38G rev 1): 6 digits, 4 base-36 or base-62 characters.
     *
     * @return the minimum length
     */
    public int minLength() {
        return Ff1.minLength(symbols.length);
    }

    int indexOf(char c) {
        if (dense != null) {
            return c < dense.length ? dense[c] : -1;
        }
        Integer i = sparse.get(c);
        return i == null ? -1 : i;
    }

    char symbol(int index) {
        return symbols[index];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Alphabet && ((Alphabet) o).characters.equals(characters);
    }

    @Override
    public int hashCode() {
        return characters.hashCode();
    }

    @Override
    public String toString() {
        return "Alphabet[radix " + symbols.length + (symbols.length <= 64 ? ": " + characters : "") + "]";
    }
}
