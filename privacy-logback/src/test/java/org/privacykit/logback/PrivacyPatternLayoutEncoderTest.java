package org.privacykit.logback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrivacyPatternLayoutEncoderTest {

    @Test
    void encoder_takesPatternAndSettingsDirectly() {
        try (Logs logs = Logs.withEncoder("<encoder class=\"org.privacykit.logback.PrivacyPatternLayoutEncoder\">"
                + "<pattern>%level %msg %kvp%n</pattern><maskKeys>token</maskKeys>"
                + "<piiReplacement>REDACT</piiReplacement></encoder>")) {
            logs.logger("shop").atInfo().addKeyValue("token", "t-123").log("customer {} wrote from {}",
                    Fixtures.ada(), "ada.lovelace@example.com");
            assertThat(logs.output()).startsWith("INFO customer Customer[id=c-1001, fullName=A. L.,")
                    .endsWith(" wrote from [EMAIL] token=\"****\"\n").doesNotContain("Lovelace").doesNotContain("t-123");
        }
    }

    @Test
    void outputPatternAsHeader_isHonoured() {
        try (Logs logs = Logs.withEncoder("<encoder class=\"org.privacykit.logback.PrivacyPatternLayoutEncoder\">"
                + "<pattern>%msg%n</pattern><outputPatternAsHeader>true</outputPatternAsHeader></encoder>")) {
            logs.logger("shop").info("x");
            assertThat(logs.output()).startsWith("#logback.classic pattern: %msg%n").endsWith("x\n");
        }
    }
}
