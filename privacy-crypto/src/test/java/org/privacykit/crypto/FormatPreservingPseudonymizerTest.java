package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;
import org.privacykit.audit.AuditSink;

class FormatPreservingPseudonymizerTest {
    private static final KeyRing KEYS = KeyRing.builder().auditSink(AuditSink.noop()).generate();

    static String withLuhn(String body) {
        int[] digits = new int[body.length() + 1];
        for (int i = 0; i < body.length(); i++) {
            digits[i] = body.charAt(i) - '0';
        }
        for (int check = 0; check < 10; check++) {
            digits[body.length()] = check;
            if (FormatPreservingPseudonymizer.luhnValid(digits)) {
                return body + check;
            }
        }
        throw new AssertionError();
    }

    @Test
    void cards_keepLastFourAndSeparators_areLuhnValid_andReverse() throws Exception {
        FormatPreservingPseudonymizer cards = FormatPreservingPseudonymizer.forCards(KEYS, "payments", true);
        String token = cards.pseudonymize("4111 1111 1111 1111");
        assertThat(token).matches("\\d{4} \\d{4} \\d{4} 1111").isNotEqualTo("4111 1111 1111 1111");
        assertThat(FormatPreservingPseudonymizer.luhnValid(token.replace(" ", "").chars().map(c -> c - '0').toArray())).isTrue();
        assertThat(cards.reverse(token)).isEqualTo("4111 1111 1111 1111");
        assertThat(cards.pseudonymize("4111 1111 1111 1111")).isEqualTo(token);
    }

    @Test
    void cards_anyValidNumber_roundTripsAndStaysValid() {
        qt().withExamples(200).forAll(longs().between(100_000_000_000_000L, 999_999_999_999_999L)).checkAssert(n -> {
            try {
                String card = withLuhn(Long.toString(n));
                for (boolean keep : new boolean[] {true, false}) {
                    FormatPreservingPseudonymizer p = FormatPreservingPseudonymizer.forCards(KEYS, "cards", keep);
                    String token = p.pseudonymize(card);
                    assertThat(token).hasSize(16);
                    assertThat(FormatPreservingPseudonymizer.luhnValid(token.chars().map(c -> c - '0').toArray())).isTrue();
                    if (keep) {
                        assertThat(token).endsWith(card.substring(12));
                    }
                    assertThat(p.reverse(token)).isEqualTo(card);
                }
            } catch (java.security.GeneralSecurityException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void cards_invalidLuhn_throwsWithoutValue() throws Exception {
        FormatPreservingPseudonymizer cards = FormatPreservingPseudonymizer.forCards(KEYS, "payments", true);
        assertThatThrownBy(() -> cards.pseudonymize("4111 1111 1111 1112")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the card number fails the Luhn check");
        assertThatThrownBy(() -> cards.pseudonymize("4111-11x1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void alphabet_keepsLengthAndSeparators_stableAcrossRotation() throws Exception {
        KeyRing keys = KeyRing.builder().auditSink(AuditSink.noop()).generate();
        FormatPreservingPseudonymizer ids = FormatPreservingPseudonymizer.of(keys, "crm.customerNo", Alphabet.ALPHANUMERIC);
        String token = ids.pseudonymize("AB12-CD34");
        assertThat(token).matches("[0-9A-Za-z]{4}-[0-9A-Za-z]{4}");
        keys.rotate();
        assertThat(ids.pseudonymize("AB12-CD34")).isEqualTo(token);
        assertThat(ids.reverse(token)).isEqualTo("AB12-CD34");
        assertThat(ids.toString()).contains("k-");
    }
}
