package org.privacykit.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The scan is linear in the length of the text, whatever it holds. Proved by counting, not timing:
 * every recognizer reads the text through {@link ScanText#at(int)}, which {@link CountingScanText}
 * counts. A linear scan reads each character a bounded number of times, so the reads per character
 * are the same for 64 KiB and 1 MiB of the same pattern; a scanner that went back over what it had
 * read (or a backtracking regular expression) would read 16 times as much per character at 1 MiB.
 * The counts are exact and deterministic: this cannot fail at random.
 */
class PiiDetectorLinearTimeTest {
    private static final int SMALL = 64 * 1024;
    private static final int LARGE = 1024 * 1024;
    /**
     * No character is read more than this many times on average. The patterns below need at most
     * 11 (a context word looked for 40 characters back from a candidate every few characters, an
     * e-mail's local part and domain read from every {@code @}); log text needs about 3.
     */
    private static final double MOST_READS_PER_CHAR = 32;
    /** How much more a large text may be read per character: the pattern's ends and chunking, never its length. */
    private static final double GROWTH = 1.02;

    /** Patterns that make backtracking regular expressions, and naive scanners, quadratic. */
    static final String[] ADVERSARIAL = {"1 ", "0 ", "1-", "+1 ", "(0", "4111 ", "@", "a@", "a.", "a@a.", "a.a@",
        ":", "a:", "1:", "::", "1.", "1.1.", "AB12", "DE89 ", "de89-", "0000 ", "x", "9", "ab ", "AB 12 ",
        "12345678", "pr12 ", "1.2.3.4@", "fe80::1%", "::ffff:1.", "a\u00e9@", "\u7528@\u4f8b.", "ada@b.xn--",
        "passport AB1234 ", "card 1354 ", "ssn 536.22.", "ABCDEF", "123456 ", "12:30:"};

    /** Values that each make a candidate ranked below a named, grouped card. */
    static final String[] RANKED_BELOW_A_CARD = {"tel 020 7946 0958 ", "10.0.0.1 ", "1::2 ", "536-22-1234 ",
        "+44 20 7946 0958 ", "ada@example.com ", "DE89 3704 0044 0532 0130 00 ", "4111111111111111 "};
    /** The surest value there is: it is resolved first. */
    private static final String SUREST = "card 4111 1111 1111 1111";

    static String repeat(String pattern, int size) {
        StringBuilder text = new StringBuilder(size + pattern.length());
        while (text.length() < size) {
            text.append(pattern);
        }
        return text.toString();
    }

    @Test
    void everyAdversarialPattern_isReadABoundedNumberOfTimesPerCharacter_atAnyLength() {
        for (String pattern : ADVERSARIAL) {
            double small = CountingScanText.readsPerChar(repeat(pattern, SMALL));
            double large = CountingScanText.readsPerChar(repeat(pattern, LARGE));
            assertThat(large).as("reads per character of 1 MiB of '%s'", pattern).isLessThanOrEqualTo(MOST_READS_PER_CHAR);
            assertThat(large).as("reads per character of '%s': 1 MiB against 64 KiB (%.2f)", pattern, small)
                    .isLessThanOrEqualTo(small * GROWTH);
        }
    }

    @Test
    void resolution_readsOnlyWhereEachCandidateLies_whereverTheSurerOnesAre() {
        // a resolution that looked for the next claimed character from each candidate would read on
        // to the card at the end from every value before it
        for (String pattern : RANKED_BELOW_A_CARD) {
            double small = CountingScanText.readsPerChar(repeat(pattern, SMALL) + SUREST);
            double large = CountingScanText.readsPerChar(repeat(pattern, LARGE) + SUREST);
            assertThat(large).as("reads per character of 1 MiB of '%s' before a card", pattern)
                    .isLessThanOrEqualTo(MOST_READS_PER_CHAR);
            assertThat(large).as("reads per character of '%s' before a card: 1 MiB against 64 KiB (%.2f)", pattern, small)
                    .isLessThanOrEqualTo(small * GROWTH);
        }
    }

    @Test
    void logText_isReadABoundedNumberOfTimesPerCharacter_atAnyLength() {
        String corpus = LabeledCorpus.generate(11L, 2_000, true).text();
        double small = CountingScanText.readsPerChar(repeat(corpus, SMALL));
        double large = CountingScanText.readsPerChar(repeat(corpus, 8 * LARGE));
        System.out.printf("log text: %.2f reads per character at 64 KiB, %.2f at 8 MiB%n", small, large);
        assertThat(large).isLessThanOrEqualTo(MOST_READS_PER_CHAR).isLessThanOrEqualTo(small * GROWTH);
    }

    @Test
    void theMeasure_catchesAScanThatReadsBackFromEveryCharacter() {
        // a recognizer that looked back over the whole run of digits before each one (as a regular
        // expression retrying from every start does) reads 16 times as much per character at 1 MiB
        double small = readingBackToTheRunStart(repeat("1", SMALL / 64));
        double large = readingBackToTheRunStart(repeat("1", LARGE / 64));
        assertThat(large).isGreaterThan(small * GROWTH * 10);
    }

    private static double readingBackToTheRunStart(String text) {
        CountingScanText counting = new CountingScanText(text);
        for (int i = 0; i < text.length(); i++) {
            for (int p = i; p >= 0 && ScanText.isDigit(counting.at(p)); p--) {
                // reads back to the start of the run
            }
        }
        return (double) counting.reads() / text.length();
    }
}
