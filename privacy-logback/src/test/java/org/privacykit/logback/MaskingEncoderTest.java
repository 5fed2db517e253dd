package org.privacykit.logback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.encoder.EncoderBase;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * {@link MaskingEncoder} around encoders that know nothing of privacy-kit: Logback's own pattern and
 * JSON encoders, a pattern with Spring Boot's trace word, and an encoder that prints the throwable
 * itself, as Spring Boot's structured logging does with a stack-trace printer.
 */
class MaskingEncoderTest {
    private static final String EMAIL = "ada.lovelace@example.com";
    private static final String CARD = "4111 1111 1111 1111";

    private static void logEverything(Logs logs) {
        MDC.put("customer", EMAIL);
        try {
            IllegalStateException cause = new IllegalStateException("card " + CARD + " declined");
            RuntimeException failure = new RuntimeException("charging " + EMAIL + " failed", cause);
            failure.addSuppressed(new IllegalArgumentException("retry for " + EMAIL));
            logs.logger("shop").atWarn().addKeyValue("contact", EMAIL).setCause(failure)
                    .log("customer {} wrote from {}", Fixtures.ada(), EMAIL);
        } finally {
            MDC.remove("customer");
        }
    }

    private static void assertNoClearValue(String output) {
        assertThat(output).doesNotContain(EMAIL).doesNotContain(CARD).doesNotContain("Lovelace")
                .doesNotContain("diabetes").doesNotContain("sk_live");
    }

    @Test
    void aroundLogbacksPatternEncoder_masksMessageMdcKeyValuesAndTrace() {
        try (Logs logs = Logs.withEncoder("<encoder class=\"org.privacykit.logback.MaskingEncoder\">"
                + "<encoder class=\"ch.qos.logback.classic.encoder.PatternLayoutEncoder\">"
                + "<pattern>%level %msg %X %kvp%n%ex</pattern></encoder></encoder>")) {
            logEverything(logs);

            String out = logs.output();
            assertNoClearValue(out);
            assertThat(out).contains("WARN customer Customer[id=c-1001, fullName=A. L.,", "a***@example.com",
                    "customer=a***@example.com", "contact=\"a***@example.com\"",
                    "java.lang.RuntimeException: charging a***@example.com failed",
                    "Caused by: java.lang.IllegalStateException: card **** **** **** 1111 declined",
                    "Suppressed: java.lang.IllegalArgumentException: retry for a***@example.com",
                    "at org.privacykit.logback.MaskingEncoderTest.logEverything");
            assertThat(logs.problems()).isEmpty();
        }
    }

    @Test
    void aroundLogbacksJsonEncoder_masksEveryField() {
        try (Logs logs = Logs.withEncoder("<encoder class=\"org.privacykit.logback.MaskingEncoder\">"
                + "<encoder class=\"ch.qos.logback.classic.encoder.JsonEncoder\"/></encoder>")) {
            logEverything(logs);

            String out = logs.output();
            assertNoClearValue(out);
            assertThat(out).contains("a***@example.com", "**** **** **** 1111", "java.lang.IllegalStateException");
        }
    }

    @Test
    void springBootsTraceWord_registeredAsAConversionRule_isMaskedByThePrivacyLayout() {
        // what Spring Boot's defaults.xml does: %wEx as a conversion rule, and a pattern ending in it
        try (Logs logs = Logs.configure("<configuration>"
                + "<conversionRule conversionWord=\"wEx\" class=\"ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter\"/>"
                + "<conversionRule conversionWord=\"msg\" class=\"ch.qos.logback.classic.pattern.MessageConverter\"/>"
                + "<appender name=\"OUT\" class=\"org.privacykit.logback.Logs$MemoryAppender\">"
                + "<encoder class=\"org.privacykit.logback.PrivacyPatternLayoutEncoder\"><pattern>%msg%n%wEx</pattern></encoder>"
                + "</appender><root level=\"DEBUG\"><appender-ref ref=\"OUT\"/></root></configuration>")) {
            logEverything(logs);

            String out = logs.output();
            assertNoClearValue(out);
            assertThat(out).contains(System.lineSeparator() + "java.lang.RuntimeException: charging a***@example.com failed");
            assertThat(logs.problems()).noneMatch(p -> p.contains("is not one of privacy-logback's"));
        }
    }

