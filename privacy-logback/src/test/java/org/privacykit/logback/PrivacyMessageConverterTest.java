package org.privacykit.logback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The converters on their own, declared with {@code <conversionRule>} over Logback's PatternLayout. */
class PrivacyMessageConverterTest {

    private static final String RULES = ""
            + "<conversionRule conversionWord=\"msg\" class=\"org.privacykit.logback.PrivacyMessageConverter\"/>\n"
            + "<conversionRule conversionWord=\"X\" class=\"org.privacykit.logback.PrivacyMdcConverter\"/>\n"
            + "<conversionRule conversionWord=\"kvp\" class=\"org.privacykit.logback.PrivacyKeyValuePairConverter\"/>\n"
            + "<conversionRule conversionWord=\"ex\" class=\"org.privacykit.logback.PrivacyThrowableConverter\"/>\n";

    @Test
    void conversionRules_overLogbacksPatternLayout_maskMessageMdcKeyValuesAndTrace() {
        try (Logs logs = Logs.configure("<configuration>\n" + RULES
                + "<appender name=\"OUT\" class=\"org.privacykit.logback.Logs$MemoryAppender\">"
                + "<encoder><pattern>%msg %X{mail} %kvp%n%ex</pattern></encoder></appender>"
                + "<root level=\"INFO\"><appender-ref ref=\"OUT\"/></root></configuration>")) {
            MDC.put("mail", "alan@example.org");
            try {
                logs.logger("shop").atError().addKeyValue("card", "4111 1111 1111 1111")
                        .setCause(new IllegalStateException("for ada.lovelace@example.com"))
                        .log("customer {}", Fixtures.ada());
            } finally {
                MDC.clear();
            }
            String out = logs.output();
            assertThat(out).startsWith("customer Customer[id=c-1001, fullName=A. L.,")
                    .contains(" a***@example.org card=\"**** **** **** 1111\"")
                    .contains("IllegalStateException: for a***@example.com")
                    .doesNotContain("Lovelace").doesNotContain("alan@").doesNotContain("4111 1111");
            assertThat(logs.problems()).isEmpty();
        }
    }
}
