package org.privacykit.jackson3;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.privacykit.jackson.testsuite.MaskingMapperFuzz;

/** Fuzzes the Jackson 3 masking mapper: no personal value in its output or its exceptions (see {@link MaskingMapperFuzz}). */
class MaskingMapperFuzzTest {
    private static final Jackson3Line LINE = new Jackson3Line();

    @FuzzTest
    void mask_anyPersonalValues_leaveNothingInOutputOrExceptions(FuzzedDataProvider data) {
        MaskingMapperFuzz.check(LINE, data);
    }
}
