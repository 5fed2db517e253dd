package org.privacykit.jackson;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.privacykit.jackson.testsuite.MaskingMapperFuzz;

/** Fuzzes the Jackson 2 masking mapper: no personal value in its output or its exceptions (see {@link MaskingMapperFuzz}). */
class MaskingMapperFuzzTest {
    private static final Jackson2Line LINE = new Jackson2Line();

    @FuzzTest
    void mask_anyPersonalValues_leaveNothingInOutputOrExceptions(FuzzedDataProvider data) {
        MaskingMapperFuzz.check(LINE, data);
    }
}
