package org.privacykit.crypto;

import com.google.errorprone.annotations.CheckReturnValue;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;

import org.privacykit.detect.Checksums;

/**
 * Format-preserving pseudonyms: FF1 tokens that keep a value's length, alphabet and separators, so
 * they pass the validators and fit the columns of the real value, and are stable (same value, same
 * token) for joins. With the key they can be reversed, which makes them pseudonymous data under the
 * GDPR, not anonymous.
 *
 * <pre>{@code
 * FormatPreservingPseudonymizer ids = FormatPreservingPseudonymizer.of(keys, "crm.customerNo", Alphabet.ALPHANUMERIC);
 * ids.pseudonymize("AB12CD34");                                   // e.g. "x9Qk20Lm"
 *
 * FormatPreservingPseudonymizer cards = FormatPreservingPseudonymizer.forCards(keys, "payments", true);
 * cards.pseudonymize("4111 1111 1111 1111");                      // "7302 5518 9264 1111": last four kept, Luhn valid
 * }</pre>
 *
 * <p>Cards: the digits before the kept last four are encrypted with FF1, with the last four in the
 * tweak, and the result is cycle-walked (encrypted again) until the whole number passes the Luhn
 * check. Cycle-walking keeps FF1 a permutation of the Luhn-valid numbers, so tokens stay reversible
 * and distinct; it takes ten FF1 calls on average. A pseudonymizer pins the key ring's primary key
 * when built, so its tokens do not change when the ring rotates. Immutable and thread-safe.
 */
public final class FormatPreservingPseudonymizer {
    private static final int MAX_WALK = 100_000;

    private final Ff1 ff1;
    private final Alphabet alphabet;
    private final byte[] context;
    private final boolean card;
    private final boolean keepLastFour;
    private final int keyId;

    private FormatPreservingPseudonymizer(Ff1 ff1, Alphabet alphabet, String context, boolean card, boolean keepLastFour, int keyId) {
        this.ff1 = ff1;
        this.alphabet = alphabet;
        this.context = context.getBytes(StandardCharsets.UTF_8);
        this.card = card;
        this.keepLastFour = keepLastFour;
        this.keyId = keyId;
    }

    /**
     * Returns a pseudonymizer for values over an alphabet, under the ring's primary key.
     *
     * @param keys the key ring
     * @param context the name the key and tweak are bound to, such as {@code "crm.customerNo"}
     * @param alphabet the alphabet; other characters (separators) are kept in place
     * @return the pseudonymizer
     * @throws GeneralSecurityException when the key cannot be derived
     */
    public static FormatPreservingPseudonymizer of(KeyRing keys, String context, Alphabet alphabet) throws GeneralSecurityException {
        KeyEntry primary = keys.snapshot().primary;
        return new FormatPreservingPseudonymizer(derive(primary, context), Objects.requireNonNull(alphabet, "alphabet"),
                context, false, false, primary.id);
    }

    /**
     * Returns a pseudonymizer for payment card numbers (12 to 19 digits, spaces and dashes kept):
     * tokens are Luhn-valid card numbers, keeping the last four digits when asked.
     *
     * @param keys the key ring
     * @param context the name the key and tweak are bound to
     * @param keepLastFour whether tokens keep the card's last four digits
     * @return the pseudonymizer
     * @throws GeneralSecurityException when the key cannot be derived
     */
    public static FormatPreservingPseudonymizer forCards(KeyRing keys, String context, boolean keepLastFour) throws GeneralSecurityException {
        KeyEntry primary = keys.snapshot().primary;
        return new FormatPreservingPseudonymizer(derive(primary, context), Alphabet.DIGITS, context, true, keepLastFour, primary.id);
    }

    /**
     * Returns a pseudonymizer from raw key bytes, for interop and tests.
     *
     * @param key 16, 24 or 32 AES key bytes
     * @param context the tweak
     * @param alphabet the alphabet
     * @return the pseudonymizer
     * @throws GeneralSecurityException when the key length is wrong
     */
    public static FormatPreservingPseudonymizer of(byte[] key, String context, Alphabet alphabet) throws GeneralSecurityException {
        return new FormatPreservingPseudonymizer(new Ff1(key), Objects.requireNonNull(alphabet, "alphabet"), context, false, false, 0);
    }

