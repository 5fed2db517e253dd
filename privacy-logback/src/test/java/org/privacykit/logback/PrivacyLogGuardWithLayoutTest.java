package org.privacykit.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;
import org.privacykit.test.PrivacyLogGuard;
import org.slf4j.LoggerFactory;

/**
 * privacy-test's {@code PrivacyLogGuard} with this module's layout on Logback's root logger, as an
 * application's tests have it: the guard can check what the masking appender writes, and still
 * fails on what no layout can recognize.
 */
class PrivacyLogGuardWithLayoutTest {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("shop.Payments");
    private static final LoggerContext CONTEXT = (LoggerContext) LoggerFactory.getILoggerFactory();

    @BeforeAll
    static void attachAppenders() {
        PrivacyPatternLayoutEncoder masked = new PrivacyPatternLayoutEncoder();
        masked.setPattern("%-5level %logger - %msg %kvp%n");
        attach("MASKED", masked);
        PatternLayoutEncoder plain = new PatternLayoutEncoder();
        plain.setPattern("%-5level %logger - %msg %kvp%n");
        attach("PLAIN", plain);
    }

    private static void attach(String name, Encoder<ILoggingEvent> encoder) {
        Logs.MemoryAppender appender = new Logs.MemoryAppender();
        appender.setName(name);
        appender.setContext(CONTEXT);
        encoder.setContext(CONTEXT);
        encoder.start();
        appender.setEncoder(encoder);
        appender.start();
        CONTEXT.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    @AfterAll
    static void detachAppenders() {
        Logger root = CONTEXT.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAppender("MASKED");
        root.detachAppender("PLAIN");
    }

    /** As a test class uses it: the guard registered on the masking appender, and a test that passes. */
    @Nested
    class Registered {
        @RegisterExtension
        final PrivacyLogGuard logs = PrivacyLogGuard.create().checkingAppender("MASKED");

        @Test
        void customerLoggedThroughTheMaskingLayout_passes() {
            logs.watch(Fixtures.ada());
            LOG.atInfo().addKeyValue("contact", Fixtures.ada().email()).log("charging {} with card {}", Fixtures.ada(),
                    Fixtures.ada().cardNumber());
            assertThat(logs.lines()).singleElement().asString()
                    .startsWith("INFO shop.Payments - INFO  shop.Payments - charging Customer[id=c-1001, fullName=A. L.,")
                    .contains("with card **** **** **** 1111 contact=\"a***@example.com\"");
        }
    }

    /** Runs the guard's callbacks around some logging, and returns what it threw. */
    private static Throwable guard(PrivacyLogGuard guard, Runnable logging) {
        guard.beforeEach(null);
        guard.watch(Fixtures.ada());
        logging.run();
        try {
            guard.afterEach(null);
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private static void logCustomer() {
        LOG.info("charging {} from ada.lovelace@example.com", Fixtures.ada());
    }

    @Test
    void guardOnTheMaskingAppender_passes() {
        assertThat(guard(PrivacyLogGuard.create().checkingAppender("MASKED"),
                PrivacyLogGuardWithLayoutTest::logCustomer)).isNull();
    }

    @Test
    void guardOnAPlainAppender_failsOnTheSameCode() {
        assertThat(guard(PrivacyLogGuard.create().checkingAppender("PLAIN"), PrivacyLogGuardWithLayoutTest::logCustomer))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("Customer.fullName (NAME, A. L.)")
                .hasMessageContaining("EMAIL").hasMessageNotContaining("Lovelace");
    }

    @Test
    void guardOnEvents_failsEvenWithTheMaskingLayout_becauseOtherAppendersGetTheClearValues() {
        assertThat(guard(PrivacyLogGuard.create(), PrivacyLogGuardWithLayoutTest::logCustomer))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("Customer.fullName");
    }

    @Test
    void guardOnTheMaskingAppender_failsOnWhatNoLayoutCanRecognize() {
        // a name is free text: neither declarations (it is not an annotated argument) nor the detector see it
        assertThat(guard(PrivacyLogGuard.create().checkingAppender("MASKED"),
                () -> LOG.warn("could not charge {}", Fixtures.ada().fullName())))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("Customer.fullName (NAME, A. L.)");
    }

    @Test
    void guardOnAnUnknownAppender_failsClearly() {
        assertThatThrownBy(() -> PrivacyLogGuard.create().checkingAppender("NOPE").beforeEach(null))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("checks the output of appender 'NOPE', but the root logger has no appender of that name");
    }
}
