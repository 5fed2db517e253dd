package org.privacykit.requests;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One step of a request's trail: when, what (in words that name fields and counts, never a value),
 * and who.
 *
 * @param time when
 * @param what what was done
 * @param actor who did it, or {@code null}
 */
public record RequestStep(Instant time, String what, @Nullable String actor) {
}
