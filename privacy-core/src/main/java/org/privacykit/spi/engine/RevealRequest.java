package org.privacykit.spi.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The purposes one write declares, and who makes it, as the Jackson modules' {@code Reveal} holds
 * them: purposes trimmed, lower case, without repeats, in the order given. Immutable.
 */
public final class RevealRequest {
    private final List<String> purposes;
    private final Set<String> purposeSet;
    private final @Nullable String actor;

    private RevealRequest(List<String> purposes, @Nullable String actor) {
        this.purposes = purposes;
        this.purposeSet = Collections.unmodifiableSet(new LinkedHashSet<>(purposes));
        this.actor = actor;
    }

    /**
     * Declares the purposes of a write.
     *
     * @param purposes one or more purposes; compared without regard to case
     * @return the request, without actor
     * @throws IllegalArgumentException when no purpose is given or one is blank once trimmed
     */
    public static RevealRequest forPurposes(@Nullable String... purposes) {
        Objects.requireNonNull(purposes, "purposes");
        if (purposes.length == 0) {
            throw new IllegalArgumentException("a reveal needs at least one purpose");
        }
        List<String> normalized = new ArrayList<>(purposes.length);
        for (String purpose : purposes) {
            // blank once trimmed: trim() also drops control characters, which isBlank() keeps
            String p = purpose == null ? "" : purpose.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                throw new IllegalArgumentException("a reveal purpose must not be null or blank");
            }
            if (!normalized.contains(p)) {
                normalized.add(p);
            }
        }
        return new RevealRequest(List.copyOf(normalized), null);
    }

    /**
     * Returns a copy that names who makes the write.
     *
     * @param actor a user, service or job id
     * @return the new request
     * @throws IllegalArgumentException when the actor is blank once trimmed
     */
    public RevealRequest by(@Nullable String actor) {
        String trimmed = actor == null ? "" : actor.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("an actor must not be null or blank");
        }
        return new RevealRequest(purposes, trimmed);
    }

    /**
     * The declared purposes.
     *
     * @return an unmodifiable set, lower case, in the order given
     */
    public Set<String> purposes() {
        return purposeSet;
    }

    /**
     * Who makes the write.
     *
     * @return the actor, or {@code null}
     */
    public @Nullable String actor() {
        return actor;
    }

    /**
     * The first declared purpose that a field's purposes include.
     *
     * @param fieldPurposes the field's purposes
     * @return the purpose, or {@code null}
     */
    public @Nullable String firstAllowed(Set<String> fieldPurposes) {
        for (String purpose : purposes) {
            if (fieldPurposes.contains(purpose)) {
                return purpose;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "Reveal[purposes=" + purposes + (actor == null ? "" : ", actor=" + actor) + "]";
    }
}
