package org.privacykit.crypto;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Subject keys in a map, tombstones in a set. */
final class InMemorySubjectKeyStore implements SubjectKeyStore {
    private final ConcurrentHashMap<String, byte[]> keys = new ConcurrentHashMap<>();
    private final Set<String> forgotten = ConcurrentHashMap.newKeySet();
    private final AtomicLong generation = new AtomicLong();

    @Override
    public byte[] find(String subjectId) {
        byte[] r = keys.get(subjectId);
        return r == null ? null : r.clone();
    }

    @Override
    public byte[] putIfAbsent(String subjectId, byte[] record) {
        synchronized (forgotten) {
            if (forgotten.contains(subjectId)) {
                return null;
            }
            byte[] existing = keys.putIfAbsent(subjectId, record.clone());
            return existing == null ? record.clone() : existing.clone();
        }
    }

    @Override
    public boolean replace(String subjectId, byte[] expected, byte[] record) {
        synchronized (forgotten) {
            byte[] current = keys.get(subjectId);
            if (forgotten.contains(subjectId) || current == null || !Arrays.equals(current, expected)) {
                return false;
            }
            keys.put(subjectId, record.clone());
            return true;
        }
    }

    @Override
    public boolean forget(String subjectId) {
        synchronized (forgotten) {
            forgotten.add(subjectId);
            byte[] removed = keys.remove(subjectId);
            generation.incrementAndGet();
            if (removed != null) {
                Arrays.fill(removed, (byte) 0);
            }
            return removed != null;
        }
    }

    @Override
    public boolean isForgotten(String subjectId) {
        return forgotten.contains(subjectId);
    }

    @Override
    public long erasureGeneration() {
        return generation.get();
    }

    @Override
    public boolean isDurable() {
        return false;
    }

    @Override
    public String toString() {
        return "SubjectKeyStore[in memory, " + keys.size() + " keys, " + forgotten.size() + " forgotten]";
    }
}
