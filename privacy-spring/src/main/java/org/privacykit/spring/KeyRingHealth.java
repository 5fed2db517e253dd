package org.privacykit.spring;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.privacykit.crypto.KeyInfo;
import org.privacykit.crypto.KeyRing;
import org.privacykit.crypto.KeyRingStorageException;

/**
 * The state of the application's key ring, as a health check reports it: whether its file still
 * loads with the KEK (checked by {@link KeyRing#reload()}, which also picks up keys another instance
 * wrote), and the primary key's age against {@code privacykit.key-ring.rotation-period}. A rotation
 * that is due leaves the ring up (an instance must not leave its load balancer for it) and sets
 * {@code rotationDue}; a file that no longer loads is down, with the reason's type and never its
 * text. Details hold key names, ids, dates and versions only.
 *
 * @param up whether the ring is usable
 * @param details what a health endpoint shows
 */
public record KeyRingHealth(boolean up, Map<String, Object> details) {

    /**
     * Checks a ring.
     *
     * @param ring the application's key ring
     * @param rotationPeriod how old the primary key may get before a rotation is due
     * @param clock the clock
     * @return its health
     */
    public static KeyRingHealth of(KeyRing ring, Duration rotationPeriod, Clock clock) {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean up = true;
        try {
            ring.reload();
        } catch (IOException | KeyRingStorageException e) {
            up = false;
            details.put("error", "the key-ring file does not load: " + e.getClass().getSimpleName());
        }
        KeyInfo primary = ring.key(ring.primaryKeyId());
        Duration age = Duration.between(primary.createdAt(), clock.instant());
        details.put("primaryKey", primary.name());
        details.put("primaryKeyCreated", primary.createdAt().toString());
        details.put("primaryKeyAge", age.truncatedTo(ChronoUnit.SECONDS).toString());
        details.put("rotationPeriod", rotationPeriod.toString());
        details.put("rotationDue", age.compareTo(rotationPeriod) >= 0);
        details.put("keys", ring.keys().size());
        details.put("version", ring.version());
        return new KeyRingHealth(up, Collections.unmodifiableMap(details));
    }
}
