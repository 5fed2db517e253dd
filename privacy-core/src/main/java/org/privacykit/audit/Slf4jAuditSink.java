package org.privacykit.audit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes each audit event once, as one structured SLF4J line to {@code privacykit.audit}: the action
 * as the message and every other part as a key-value pair (Logback prints them with {@code %kvp}).
 * Decisions a person or a policy takes (reveal, export, erase, retention, key rotation and key states)
 * go at INFO; the events a running application repeats by the thousand (decryptions, reads of erased
 * data, keys created, key rings loaded, re-encryptions) at DEBUG, so a test run or a busy service
 * is not drowned unless the logger is turned to DEBUG.
 */
final class Slf4jAuditSink implements AuditSink {
    static final Slf4jAuditSink INSTANCE = new Slf4jAuditSink();

    private static final Logger LOG = LoggerFactory.getLogger("privacykit.audit");

    private Slf4jAuditSink() {
    }

    @Override
    public void record(AuditEvent event) {
        Level level = levelOf(event.action());
        if (!LOG.isEnabledForLevel(level)) {
            return;
        }
        LoggingEventBuilder line = LOG.atLevel(level).addKeyValue("time", event.time().toString());
        line = add(line, "field", event.field());
        line = add(line, "subject", event.subjectId());
        line = add(line, "purpose", event.purpose());
        line = add(line, "actor", event.actor());
        line = add(line, "detail", event.detail());
        line.log(event.action().name());
    }

    /** The level an action is logged at: INFO for decisions, DEBUG for what repeats with traffic. */
    static Level levelOf(AuditAction action) {
        return switch (action) {
            case REVEAL, EXPORT, ERASE, RETENTION_APPLIED, KEY_ROTATED, KEY_DISABLED, KEY_ENABLED, KEY_DESTROYED,
                 PROCESSING_REFUSED, CONSENT_CHANGED, SUBJECT_REQUEST, RECTIFY ->
                    Level.INFO;
            case DECRYPT, ERASED_READ, KEY_CREATED, KEY_RING_LOADED, REENCRYPTED -> Level.DEBUG;
        };
    }

    private static LoggingEventBuilder add(LoggingEventBuilder line, String key, @Nullable String value) {
        // the parts are escaped as AuditEvent.toString escapes them, so no value can forge a line
        return value == null ? line : line.addKeyValue(key, AuditEvent.escape(value));
    }

    @Override
    public String toString() {
        return "AuditSink[slf4j privacykit.audit]";
    }
}
