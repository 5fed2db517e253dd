package org.privacykit.benchmarks;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.SubjectId;
import org.privacykit.logback.PrivacyJsonEncoder;
import org.privacykit.logback.PrivacyPatternLayoutEncoder;

/**
 * One log call, from {@code logger.info(...)} to encoded bytes, through plain Logback and through
 * privacy-logback with the same pattern, and through Logback's {@code JsonEncoder} beside
 * {@code PrivacyJsonEncoder}. Each logger has one {@code OutputStreamAppender} writing to
 * {@code OutputStream.nullOutputStream()}, so I/O does not count; the event is built, filtered,
 * formatted and encoded as in an application. Messages: without personal data, with an e-mail and a
 * card in the arguments, and with an annotated customer as the argument (plain Logback prints the
 * record's own {@code toString}, with every value in clear).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class LogbackBenchmark {
    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

    /** A customer as an application declares it. */
    public record Customer(@SubjectId String id,
                           @PersonalData(PersonalDataType.NAME) String fullName,
                           @PersonalData(PersonalDataType.EMAIL) String email,
                           @PersonalData(PersonalDataType.PAYMENT_CARD) @Encrypted String cardNumber,
                           @PersonalData(PersonalDataType.DATE_OF_BIRTH) LocalDate birthDate,
                           @Sensitive String apiToken,
                           String plan) {
    }

    /** Which message each benchmark logs. */
    @Param({"noPii", "pii", "customer"})
    public String message;

    private final LoggerContext context = new LoggerContext();
    private Logger plainPattern;
    private Logger privacyPattern;
    private Logger logbackJson;
    private Logger privacyJson;
    private final Customer customer = new Customer("c-1001", "Ada Lovelace", "ada.lovelace@example.com",
            "4111 1111 1111 1111", LocalDate.of(1985, 12, 10), "sk_live_9f8e7d6c5b4a", "gold");

    /** Builds the four loggers, each with its own appender. */
    @Setup
    public void setUp() {
        // what SLF4J's Logback provider does for its context; without it every event's MDC look-up fails and is caught
        context.setMDCAdapter(new LogbackMDCAdapter());
        PatternLayoutEncoder plain = new PatternLayoutEncoder();
        plain.setPattern(PATTERN);
        PrivacyPatternLayoutEncoder privacy = new PrivacyPatternLayoutEncoder();
        privacy.setPattern(PATTERN);
        plainPattern = logger("plain.Orders", plain);
        privacyPattern = logger("privacy.Orders", privacy);
        logbackJson = logger("json.Orders", new JsonEncoder());
        privacyJson = logger("privacyjson.Orders", new PrivacyJsonEncoder());
    }

    private Logger logger(String name, Encoder<ILoggingEvent> encoder) {
        encoder.setContext(context);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(encoder);
        appender.setOutputStream(OutputStream.nullOutputStream());
        appender.start();
        Logger logger = context.getLogger(name);
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        logger.addAppender(appender);
        return logger;
    }

    /** Stops the context. */
    @TearDown
    public void tearDown() {
        context.stop();
    }

    private void log(Logger logger) {
        switch (message) {
            case "noPii":
                logger.info("Order {} shipped to warehouse {} in {} ms", "o-4711", "B-12", 35);
                break;
            case "pii":
                logger.info("Customer {} paid order {} with card {}", "ada.lovelace@example.com", "o-4711",
                        "4111 1111 1111 1111");
                break;
            default:
                logger.info("Customer {} paid order {}", customer, "o-4711");
        }
    }

    /** Logback's PatternLayoutEncoder: the anchor. */
    @Benchmark
    public void patternPlainLogback() {
        log(plainPattern);
    }

    /** PrivacyPatternLayoutEncoder, same pattern. */
    @Benchmark
    public void patternPrivacy() {
        log(privacyPattern);
    }

    /** Logback's own JsonEncoder: the JSON anchor. */
    @Benchmark
    public void jsonPlainLogback() {
        log(logbackJson);
    }

    /** PrivacyJsonEncoder. */
    @Benchmark
    public void jsonPrivacy() {
        log(privacyJson);
    }
}