    @Test
    void anEncoderThatPrintsTheThrowableItself_printsTheMaskedCopy() {
        StringWriter printed = new StringWriter();
        EncoderBase<ILoggingEvent> printing = new EncoderBase<>() {
            @Override
            public byte[] headerBytes() {
                return null;
            }

            @Override
            public byte[] encode(ILoggingEvent event) {
                ((ThrowableProxy) event.getThrowableProxy()).getThrowable().printStackTrace(new PrintWriter(printed));
                return new byte[0];
            }

            @Override
            public byte[] footerBytes() {
                return null;
            }
        };
        try (Logs logs = Logs.withEncoder("<encoder class=\"ch.qos.logback.classic.encoder.PatternLayoutEncoder\">"
                + "<pattern>%msg</pattern></encoder>")) {
            MaskingEncoder encoder = new MaskingEncoder();
            encoder.setContext(logs.context());
            encoder.setEncoder(printing);
            encoder.start();
            Throwable failure = new RuntimeException("charging " + EMAIL + " failed",
                    new IllegalStateException("card " + CARD + " declined"));
            LoggingEvent event = new LoggingEvent("x", logs.logger("shop"), ch.qos.logback.classic.Level.ERROR,
                    "failed", failure, null);

            encoder.encode(event);

            assertNoClearValue(printed.toString());
            assertThat(printed.toString()).startsWith("java.lang.RuntimeException: charging a***@example.com failed")
                    .contains("Caused by: java.lang.IllegalStateException: card **** **** **** 1111 declined")
                    .contains("at org.privacykit.logback.MaskingEncoderTest");
        }
    }

    @Test
    void withoutAnEncoderToWrap_reportsAndWritesNothing() {
        try (Logs logs = Logs.withEncoder("<encoder class=\"org.privacykit.logback.MaskingEncoder\"/>")) {
            logs.logger("shop").info("hello {}", EMAIL);

            assertThat(logs.output()).isEmpty();
            assertThat(logs.problems()).anyMatch(p -> p.contains("MaskingEncoder needs an <encoder>"));
        }
    }

    @Test
    void maskAppenders_wrapsEveryPlainEncoder_insideAsyncAppendersToo_andLeavesPrivacyEncodersAlone() {
        try (Logs logs = Logs.configure("<configuration>"
                + "<appender name=\"OUT\" class=\"org.privacykit.logback.Logs$MemoryAppender\">"
                + "<encoder class=\"ch.qos.logback.classic.encoder.PatternLayoutEncoder\"><pattern>%msg%n</pattern></encoder></appender>"
                + "<appender name=\"INNER\" class=\"org.privacykit.logback.Logs$MemoryAppender\">"
                + "<encoder class=\"ch.qos.logback.classic.encoder.PatternLayoutEncoder\"><pattern>%msg%n</pattern></encoder></appender>"
                + "<appender name=\"ASYNC\" class=\"ch.qos.logback.classic.AsyncAppender\"><appender-ref ref=\"INNER\"/></appender>"
                + "<appender name=\"MASKING\" class=\"org.privacykit.logback.Logs$MemoryAppender\">"
                + "<encoder class=\"org.privacykit.logback.PrivacyPatternLayoutEncoder\"><pattern>%msg%n</pattern></encoder></appender>"
                + "<appender name=\"LIST\" class=\"ch.qos.logback.core.read.ListAppender\"/>"
                + "<root level=\"DEBUG\"><appender-ref ref=\"OUT\"/><appender-ref ref=\"ASYNC\"/>"
                + "<appender-ref ref=\"MASKING\"/><appender-ref ref=\"LIST\"/></root></configuration>")) {
            java.util.List<MaskingEncoder> made = new java.util.ArrayList<>();

            java.util.List<String> unmasked = MaskingEncoder.maskAppenders(logs.context(), made::add);

            assertThat(made).hasSize(2);
            assertThat(unmasked).containsExactly("LIST (ch.qos.logback.core.read.ListAppender)");
            ch.qos.logback.classic.Logger root = logs.logger(ch.qos.logback.classic.Logger.ROOT_LOGGER_NAME);
            assertThat(((ch.qos.logback.core.OutputStreamAppender<ILoggingEvent>) root.getAppender("MASKING")).getEncoder())
                    .isInstanceOf(PrivacyPatternLayoutEncoder.class);
            ch.qos.logback.classic.AsyncAppender async = (ch.qos.logback.classic.AsyncAppender) root.getAppender("ASYNC");
            Logs.MemoryAppender inner = (Logs.MemoryAppender) async.getAppender("INNER");
            root.info("write to {}", EMAIL);
            async.stop(); // drains the queue
            assertThat(logs.output()).isEqualTo("write to a***@example.com\n");
            assertThat(inner.text()).isEqualTo("write to a***@example.com\n");
            assertThat(MaskingEncoder.maskAppenders(logs.context(), made::add)).hasSize(1);
            assertThat(made).as("a second call wraps nothing again").hasSize(2);
        }
    }
}