    private static Ff1 derive(KeyEntry key, String context) throws GeneralSecurityException {
        Objects.requireNonNull(context, "context");
        return key.keys(context).ff1(FieldKeys.Purpose.PSEUDONYM_FF1);
    }

    /**
     * Returns the id of the key ring key the tokens are made with (0 for a raw key).
     *
     * @return the key id
     */
    public int keyId() {
        return keyId;
    }

    /**
     * Returns the token of a value.
     *
     * @param value the value; at least {@link Alphabet#minLength()} characters of the alphabet
     * @return the token, same length, alphabet and separator positions
     * @throws IllegalArgumentException when the value is too short, or (cards) not 12 to 19 digits or
     *         fails the Luhn check; the message never holds the value
     * @throws GeneralSecurityException when the cipher fails
     */
    @CheckReturnValue
    public String pseudonymize(String value) throws GeneralSecurityException {
        return crypt(value, true);
    }

    /**
     * Returns the value a token was made from.
     *
     * @param token a token from {@link #pseudonymize}
     * @return the original value
     * @throws IllegalArgumentException when the token does not fit the format
     * @throws GeneralSecurityException when the cipher fails
     */
    public String reverse(String token) throws GeneralSecurityException {
        return crypt(token, false);
    }

    private String crypt(String value, boolean encrypt) throws GeneralSecurityException {
        Objects.requireNonNull(value, "value");
        char[] chars = value.toCharArray();
        int count = 0;
        for (char c : chars) {
            if (alphabet.contains(c)) {
                count++;
            } else if (card && c != ' ' && c != '-') {
                throw new IllegalArgumentException("a card number holds only digits, spaces and dashes");
            }
        }
        int[] symbols = new int[count];
        int k = 0;
        for (char c : chars) {
            if (alphabet.contains(c)) {
                symbols[k++] = alphabet.indexOf(c);
            }
        }
        int[] out = card ? card(symbols, encrypt) : (encrypt ? ff1.encrypt(alphabet.radix(), symbols, context)
                : ff1.decrypt(alphabet.radix(), symbols, context));
        k = 0;
        for (int i = 0; i < chars.length; i++) {
            if (alphabet.contains(chars[i])) {
                chars[i] = alphabet.symbol(out[k++]);
            }
        }
        return new String(chars);
    }

    private int[] card(int[] digits, boolean encrypt) throws GeneralSecurityException {
        if (digits.length < 12 || digits.length > 19) {
            throw new IllegalArgumentException("a card number has 12 to 19 digits, this has " + digits.length);
        }
        if (!luhnValid(digits)) {
            throw new IllegalArgumentException("the card number fails the Luhn check");
        }
        int head = keepLastFour ? digits.length - 4 : digits.length;
        byte[] tweak = context;
        if (keepLastFour) {
            tweak = Arrays.copyOf(context, context.length + 4);
            for (int i = 0; i < 4; i++) {
                tweak[context.length + i] = (byte) digits[head + i];
            }
        }
        int[] x = Arrays.copyOf(digits, head);
        int[] whole = digits.clone();
        for (int walk = 0; walk < MAX_WALK; walk++) {
            x = encrypt ? ff1.encrypt(10, x, tweak) : ff1.decrypt(10, x, tweak);
            System.arraycopy(x, 0, whole, 0, head);
            if (luhnValid(whole)) {
                return whole;
            }
        }
        throw new GeneralSecurityException("cycle-walking did not end");
    }

    /** Luhn on digit values, through the library's one Luhn check ({@link Checksums}). */
    static boolean luhnValid(int[] digits) {
        char[] number = new char[digits.length];
        for (int i = 0; i < digits.length; i++) {
            number[i] = (char) ('0' + digits[i]);
        }
        return Checksums.luhnValid(CharBuffer.wrap(number));
    }

    @Override
    public String toString() {
        return "FormatPreservingPseudonymizer[FF1, " + (card ? "cards" + (keepLastFour ? ", last four kept" : "") : alphabet.toString())
                + (keyId == 0 ? "" : ", key " + KeyEntry.name(keyId)) + "]";
    }
}
