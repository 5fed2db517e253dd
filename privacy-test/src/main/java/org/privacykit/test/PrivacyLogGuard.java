package org.privacykit.test;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.privacykit.detect.PiiDetector;
import org.privacykit.detect.PiiFinding;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * A JUnit Jupiter extension that captures the log output of each test (SLF4J through Logback) and
 * fails the test when a protected value of a watched object, or PII the detector finds, was logged:
 * in a message, its arguments, key-value pairs, the MDC, or an exception message.
 *
 * <pre>{@code
 * class RegistrationTest {
 *     @RegisterExtension
 *     final PrivacyLogGuard logs = PrivacyLogGuard.create();
 *
 *     @Test
 *     void register_logsNoPersonalData() {
 *         Customer ada = SampleData.ada();
 *         logs.watch(ada);             // none of ada's personal values may be logged in this test
 *         service.register(ada);
 *     }                                // fails here if one was, or if the detector finds PII
 * }
 * }</pre>
 *
 * <p>{@code @ExtendWith(PrivacyLogGuard.class)} works too; the test then receives the guard as a
 * parameter to watch objects. Logback must be the SLF4J backend of the test class path (add
 * {@code ch.qos.logback:logback-classic} with test scope); with another backend the extension fails
 * with a message that says so, rather than passing without looking. Tests of one class must not run
 * concurrently with one guard instance.
 */
public final class PrivacyLogGuard implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private final @Nullable PiiDetector detector;
    private final boolean allLevels;
    private final @Nullable String appender;
    private final List<Object> watched = new ArrayList<>();
    private @Nullable LogCapture capture;

    /** Creates a guard that also fails on PII found by {@link PiiDetector#defaults()}. */
    public PrivacyLogGuard() {
        this(PiiDetector.defaults(), false, null);
    }

    private PrivacyLogGuard(@Nullable PiiDetector detector, boolean allLevels, @Nullable String appender) {
        this.detector = detector;
        this.allLevels = allLevels;
        this.appender = appender;
    }

    /**
     * Returns a guard that checks watched objects and runs the default PII detector.
     *
     * @return the guard
     */
    public static PrivacyLogGuard create() {
        return new PrivacyLogGuard();
    }

    /**
     * Returns a guard that runs another detector, such as one restricted to some types.
     *
     * @param detector the detector
     * @return a new guard
     */
    public PrivacyLogGuard detectingPii(PiiDetector detector) {
        return new PrivacyLogGuard(Objects.requireNonNull(detector, "detector"), allLevels, appender);
    }

    /**
     * Returns a guard that only checks the watched objects' values, without the PII detector.
     *
     * @return a new guard
     */
    public PrivacyLogGuard ignoringPii() {
        return new PrivacyLogGuard(null, allLevels, appender);
    }

    /**
     * Returns a guard that lowers the root logger to every level (TRACE included) during each test,
     * so that debug lines that are off in the test configuration are checked too. Appenders that log
     * to the console then print them as well.
     *
     * @return a new guard
     */
    public PrivacyLogGuard capturingAllLevels() {
        return new PrivacyLogGuard(detector, true, appender);
    }

    /**
     * Returns a guard that checks what an appender writes instead of what the code logs: each event
     * is encoded by the encoder of the appender with that name on Logback's root logger (an
     * {@code OutputStreamAppender}, such as a console or file appender), and the guard looks at those
     * bytes. Use it to test a masking layout or encoder (privacy-logback's, for example): code that
     * logs a customer passes when the appender writes the customer masked. The default guard, which
     * checks the events themselves, fails in that case, since the event holds the clear values that
     * any other appender would write.
     *
     * @param appenderName the appender's name in the Logback configuration
     * @return a new guard
     */
    public PrivacyLogGuard checkingAppender(String appenderName) {
        if (appenderName == null || appenderName.isBlank()) {
            throw new IllegalArgumentException("an appender name must not be null or blank");
        }
        return new PrivacyLogGuard(detector, allLevels, appenderName);
    }

    /**
     * Adds objects whose protected values must not be logged during the current test.
     *
     * @param objects annotated objects, or collections of them
     * @return this guard
     */
    public synchronized PrivacyLogGuard watch(Object... objects) {
        for (Object object : Objects.requireNonNull(objects, "objects")) {
            watched.add(object);
        }
        return this;
    }

    /**
     * Returns the log lines captured so far in the current test.
     *
     * @return a snapshot
     */
    public synchronized List<String> lines() {
        return capture == null ? List.of() : capture.lines();
    }

    /**
     * Checks the lines captured so far, as the guard does after each test.
     *
     * @throws org.opentest4j.AssertionFailedError when a watched value or detected PII was logged
     */
    public synchronized void assertClean() {
        List<String> lines = lines();
        PersonalValues values = PersonalValues.of(watched.toArray());
        StringBuilder problems = new StringBuilder();
        int count = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            for (PersonalValues.Leak leak : values.findIn(line)) {
                problems.append("\n  log line ").append(i + 1).append(" (").append(header(line)).append("): ")
                        .append(leak);
                count++;
            }
            if (detector != null) {
                List<PiiFinding> findings = detector.detect(line);
                if (!findings.isEmpty()) {
                    problems.append("\n  log line ").append(i + 1).append(" (").append(header(line)).append("): ")
                            .append(TextAssert.describe(findings, line).replace("\n  ", "\n    "));
                    count += findings.size();
                }
            }
        }
        if (count > 0) {
            fail("personal data was logged (" + count + (count == 1 ? " finding" : " findings") + "):" + problems);
        }
    }

    /** The level and logger of a rendered line, never its message. */
    private static String header(String line) {
        int dash = line.indexOf(" - ");
        return dash < 0 ? "?" : line.substring(0, dash);
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        watched.clear();
        capture = startCapture(LoggerFactory.getILoggerFactory(), allLevels, appender);
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (capture == null) {
            return;
        }
        try {
            capture.stop();
            assertClean();
        } finally {
            capture = null;
            watched.clear();
        }
    }

    static LogCapture startCapture(ILoggerFactory factory, boolean allLevels) {
        return startCapture(factory, allLevels, null);
    }

    static LogCapture startCapture(ILoggerFactory factory, boolean allLevels, @Nullable String appender) {
        String backend = factory.getClass().getName();
        if (!backend.equals("ch.qos.logback.classic.LoggerContext")) {
            throw new ExtensionConfigurationException("PrivacyLogGuard captures logs through Logback, but the SLF4J"
                    + " backend here is " + backend + "; add ch.qos.logback:logback-classic to the test class path (and"
                    + " remove other SLF4J providers such as slf4j-simple)");
        }
        LogCapture capture = new LogbackCapture(factory, allLevels, appender);
        capture.start();
        return capture;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == PrivacyLogGuard.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return this;
    }

    @Override
    public String toString() {
        return "PrivacyLogGuard[" + (detector == null ? "watched values only" : "watched values and " + detector)
                + (allLevels ? ", all levels" : "") + (appender == null ? "" : ", output of appender " + appender) + "]";
    }
}
