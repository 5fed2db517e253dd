package org.privacykit.audit;

/**
 * Receives audit events. The default, {@link #slf4j()}, writes each as a structured log line to the
 * logger {@code privacykit.audit}; applications plug in their own (a database table, a SIEM) by
 * implementing this interface. Implementations are thread-safe.
 */
@FunctionalInterface
public interface AuditSink {

    /**
     * Records an event.
     *
     * @param event the event
     */
    void record(AuditEvent event);

    /**
     * Returns the sink that logs each event once through SLF4J to the logger {@code privacykit.audit}:
     * the action as the message, the other parts as key-value pairs. Decisions (reveal, export, erase,
     * retention, key rotation and key states, refused processing, consent changes, subject
     * request steps, rectification) are logged at INFO; events that repeat with traffic
     * (decrypt, erased read, key created, key ring loaded, re-encrypted) at DEBUG.
     *
     * @return the SLF4J sink
     */
    static AuditSink slf4j() {
        return Slf4jAuditSink.INSTANCE;
    }

    /**
     * Returns a sink that drops every event.
     *
     * @return the no-op sink
     */
    static AuditSink noop() {
        return event -> { };
    }
}
