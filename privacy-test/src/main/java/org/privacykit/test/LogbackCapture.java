package org.privacykit.test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.slf4j.event.KeyValuePair;
import org.jspecify.annotations.Nullable;

/**
 * Captures log lines through an appender on Logback's root logger: every event that reaches the root
 * (all loggers, unless one sets additivity to false), from any thread. Only loaded when Logback is
 * the SLF4J backend.
 */
final class LogbackCapture implements LogCapture {
    private final LoggerContext context;
    private final boolean allLevels;
    private final @Nullable String checkedAppender;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private volatile @Nullable Encoder<ILoggingEvent> encoder;
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            Encoder<ILoggingEvent> e = encoder;
            lines.add(e == null ? render(event) : encoded(event, e));
        }
    };
    private @Nullable Level previousLevel;

    LogbackCapture(Object loggerFactory, boolean allLevels, @Nullable String checkedAppender) {
        this.context = (LoggerContext) loggerFactory;
        this.allLevels = allLevels;
        this.checkedAppender = checkedAppender;
        appender.setName("privacykit-log-guard");
        appender.setContext(context);
    }

    @Override
    public void start() {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (checkedAppender != null) {
            Appender<ILoggingEvent> target = root.getAppender(checkedAppender);
            if (!(target instanceof OutputStreamAppender<ILoggingEvent> output) || output.getEncoder() == null) {
                throw new ExtensionConfigurationException("PrivacyLogGuard checks the output of appender '"
                        + checkedAppender + "', but the root logger has " + (target == null ? "no appender of that name"
                        : "it as a " + target.getClass().getName() + ", which has no encoder"));
            }
            encoder = output.getEncoder();
        }
        if (allLevels) {
            previousLevel = root.getLevel();
            root.setLevel(Level.TRACE);
        }
        appender.start();
        root.addAppender(appender);
    }

    @Override
    public void stop() {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(appender);
        appender.stop();
        if (allLevels) {
            root.setLevel(previousLevel);
        }
    }

    @Override
    public List<String> lines() {
        return new ArrayList<>(lines);
    }

    /** What the checked appender's encoder writes for an event, after the level and logger. */
    static String encoded(ILoggingEvent event, Encoder<ILoggingEvent> encoder) {
        Charset charset = encoder instanceof LayoutWrappingEncoder<?> wrapping && wrapping.getCharset() != null
                ? wrapping.getCharset() : StandardCharsets.UTF_8;
        String text = new String(encoder.encode(event), charset).strip();
        return event.getLevel() + " " + event.getLoggerName() + " - " + text;
    }

    static String render(ILoggingEvent event) {
        StringBuilder out = new StringBuilder().append(event.getLevel()).append(' ').append(event.getLoggerName())
                .append(" - ").append(event.getFormattedMessage());
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (KeyValuePair pair : pairs) {
                out.append(' ').append(pair.key).append('=').append(pair.value);
            }
        }
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc != null && !mdc.isEmpty()) {
            out.append(" mdc=").append(mdc);
        }
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            out.append("\n").append(t.getClassName()).append(": ").append(t.getMessage());
            for (IThrowableProxy suppressed : t.getSuppressed()) {
                out.append("\n  suppressed ").append(suppressed.getClassName()).append(": ").append(suppressed.getMessage());
            }
            StackTraceElementProxy[] frames = t.getStackTraceElementProxyArray();
            if (frames != null && frames.length > 0) {
                out.append("\n  at ").append(frames[0].getSTEAsString());
            }
        }
        return out.toString();
    }
}
