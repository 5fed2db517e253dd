package org.privacykit.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class CiphertextsTest {

    @Test
    void recognizesEveryAlgorithmOfTheFormat() {
        assertThat(Ciphertexts.inspect(Fixtures.ciphertext(1, 0x11223344, 0)))
                .isEqualTo(new Ciphertexts.Envelope(Ciphertexts.Mode.RANDOMIZED, 0x11223344));
        assertThat(Ciphertexts.inspect(Fixtures.ciphertext(2, 5, 9)).mode()).isEqualTo(Ciphertexts.Mode.RANDOMIZED);
        assertThat(Ciphertexts.inspect(Fixtures.ciphertext(3, 5, 9)).mode()).isEqualTo(Ciphertexts.Mode.RANDOMIZED);
        assertThat(Ciphertexts.inspect(Fixtures.ciphertext(0x82, 5, 9)).mode()).isEqualTo(Ciphertexts.Mode.SUBJECT_KEY);
        assertThat(Ciphertexts.inspect(Fixtures.ciphertext(4, 5, 0)).mode()).isEqualTo(Ciphertexts.Mode.DETERMINISTIC);
        assertThat(Ciphertexts.inspect(Fixtures.ciphertext(4, 0xfffffffe, 0)).keyIdHex()).isEqualTo("fffffffe");
    }

    @Test
    void refusesWhatIsNotTheFormat() {
        String good = Fixtures.ciphertext(1, 1, 10);
        assertThat(Ciphertexts.inspect(good + "=")).isNull();
        assertThat(Ciphertexts.inspect(good.replace('-', '+').replace('_', '/') + "+/")).isNull();
        assertThat(Ciphertexts.inspect(good.charAt(0) + "A" + good.substring(2))).isNull(); // version 0
        assertThat(Ciphertexts.inspect(Fixtures.ciphertext(5, 1, 10))).isNull(); // unknown algorithm
        assertThat(Ciphertexts.inspect(Fixtures.ciphertext(0x84, 1, 10))).isNull();
        byte[] shortRandomized = new byte[6 + 27];
        shortRandomized[0] = 1;
        shortRandomized[1] = 1;
        assertThat(Ciphertexts.inspect(Base64.getUrlEncoder().withoutPadding().encodeToString(shortRandomized))).isNull();
        assertThat(Ciphertexts.inspect("ada@example.org")).isNull();
        assertThat(Ciphertexts.inspect("")).isNull();
    }

    @Test
    void ordinaryText_isAlmostNeverACiphertext() {
        qt().forAll(strings().betweenCodePoints('0', 'z').ofLengthBetween(0, 200))
                .checkAssert(text -> assertThat(Ciphertexts.inspect(text.startsWith("AQ") ? "B" + text : text)).isNull());
        qt().forAll(integers().between(0, 255), integers().between(0, 60))
                .assuming((algorithm, n) -> algorithm != 1 && algorithm != 2 && algorithm != 3 && algorithm != 4
                        && algorithm != 0x81 && algorithm != 0x82 && algorithm != 0x83)
                .checkAssert((algorithm, n) -> assertThat(Ciphertexts.inspect(Fixtures.ciphertext(algorithm, 1, n))).isNull());
    }
}
