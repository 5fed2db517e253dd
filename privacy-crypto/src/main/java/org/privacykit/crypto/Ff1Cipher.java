package org.privacykit.crypto;

import java.security.GeneralSecurityException;
import java.util.Objects;

/** {@link FormatPreservingCipher} over an {@link Alphabet}: maps characters to FF1 symbol indices and back. */
final class Ff1Cipher implements FormatPreservingCipher {
    private final Ff1 ff1;
    private final Alphabet alphabet;

    Ff1Cipher(Ff1 ff1, Alphabet alphabet) {
        this.ff1 = ff1;
        this.alphabet = Objects.requireNonNull(alphabet, "alphabet");
    }

    @Override
    public String encrypt(String value, byte[] tweak) throws GeneralSecurityException {
        return fromSymbols(ff1.encrypt(alphabet.radix(), toSymbols(value), tweak));
    }

    @Override
    public String decrypt(String value, byte[] tweak) throws GeneralSecurityException {
        return fromSymbols(ff1.decrypt(alphabet.radix(), toSymbols(value), tweak));
    }

    int[] toSymbols(String value) {
        return toSymbols(alphabet, value);
    }

    String fromSymbols(int[] symbols) {
        return fromSymbols(alphabet, symbols);
    }

    /** A value's symbol indices; a character outside the alphabet is refused by position, never shown. */
    static int[] toSymbols(Alphabet alphabet, String value) {
        Objects.requireNonNull(value, "value");
        int[] symbols = new int[value.length()];
        for (int i = 0; i < symbols.length; i++) {
            int s = alphabet.indexOf(value.charAt(i));
            if (s < 0) {
                throw new IllegalArgumentException("character at position " + i + " is outside the alphabet (radix "
                        + alphabet.radix() + ")");
            }
            symbols[i] = s;
        }
        return symbols;
    }

    static String fromSymbols(Alphabet alphabet, int[] symbols) {
        char[] out = new char[symbols.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = alphabet.symbol(symbols[i]);
        }
        return new String(out);
    }

    Ff1 ff1() {
        return ff1;
    }

    @Override
    public Alphabet alphabet() {
        return alphabet;
    }

    @Override
    public String toString() {
        return "FormatPreservingCipher[FF1, radix " + alphabet.radix() + "]";
    }
}
