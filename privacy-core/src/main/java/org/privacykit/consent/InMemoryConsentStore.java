package org.privacykit.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory {@link ConsentStore}: a history per subject, appended under the subject's entry lock. */
final class InMemoryConsentStore implements ConsentStore {
    private final Map<String, List<ConsentRecord>> histories = new ConcurrentHashMap<>();

    @Override
    public void record(ConsentRecord record) {
        Objects.requireNonNull(record, "record");
        histories.compute(record.subjectId(), (subject, history) -> {
            List<ConsentRecord> next = history == null ? new ArrayList<>() : new ArrayList<>(history);
            next.add(record);
            return List.copyOf(next);
        });
    }

    @Override
    public List<ConsentRecord> history(String subjectId) {
        return histories.getOrDefault(ConsentRecord.text("subjectId", subjectId), List.of());
    }

    @Override
    public String toString() {
        return "ConsentStore[in memory, " + histories.size() + " subjects]";
    }
}
