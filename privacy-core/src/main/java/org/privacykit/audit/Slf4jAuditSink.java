package org.privacykit.audit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/** Writes audit events as structured SLF4J log lines to {@code privacykit.audit}. */
final class Slf4jAuditSink implements AuditSink {
    static final Slf4jAuditSink INSTANCE = new Slf4jAuditSink();

    private static final Logger LOG = LoggerFactory.getLogger("privacykit.audit");

    private Slf4jAuditSink() {
    }

    @Override
    public void record(AuditEvent event) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        LoggingEventBuilder line = LOG.atInfo()
                .addKeyValue("action", event.action().name())
                .addKeyValue("time", event.time().toString());
        line = add(line, "field", event.field());
        line = add(line, "subject", event.subjectId());
        line = add(line, "purpose", event.purpose());
        line = add(line, "actor", event.actor());
        line = add(line, "detail", event.detail());
        line.log(event.toString());
    }

    private static LoggingEventBuilder add(LoggingEventBuilder line, String key, @Nullable String value) {
        return value == null ? line : line.addKeyValue(key, value);
    }

    @Override
    public String toString() {
        return "AuditSink[slf4j privacykit.audit]";
    }
}
