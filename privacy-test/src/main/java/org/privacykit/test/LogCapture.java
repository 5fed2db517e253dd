package org.privacykit.test;

import java.util.List;

/** Captures the log lines written while it runs. */
interface LogCapture {
    /** Starts capturing. */
    void start();

    /** Stops capturing and restores the logging configuration. */
    void stop();

    /** The lines captured so far: level, logger, message, key-values, MDC and exceptions. */
    List<String> lines();
}
