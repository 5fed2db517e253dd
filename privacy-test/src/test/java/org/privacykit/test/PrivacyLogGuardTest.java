package org.privacykit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.detect.PiiDetector;
import org.privacykit.mask.Masked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.helpers.NOPLoggerFactory;

class PrivacyLogGuardTest {
    private static final Logger LOG = LoggerFactory.getLogger("org.privacykit.test.Service");

    /** The guard as a test class uses it: registered, watching, passing when logs are clean. */
    @Nested
    class Registered {
        @RegisterExtension
        final PrivacyLogGuard logs = PrivacyLogGuard.create();

        @Test
        void cleanLogs_pass() {
            logs.watch(Fixtures.ada());
            LOG.info("registered {}", Masked.of(Fixtures.ada()));
            LOG.info("order {} shipped", "o-1");
            assertThat(logs.lines()).hasSize(2);
            assertThat(logs.lines().get(0)).startsWith("INFO org.privacykit.test.Service - registered Customer[id=c-1001");
        }
    }

    /** The guard registered declaratively, handed to the test as a parameter. */
    @Nested
    @ExtendWith(PrivacyLogGuard.class)
    class Declarative {
        @Test
        void guardIsInjected(PrivacyLogGuard guard) {
            guard.watch(Fixtures.ada());
            LOG.info("nothing personal");
            assertThat(guard.lines()).containsExactly("INFO org.privacykit.test.Service - nothing personal");
        }
    }

    /** Runs the guard's callbacks by hand around some logging, and returns what the guard threw. */
    private static Throwable guard(PrivacyLogGuard guard, Object watched, Runnable logging) {
        guard.beforeEach(null);
        if (watched != null) {
            guard.watch(watched);
        }
        logging.run();
        try {
            guard.afterEach(null);
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    @Test
    void watchedValueInAMessage_failsTheTest() {
        Throwable failure = guard(PrivacyLogGuard.create().ignoringPii(), Fixtures.ada(),
                () -> LOG.warn("could not charge customer {}", Fixtures.ada().fullName()));
        assertThat(failure).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("personal data was logged (1 finding)")
                .hasMessageContaining("log line 1 (WARN org.privacykit.test.Service): Customer.fullName (NAME, A. L.)"
                        + " found as written at offset 61")
                .hasMessageNotContaining("Lovelace");
    }

    @Test
    void watchedValueInKeyValuesMdcOrException_failsTheTest() {
        PrivacyLogGuard guard = PrivacyLogGuard.create().ignoringPii();
        assertThat(guard(guard, Fixtures.ada(), () -> LOG.atInfo().addKeyValue("email", "ada.lovelace@example.com")
                .log("signup"))).isInstanceOf(AssertionFailedError.class).hasMessageContaining("Customer.email");
        assertThat(guard(guard, Fixtures.ada(), () -> {
            MDC.put("customer", "Ada Lovelace");
            try {
                LOG.info("request");
            } finally {
                MDC.remove("customer");
            }
        })).isInstanceOf(AssertionFailedError.class).hasMessageContaining("Customer.fullName");
        assertThat(guard(guard, Fixtures.ada(), () -> LOG.error("failed", new IllegalStateException("wrapper",
                new IllegalArgumentException("bad card 4111-1111-1111-1111")))))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("Customer.cardNumber");
    }

    @Test
    void detectedPii_failsTheTest_evenWithoutWatchedObjects() {
        Throwable failure = guard(PrivacyLogGuard.create(), null,
                () -> LOG.info("ticket text: call me on +44 20 7946 0958"));
        assertThat(failure).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("PHONE at 59..75 (+44 ** **** 0958)").hasMessageNotContaining("7946");
        assertThat(guard(PrivacyLogGuard.create().detectingPii(PiiDetector.builder().types(PersonalDataType.EMAIL)
                .build()), null, () -> LOG.info("call +44 20 7946 0958"))).isNull();
    }

    @Test
    void debugLinesOffInTheConfiguration_areCheckedWhenAsked() {
        Logger quiet = LoggerFactory.getLogger("quiet");
        assertThat(guard(PrivacyLogGuard.create(), null, () -> quiet.trace("ada@example.com"))).isNull();
        assertThat(guard(PrivacyLogGuard.create().capturingAllLevels(), null, () -> quiet.trace("ada@example.com")))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("EMAIL");
        assertThat(quiet.isTraceEnabled()).as("the level is restored").isFalse();
    }

    @Test
    void checkingAppender_looksAtWhatItsEncoderWrites() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        PatternLayoutEncoder levelOnly = new PatternLayoutEncoder();
        levelOnly.setContext(context);
        levelOnly.setPattern("%level %logger%n");     // writes no message at all
        levelOnly.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setName("LEVELS");
        appender.setContext(context);
        appender.setEncoder(levelOnly);
        appender.setOutputStream(new ByteArrayOutputStream());
        appender.start();
        root.addAppender(appender);
        try {
            PrivacyLogGuard guard = PrivacyLogGuard.create().checkingAppender("LEVELS");
            assertThat(guard(guard, Fixtures.ada(), () -> LOG.warn("card {}", Fixtures.ada().cardNumber()))).isNull();
            assertThat(guard(PrivacyLogGuard.create(), Fixtures.ada(), () -> LOG.warn("card {}",
                    Fixtures.ada().cardNumber()))).as("the events themselves hold the card")
                    .isInstanceOf(AssertionFailedError.class);
            guard.beforeEach(null);
            LOG.info("x");
            assertThat(guard.lines()).containsExactly("INFO org.privacykit.test.Service - INFO org.privacykit.test.Service");
            guard.afterEach(null);
            assertThatThrownBy(() -> PrivacyLogGuard.create().checkingAppender("MISSING").beforeEach(null))
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageContaining("appender 'MISSING', but the root logger has no appender of that name");
        } finally {
            root.detachAppender(appender);
            appender.stop();
        }
    }

    @Test
    void otherBackend_failsClearly() {
        assertThatThrownBy(() -> PrivacyLogGuard.startCapture(new NOPLoggerFactory(), false))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("captures logs through Logback, but the SLF4J backend here is"
                        + " org.slf4j.helpers.NOPLoggerFactory");
    }

    @Test
    void toString_describesTheConfiguration() {
        assertThat(PrivacyLogGuard.create().ignoringPii().capturingAllLevels().toString())
                .isEqualTo("PrivacyLogGuard[watched values only, all levels]");
    }
}
