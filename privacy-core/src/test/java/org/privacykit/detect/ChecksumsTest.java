package org.privacykit.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

class ChecksumsTest {

    @Test
    void luhn_knownNumbers() {
        assertThat(Checksums.luhnValid("4111 1111 1111 1111")).isTrue();
        assertThat(Checksums.luhnValid("4111-1111-1111-1111")).isTrue();
        assertThat(Checksums.luhnValid("79927398713")).isTrue();
        assertThat(Checksums.luhnValid("79927398710")).isFalse();
        assertThat(Checksums.luhnValid("4111 1111 1111 111x")).isFalse();
        assertThat(Checksums.luhnValid("0")).isFalse();
        assertThat(Checksums.luhnValid("")).isFalse();
    }

    @Test
    void luhn_inPlace_agreesWithTheTextCutOut() {
        // the detector checks candidates where they stand in the text; the result must be the same
        qt().forAll(strings().numeric(), integers().between(0, 40), integers().between(0, 40))
                .checkAssert((digits, a, b) -> {
                    String text = "x ".repeat(a) + digits + " y".repeat(b);
                    int from = 2 * a;
                    assertThat(Checksums.luhnValid(text, from, from + digits.length()))
                            .isEqualTo(Checksums.luhnValid(digits));
                });
    }

    @Test
    void luhnCheckDigit_completesAnyNumber() {
        assertThat(Checksums.luhnCheckDigit("7992739871")).isEqualTo('3');
        qt().forAll(strings().numeric().map(s -> s.replace("-", "")).assuming(s -> !s.isEmpty()))
                .checkAssert(s -> assertThat(Checksums.luhnValid(s + Checksums.luhnCheckDigit(s))).isTrue());
        assertThatThrownBy(() -> Checksums.luhnCheckDigit("12a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Checksums.luhnCheckDigit("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void iban_knownNumbers() {
        assertThat(Checksums.ibanValid("DE89 3704 0044 0532 0130 00")).isTrue();
        assertThat(Checksums.ibanValid("GB82WEST12345698765432")).isTrue();
        assertThat(Checksums.ibanValid("NO9386011117947")).isTrue();
        assertThat(Checksums.ibanValid("MT84MALT011000012345MTLCAST001S")).isTrue();
        assertThat(Checksums.ibanValid("GB82WEST12345698765433")).isFalse();
        assertThat(Checksums.ibanValid("GB82WEST1234569876543")).isFalse();
        assertThat(Checksums.ibanValid("gb82west12345698765432")).isFalse();
        assertThat(Checksums.ibanValid("QQ82WEST12345698765432")).isFalse();
        assertThat(Checksums.ibanValid("")).isFalse();
    }

    @Test
    void ibanCheckDigits_makeValidIbans() {
        assertThat(Checksums.ibanCheckDigits("DE", "370400440532013000")).isEqualTo("89");
        assertThat(Checksums.ibanCheckDigits("gb", "WEST12345698765432")).isEqualTo("82");
        qt().forAll(longs().all().map(l -> String.format("%018d", Math.floorMod(l, 1_000_000_000_000_000_000L))))
                .checkAssert(bban -> assertThat(Checksums.ibanValid("DE" + Checksums.ibanCheckDigits("DE", bban) + bban))
                        .isTrue());
        assertThatThrownBy(() -> Checksums.ibanCheckDigits("D", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Checksums.ibanCheckDigits("DE", "12 3")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bsn_elevenTest() {
        assertThat(Checksums.bsnValid("111222333")).isTrue();
        assertThat(Checksums.bsnValid("123456782")).isTrue();
        assertThat(Checksums.bsnValid("111222334")).isFalse();
        assertThat(Checksums.bsnValid("000000000")).isFalse();
        assertThat(Checksums.bsnValid("11122233")).isFalse();
    }

    @Test
    void dniLetter_table() {
        assertThat(Checksums.dniLetter(12345678)).isEqualTo('Z');
        assertThat(Checksums.dniLetter(0)).isEqualTo('T');
        assertThat(Checksums.dniLetter(22)).isEqualTo('E');
        assertThatThrownBy(() -> Checksums.dniLetter(100_000_000)).isInstanceOf(IllegalArgumentException.class);
    }
}
