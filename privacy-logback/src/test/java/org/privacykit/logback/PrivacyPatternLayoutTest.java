package org.privacykit.logback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class PrivacyPatternLayoutTest {

    private static Logs layout(String pattern, String settings) {
        return Logs.withEncoder("<encoder class=\"ch.qos.logback.core.encoder.LayoutWrappingEncoder\">"
                + "<layout class=\"org.privacykit.logback.PrivacyPatternLayout\"><pattern>" + pattern + "</pattern>"
                + settings + "</layout></encoder>");
    }

    @Test
    void annotatedArgument_isMaskedByItsDeclarations() {
        try (Logs logs = layout("%msg%n", "")) {
            logs.logger("shop").info("created {}", Fixtures.ada());
            assertThat(logs.output()).isEqualTo("created Customer[id=c-1001, fullName=A. L.,"
                    + " email=a***@example.com, cardNumber=**** **** **** 1111, diagnosis=[REDACTED],"
                    + " birthDate=1985, apiToken=[REDACTED], plan=gold]\n");
        }
    }

    @Test
    void annotatedObjectsInsideContainers_areMaskedElementByElement() {
        try (Logs logs = layout("%msg%n", "")) {
            logs.logger("shop").info("batch {} {} {}", List.of(Fixtures.ada()), Optional.of(Fixtures.ada()),
                    new Object[] {Map.of("first", Fixtures.ada())});
            String out = logs.output();
            assertThat(out).startsWith("batch [Customer[id=c-1001, fullName=A. L.,")
                    .contains("Optional[Customer[id=c-1001, fullName=A. L.,").contains("[{first=Customer[id=c-1001")
                    .doesNotContain("Lovelace").doesNotContain("diabetes").doesNotContain("4111 1111");
        }
    }

    @Test
    void plainArguments_keepTheirOwnToString() {
        try (Logs logs = layout("%msg%n", "")) {
            logs.logger("shop").info("order {} paid {} in {} ms", "o-17", new Fixtures.Money(4250, "EUR"), 35);
            assertThat(logs.output()).isEqualTo("order o-17 paid 42.50 EUR in 35 ms\n");
        }
    }

    @Test
    void scalarAndStringArguments_areWrittenAsSlf4jWritesThem_andScanned() {
        try (Logs logs = layout("%msg%n", "<maskKeys>password</maskKeys>")) {
            Logger log = logs.logger("shop");
            log.info("order {} on {} id {} ok {} of {}", 17L, java.time.LocalDate.of(2026, 11, 29),
                    java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), true, 'x');
            log.info("card {} from {} at {}", 4111111111111111L, "ada@example.com", 2.5);
            log.info("body {} after {} ms", "{\"password\":\"hunter2\"}", 35);
            assertThat(logs.lines()).containsExactly(
                    "order 17 on 2026-11-29 id 123e4567-e89b-12d3-a456-426614174000 ok true of x",
                    "card ************1111 from a***@example.com at 2.5",
                    "body {\"password\":\"****\"} after 35 ms");
        }
    }

    @Test
    void piiInMessageOrArguments_isMaskedByTheDetector() {
        try (Logs logs = layout("%msg%n", "")) {
            Logger log = logs.logger("shop");
            log.info("mail from ada.lovelace@example.com");
            log.info("charging card {} for {}", "4111 1111 1111 1111", "alan@example.org");
            log.info("escaped \\{} placeholder and {}", "+44 20 7946 0958");
            assertThat(logs.lines()).containsExactly("mail from a***@example.com",
                    "charging card **** **** **** 1111 for a***@example.org",
                    "escaped {} placeholder and +44 ** **** 0958");
        }
    }

    @Test
    void redactReplacement_writesTheTypeOnly() {
        try (Logs logs = layout("%msg%n", "<piiReplacement>REDACT</piiReplacement>")) {
            logs.logger("shop").info("mail {} card {}", "ada.lovelace@example.com", "4111 1111 1111 1111");
            assertThat(logs.output()).isEqualTo("mail [EMAIL] card [PAYMENT_CARD]\n");
        }
    }

    @Test
    void piiTypes_limitTheDetector_andDetectPiiOff_stillMasksAnnotatedArguments() {
        try (Logs logs = layout("%msg%n", "<piiTypes>EMAIL</piiTypes>")) {
            logs.logger("shop").info("ada.lovelace@example.com 4111 1111 1111 1111");
            assertThat(logs.output()).isEqualTo("a***@example.com 4111 1111 1111 1111\n");
        }
        try (Logs logs = layout("%msg%n", "<detectPii>false</detectPii>")) {
            logs.logger("shop").info("{} {}", "ada.lovelace@example.com", Fixtures.ada());
            assertThat(logs.output()).startsWith("ada.lovelace@example.com Customer[id=c-1001, fullName=A. L.,")
                    .doesNotContain("Lovelace,");
        }
    }

    @Test
    void mdcValues_areMaskedByKeyOrByTheDetector() {
        try (Logs logs = layout("%X{user} [%X] %X{absent:-none}%n", "<maskKeys>authorization, user:EMAIL</maskKeys>")) {
            MDC.put("user", "ada.lovelace@example.com");
            MDC.put("authorization", "Bearer eyJhbGciOi");
            MDC.put("note", "call +44 20 7946 0958");
            try {
                logs.logger("shop").info("request");
            } finally {
                MDC.clear();
            }
            String out = logs.output();
            assertThat(out).startsWith("a***@example.com [").endsWith("] none\n").contains("authorization=****")
                    .contains("user=a***@example.com").contains("note=call +44 ** **** 0958")
                    .doesNotContain("eyJhbGciOi").doesNotContain("7946");
        }
    }

    @Test
    void keyValuePairs_areRenderedAsArguments_andMaskedByKeyOrByTheDetector() {
        try (Logs logs = layout("%msg %kvp%n", "<maskKey>password</maskKey>")) {
            logs.logger("shop").atInfo().addKeyValue("customer", Fixtures.ada()).addKeyValue("password", "hunter2")
                    .addKeyValue("contact", "ada.lovelace@example.com").addKeyValue("items", 3).log("signup");
            String out = logs.output();
            assertThat(out).startsWith("signup customer=\"Customer[id=c-1001, fullName=A. L.,")
                    .contains(" password=\"****\" contact=\"a***@example.com\" items=\"3\"")
                    .doesNotContain("hunter2").doesNotContain("Lovelace").doesNotContain("ada.lovelace");
        }
    }

    @Test
    void maskedKvpOptions_maskTheirKeysFully() {
        try (Logs logs = layout("%maskedKvp{token}%n", "")) {
            logs.logger("shop").atInfo().addKeyValue("token", "abc").addKeyValue("id", "o-1").log("x");
            assertThat(logs.output()).isEqualTo("token=\"****\" id=\"o-1\"\n");
        }
    }

    @Test
    void exceptionMessagesCausesAndSuppressed_areMaskedInTheStackTrace() {
        try (Logs logs = layout("%msg%n%ex", "")) {
            IllegalStateException failure = new IllegalStateException("charge failed for ada.lovelace@example.com",
                    new IllegalArgumentException("card 4111 1111 1111 1111 declined"));
            failure.addSuppressed(new RuntimeException("rollback of GB82 WEST 1234 5698 7654 32 failed"));
            logs.logger("shop").error("payment", failure);
            String out = logs.output();
            assertThat(out).contains("java.lang.IllegalStateException: charge failed for a***@example.com")
                    .contains("Caused by: java.lang.IllegalArgumentException: card **** **** **** 1111 declined")
                    .contains("Suppressed: java.lang.RuntimeException: rollback of GB** **** **** **** **54 32 failed")
                    .contains("\tat org.privacykit.logback.PrivacyPatternLayoutTest")
                    .doesNotContain("ada.lovelace").doesNotContain("4111 1111").doesNotContain("WEST 1234");
        }
    }

    @Test
    void patternWithoutExceptionWord_getsAMaskedTraceAppended() {
        for (String word : new String[] {"", "%xEx", "%rEx", "%throwable{short}"}) {
            try (Logs logs = layout("%msg%n" + word, "")) {
                logs.logger("shop").error("failed", new IllegalStateException("no account for ada.lovelace@example.com"));
                assertThat(logs.output()).as(word).contains("IllegalStateException: no account for a***@example.com")
                        .doesNotContain("ada.lovelace");
            }
        }
    }

    @Test
    void compositeWords_maskTheirChildren() {
        try (Logs logs = layout("%replace(%msg){'o-[0-9]+', 'ORDER'} %highlight(%msg)%n", "")) {
            logs.logger("shop").info("o-17 for ada.lovelace@example.com");
            assertThat(logs.output()).contains("ORDER for a***@example.com").doesNotContain("ada.lovelace");
        }
    }

    @Test
    void jsonArgument_isMaskedByKey_thenByTheDetector() {
        try (Logs logs = layout("%msg%n", "<maskKeys>password, card:PAYMENT_CARD</maskKeys>")) {
            logs.logger("http").info("body {}", "{\"user\":\"ada\",\"password\":\"hunter2\",\"card\":\"4111111111111111\","
                    + "\"note\":\"mail ada.lovelace@example.com\"}");
            assertThat(logs.output()).isEqualTo("body {\"user\":\"ada\",\"password\":\"****\","
                    + "\"card\":\"************1111\",\"note\":\"mail a***@example.com\"}\n");
        }
    }

    @Test
    void brokenJsonArgument_holdingAMaskedKey_isRedactedWhole_otherwiseScanned() {
        try (Logs logs = layout("%msg%n", "<maskKeys>password</maskKeys>")) {
            logs.logger("http").info("body {}", "{\"user\":\"ada\",\"password\":\"hunter2\",\"n"); // cut off
            logs.logger("http").info("body {}", "{\"user\":\"ada\",\"mail\":\"ada.lovelace@example.com\"");
            assertThat(logs.output()).isEqualTo("body [REDACTED]\nbody {\"user\":\"ada\",\"mail\":\"a***@example.com\"\n")
                    .doesNotContain("hunter2");
            assertThat(logs.problems()).singleElement().asString().contains("masking JSON held in a value failed")
                    .doesNotContain("hunter2");
        }
    }

    @Test
    void patternWithAForeignTraceWord_isWarnedOf() {
        try (Logs logs = Logs.configure("<configuration>"
                + "<conversionRule conversionWord=\"plainEx\" class=\"ch.qos.logback.classic.pattern.ThrowableProxyConverter\"/>"
                + "<appender name=\"OUT\" class=\"org.privacykit.logback.Logs$MemoryAppender\">"
                + "<encoder class=\"ch.qos.logback.core.encoder.LayoutWrappingEncoder\">"
                + "<layout class=\"org.privacykit.logback.PrivacyPatternLayout\"><pattern>%msg%n%plainEx</pattern></layout>"
                + "</encoder></appender><root level=\"DEBUG\"><appender-ref ref=\"OUT\"/></root></configuration>")) {
            assertThat(logs.problems()).anySatisfy(p -> assertThat(p).contains("ThrowableProxyConverter is not one of privacy-logback's"));
        }
    }

    @Test
    void toStringThatThrows_isRedacted_andReportedWithoutTheValue() {
        try (Logs logs = layout("%msg%n", "")) {
            logs.logger("shop").info("loaded {} and {}", new Fixtures.Broken(), "o-1");
            assertThat(logs.output()).isEqualTo("loaded [REDACTED] and o-1\n");
            assertThat(logs.problems()).singleElement().asString()
                    .contains("privacy-logback: rendering an argument failed (org.privacykit.logback.Fixtures$Broken:"
                            + " java.lang.IllegalStateException)")
                    .doesNotContain("ada.lovelace").doesNotContain("no session");
            logs.logger("shop").info("again {}", new Fixtures.Broken());
            assertThat(logs.problems()).as("reported once per type").hasSize(1);
        }
    }

    @Test
    void badSettings_areReported_andSafeDefaultsUsed() {
        try (Logs logs = layout("%msg%n", "<piiTypes>EMAIL, SHOE_SIZE</piiTypes><piiReplacement>BLUR</piiReplacement>"
                + "<minConfidence>7</minConfidence><maskKey>secret:NOPE</maskKey>")) {
            logs.logger("shop").info("{} {} {}", "ada.lovelace@example.com", "4111 1111 1111 1111",
                    Map.of("secret", "s3"));
            assertThat(logs.output()).isEqualTo("a***@example.com **** **** **** 1111 {secret=****}\n");
            assertThat(logs.problems()).hasSize(4).anyMatch(p -> p.contains("'SHOE_SIZE' is not a type"))
                    .anyMatch(p -> p.contains("piiReplacement must be MASK or REDACT"))
                    .anyMatch(p -> p.contains("minConfidence must be between 0 and 1"))
                    .anyMatch(p -> p.contains("'NOPE' is not a personal data type"));
        }
    }

    @Test
    void otherWords_areLogbacksOwn() {
        try (Logs logs = layout("%-5level [%logger{0}] %msg%n", "")) {
            logs.logger("org.example.Shop").warn("slow");
            assertThat(logs.output()).isEqualTo("WARN  [Shop] slow\n");
        }
    }
}
