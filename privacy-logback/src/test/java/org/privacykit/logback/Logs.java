package org.privacykit.logback;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import org.slf4j.MDC;

/**
 * A private Logback context configured from {@code logback.xml} text, whose appenders write to
 * memory ({@link MemoryAppender}), as an application configures Logback: no code but the XML.
 */
final class Logs implements AutoCloseable {
    private final LoggerContext context = new LoggerContext();

    private Logs() {
    }

    /** A context configured from a whole {@code <configuration>} document. */
    static Logs configure(String xml) {
        Logs logs = new Logs();
        logs.context.setMDCAdapter(MDC.getMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(logs.context);
        try {
            configurator.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (JoranException e) {
            throw new IllegalStateException(e);
        }
        return logs;
    }

    /** A context whose root logger writes through one encoder, given as its XML element. */
    static Logs withEncoder(String encoderXml) {
        return configure("<configuration>\n"
                + "  <appender name=\"OUT\" class=\"org.privacykit.logback.Logs$MemoryAppender\">\n"
                + encoderXml + "\n"
                + "  </appender>\n"
                + "  <root level=\"DEBUG\"><appender-ref ref=\"OUT\"/></root>\n"
                + "</configuration>");
    }

    Logger logger(String name) {
        return context.getLogger(name);
    }

    /** Everything the appender named OUT wrote. */
    String output() {
        return output("OUT");
    }

    String output(String appender) {
        MemoryAppender out = (MemoryAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(appender);
        return out.text();
    }

    List<String> lines() {
        return Arrays.stream(output().split("\n")).filter(l -> !l.isEmpty()).collect(Collectors.toList());
    }

    /** Errors and warnings the context's status manager received. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Status status : context.getStatusManager().getCopyOfStatusList()) {
            if (status.getLevel() >= Status.WARN) {
                problems.add(status.getMessage() + (status.getThrowable() == null ? ""
                        : " / " + status.getThrowable()));
            }
        }
        return problems;
    }

    LoggerContext context() {
        return context;
    }

    @Override
    public void close() {
        context.stop();
    }

    /** An {@code OutputStreamAppender} over a byte array, configurable from XML like any appender. */
    public static final class MemoryAppender extends OutputStreamAppender<ILoggingEvent> {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void start() {
            setOutputStream(bytes);
            super.start();
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
