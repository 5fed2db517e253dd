package org.privacykit.mask;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.privacykit.annotation.MaskStyle;

class MaskersFuzzTest {

    @FuzzTest
    void maskers_neverThrow(FuzzedDataProvider data) {
        MaskStyle style = data.pickValue(MaskStyle.values());
        int keepFirst = data.consumeInt(-1, 20);
        int keepLast = data.consumeInt(-1, 20);
        char maskChar = data.consumeChar();
        String value = data.consumeRemainingAsString();
        String masked = Maskers.of(style, keepFirst, keepLast, maskChar).mask(value);
        assertThat(masked).isNotNull();
    }
}
