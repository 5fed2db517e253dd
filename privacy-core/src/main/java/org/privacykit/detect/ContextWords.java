package org.privacykit.detect;

import java.util.List;

/**
 * Words that name a kind of value when they stand just before it ("card 4111 ...", "SSN: ..."):
 * they raise a finding's confidence, and some formats are reported only next to them.
 */
enum ContextWords {
    PHONE("phone", "tel", "telephone", "call", "mobile", "cell", "fax", "whatsapp", "sms", "ring", "contact"),
    CARD("card", "visa", "mastercard", "amex", "credit", "debit", "pan", "uatp", "airplus", "dankort", "maestro",
            "payment"),
    SSN("ssn", "social security", "ss#"),
    SIN("sin", "social insurance"),
    BSN("bsn", "burgerservicenummer", "sofinummer"),
    NINO("nino", "national insurance", "ni number", "ni no"),
    SPANISH_ID("dni", "nif", "nie", "documento"),
    PASSPORT("passport");

    /**
     * How far before a value its word may start: room for a label and its punctuation
     * ("Card number (primary): "), not for the sentence before.
     */
    static final int REACH = 40;

    @SuppressWarnings("ImmutableEnumChecker") // List.of is unmodifiable; the check knows only Guava's types
    private final List<String> words;
    /** Bit {@code c - 'a'} is set when a word starts with {@code c}: most letters are passed over at once. */
    private final int firstLetters;

    ContextWords(String... words) {
        this.words = List.of(words);
        int letters = 0;
        for (String word : words) {
            letters |= 1 << (word.charAt(0) - 'a');
        }
        this.firstLetters = letters;
    }

    /**
     * Whether one of the words starts within {@link #REACH} characters before {@code before}, with no
     * digit between it and the value (so the word belongs to this value, not to an earlier one).
     * Letters are compared without regard to ASCII case.
     */
    boolean before(ScanText text, int before) {
        int from = Math.max(0, before - REACH);
        for (int p = before - 1; p >= from; p--) {
            char c = text.at(p);
            if (ScanText.isDigit(c)) {
                return false;
            }
            int letter = (c | 0x20) - 'a';
            if (c >= 128 || letter < 0 || letter >= 26 || (firstLetters & 1 << letter) == 0
                    || (p > 0 && ScanText.isWordChar(text.at(p - 1)))) {
                // a word starts after no letter or digit: the "cc" that ends a hex id is no context word
                continue;
            }
            for (String word : words) {
                if (word.charAt(0) - 'a' == letter && p + word.length() <= before && text.wordAt(p, word)) {
                    return true;
                }
            }
        }
        return false;
    }
}
