package org.privacykit.spring;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.privacykit.audit.AuditEvent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.audit.AuditEventRepository;

/**
 * What the application's audit sinks record, observed: each event is counted in the
 * Micrometer counter {@value #METER} tagged with its action ({@code reveal}, {@code erase},
 * {@code key_rotated}...), and is added to Actuator's {@link AuditEventRepository} when the
 * application has one, as an event of type {@code PRIVACYKIT_<ACTION>} whose principal is the
 * event's actor ({@value #SYSTEM} when none). The Actuator event carries the field, subject,
 * purpose and detail the sink gets; never a value.
 */
final class AuditEventObserver {
    /** The counter of audit events, tagged {@code action}. */
    static final String METER = "privacykit.audit.events";
    /** The principal of an event without an actor: key changes made by the application itself. */
    static final String SYSTEM = "privacykit";

    private final ObjectProvider<MeterRegistry> meters;
    private final ObjectProvider<AuditEventRepository> repositories;

    AuditEventObserver(ObjectProvider<MeterRegistry> meters, ObjectProvider<AuditEventRepository> repositories) {
        this.meters = meters;
        this.repositories = repositories;
    }

    /**
     * Counts an event a sink recorded and adds it to Actuator's audit events.
     *
     * @param event the event
     */
    void observe(AuditEvent event) {
        String action = event.action().name().toLowerCase(Locale.ROOT);
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            registry.counter(METER, "action", action).increment();
        }
        AuditEventRepository repository = repositories.getIfUnique();
        if (repository != null) {
            Map<String, Object> data = new LinkedHashMap<>();
            put(data, "field", event.field());
            put(data, "subject", event.subjectId());
            put(data, "purpose", event.purpose());
            put(data, "detail", event.detail());
            String actor = event.actor();
            repository.add(new org.springframework.boot.actuate.audit.AuditEvent(event.time(),
                    actor == null ? SYSTEM : actor, "PRIVACYKIT_" + event.action().name(), data));
        }
    }

    private static void put(Map<String, Object> data, String key, @Nullable String value) {
        if (value != null) {
            data.put(key, value);
        }
    }
}
