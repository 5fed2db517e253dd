package org.privacykit.spring.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.HEALTH;
import static org.privacykit.annotation.PersonalDataType.NAME;
import static org.privacykit.annotation.PersonalDataType.PAYMENT_CARD;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Spring Boot start with the starter and privacy-logback on the class path and no logging
 * configuration of the application's: Spring Boot's own console appender (pattern ending in
 * {@code %wEx}), its file appender, its structured formats, and the usual {@code logback-spring.xml}
 * built on Boot's {@code defaults.xml}, each checked for the clear values of a message, an annotated
 * argument, an MDC entry, a key-value pair and an exception chain.
 */
@ExtendWith(OutputCaptureExtension.class)
class BootLoggingMaskedTest {
    private static final Logger LOG = LoggerFactory.getLogger("shop.orders");
    private static final String EMAIL_VALUE = "ada.lovelace@example.com";
    private static final String CARD = "4111 1111 1111 1111";

    record Customer(@SubjectId String id, @PersonalData(NAME) String fullName, @PersonalData(EMAIL) String email,
                    @PersonalData(PAYMENT_CARD) String cardNumber, @PersonalData(HEALTH) String diagnosis) {
    }

    @SpringBootApplication
    static class App {
    }

    private static ConfigurableApplicationContext start(String... properties) {
        // Spring Boot configures Logback once until the context that did closes; contexts of other test
        // classes stay open in Spring's test context cache, so start from an unconfigured Logback here
        LoggingSystem.get(BootLoggingMaskedTest.class.getClassLoader()).cleanUp();
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        String[] args = new String[properties.length + 1];
        args[0] = "--privacykit.inventory.enabled=false";
        for (int i = 0; i < properties.length; i++) {
            args[i + 1] = "--" + properties[i];
        }
        return application.run(args);
    }

    private static void logEverything() {
        Customer ada = new Customer("c-1001", "Ada Lovelace", EMAIL_VALUE, CARD, "Type 1 diabetes");
        MDC.put("customerEmail", EMAIL_VALUE);
        try {
            RuntimeException failure = new RuntimeException("charging " + EMAIL_VALUE + " failed",
                    new IllegalStateException("card " + CARD + " declined"));
            LOG.atError().addKeyValue("contact", EMAIL_VALUE).setCause(failure)
                    .log("order for {} from {} failed", ada, EMAIL_VALUE);
        } finally {
            MDC.remove("customerEmail");
        }
    }

    private static void assertMasked(String output) {
        assertThat(output).contains("a***@example.com", "**** **** **** 1111")
                .doesNotContain(EMAIL_VALUE).doesNotContain(CARD).doesNotContain("Lovelace").doesNotContain("diabetes");
    }

    @Test
    void bootsDefaultConsolePattern_isMasked_stackTraceIncluded(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start("logging.pattern.console=%5p %m %X %kvp%n%wEx")) {
            logEverything();
        }
        assertMasked(output.getOut());
        assertThat(output.getOut()).contains("java.lang.RuntimeException: charging a***@example.com failed",
                "Caused by: java.lang.IllegalStateException: card **** **** **** 1111 declined",
                "customerEmail=a***@example.com");
    }

    @Test
    void bootsDefaultConsolePattern_unchanged_isMasked(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start()) {
            logEverything();
        }
        assertMasked(output.getOut());
        assertThat(output.getOut()).contains("order for Customer[id=c-1001, fullName=A. L.,",
                "java.lang.RuntimeException: charging a***@example.com failed");
    }

    @Test
    void bootsFileAppender_isMasked(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("app.log");
        try (ConfigurableApplicationContext context = start("logging.file.name=" + file)) {
            logEverything();
        }
        assertMasked(Files.readString(file, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecs", "logstash", "gelf"})
    void bootsStructuredLogging_isMasked(String format, CapturedOutput output) {
        try (ConfigurableApplicationContext context = start("logging.structured.format.console=" + format)) {
            logEverything();
        }
        String json = output.getOut().lines().filter(line -> line.contains("shop.orders")).findFirst().orElseThrow();
        assertMasked(json);
        assertThat(json).startsWith("{").contains("charging a***@example.com failed");
    }

    @Test
    void bootsStructuredLogging_withAStackTracePrinter_printsTheMaskedCopy(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start("logging.structured.format.console=ecs",
                "logging.structured.json.stacktrace.root=first", "logging.structured.json.stacktrace.max-length=4096")) {
            logEverything();
        }
        String json = output.getOut().lines().filter(line -> line.contains("shop.orders")).findFirst().orElseThrow();
        assertMasked(json);
        assertThat(json).contains("card **** **** **** 1111 declined");
    }

    @Test
    void theUsualLogbackSpringXml_onBootsDefaults_isMasked(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start("logging.config=classpath:usual-logback-spring.xml")) {
            logEverything();
        }
        assertMasked(output.getOut());
        assertThat(output.getOut()).contains("java.lang.RuntimeException: charging a***@example.com failed");
    }

    @Test
    void switchedOff_writesTheClearValues(CapturedOutput output) {
        // the opt-out, and proof that the assertions above can fail
        try (ConfigurableApplicationContext context = start("privacykit.logging.enabled=false")) {
            logEverything();
        }
        assertThat(output.getOut()).contains(EMAIL_VALUE, CARD);
    }
}
