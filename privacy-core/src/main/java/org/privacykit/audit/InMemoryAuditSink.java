package org.privacykit.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps events in memory, for tests and for applications that flush them elsewhere. Thread-safe. */
public final class InMemoryAuditSink implements AuditSink {
    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

    /** Creates an empty sink. */
    public InMemoryAuditSink() {
    }

    @Override
    public void record(AuditEvent event) {
        events.add(event);
    }

    /**
     * Returns the events recorded so far, oldest first.
     *
     * @return a snapshot
     */
    public List<AuditEvent> events() {
        return List.copyOf(events);
    }

    /**
     * Returns the recorded events of one action.
     *
     * @param action the action
     * @return a snapshot
     */
    public List<AuditEvent> events(AuditAction action) {
        List<AuditEvent> out = new ArrayList<>();
        for (AuditEvent event : events) {
            if (event.action() == action) {
                out.add(event);
            }
        }
        return out;
    }

    /** Drops every recorded event. */
    public void clear() {
        events.clear();
    }

    @Override
    public String toString() {
        return "InMemoryAuditSink[" + events.size() + " events]";
    }
}
