package org.privacykit.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class EncryptedTest {

    @Test
    void mode_isOneEnumElement_defaultRandomized() throws NoSuchMethodException {
        Method mode = Encrypted.class.getDeclaredMethod("mode");

        assertThat(mode.getReturnType()).isEqualTo(EncryptionMode.class);
        assertThat(mode.getDefaultValue()).isEqualTo(EncryptionMode.RANDOMIZED);
    }

    @Test
    void elements_holdNoBooleans_soTwoExclusiveModesCannotBeWritten() {
        assertThat(Arrays.stream(Encrypted.class.getDeclaredMethods()).map(Method::getReturnType))
                .doesNotContain(boolean.class, Boolean.class);
    }
}
