package org.privacykit.spring;

import org.jspecify.annotations.Nullable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What one request may reveal, and who is revealing: the purposes (matched against the fields'
 * {@code @PersonalData(purposes = ...)}) and the actor that every reveal's audit event names. Both
 * Jackson lines turn it into their {@code Reveal} for the one response body being written.
 *
 * <p>A purpose is 1 to {@value #MAX_PURPOSE_LENGTH} characters of letters, digits, spaces and
 * {@code - _ . : /}, without surrounding spaces, and is held in lower case: the same text a
 * purpose header, an authority mapping or {@code Reveal.forPurposes} would give. An actor is 1 to
 * {@value #MAX_ACTOR_LENGTH} characters without control or line-separator characters, since it is
 * written into audit lines. Anything else is refused here, so a grant never holds a purpose that
 * is empty or could forge an audit line.
 *
 * @param purposes the purposes, lower case, without duplicates, at least one
 * @param actor the authenticated principal's name, or the gateway's actor
 */
public record RevealGrant(List<String> purposes, String actor) {
    /** The longest purpose accepted. */
    public static final int MAX_PURPOSE_LENGTH = 64;
    /** The longest actor name accepted. */
    public static final int MAX_ACTOR_LENGTH = 200;

    /**
     * Checks and normalizes the purposes and the actor.
     *
     * @throws IllegalArgumentException when there is no purpose, a purpose or the actor is invalid
     */
    public RevealGrant {
        Objects.requireNonNull(purposes, "purposes");
        Objects.requireNonNull(actor, "actor");
        List<String> normalized = new ArrayList<>(purposes.size());
        for (String purpose : purposes) {
            String p = purpose(purpose).orElseThrow(() -> new IllegalArgumentException(
                    "a purpose must be 1 to " + MAX_PURPOSE_LENGTH + " letters, digits, spaces or - _ . : /"));
            if (!normalized.contains(p)) {
                normalized.add(p);
            }
        }
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("a reveal needs at least one purpose");
        }
        purposes = List.copyOf(normalized);
        actor = actor(actor).orElseThrow(() -> new IllegalArgumentException("an actor must be 1 to "
                + MAX_ACTOR_LENGTH + " characters without control or line-separator characters"));
    }

    /**
     * Grants purposes to an actor.
     *
     * @param actor who reveals
     * @param purposes the purposes
     * @return the grant
     * @throws IllegalArgumentException as the constructor
     */
    public static RevealGrant of(String actor, Collection<String> purposes) {
        return new RevealGrant(List.copyOf(purposes), actor);
    }

    /**
     * Normalizes a purpose: stripped of surrounding white space, lower case, and checked.
     *
     * @param text the purpose as written, possibly {@code null}
     * @return the purpose, or empty when the text is not a valid purpose (blank, too long, or
     *         holding a character outside letters, digits, spaces and {@code - _ . : /})
     */
    public static Optional<String> purpose(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        String p = text.strip().toLowerCase(Locale.ROOT);
        if (p.isEmpty() || p.length() > MAX_PURPOSE_LENGTH) {
            return Optional.empty();
        }
        boolean valid = p.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == ' ' || c == '-' || c == '_'
                || c == '.' || c == ':' || c == '/');
        return valid ? Optional.of(p) : Optional.empty();
    }

    /**
     * Checks an actor's name: stripped, 1 to {@value #MAX_ACTOR_LENGTH} characters, without control
     * or line-separator characters (which could forge audit lines).
     *
     * @param name the name, possibly {@code null}
     * @return the stripped name, or empty when it is not a valid actor
     */
    public static Optional<String> actor(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String a = name.strip();
        if (a.length() > MAX_ACTOR_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    || (Character.isSurrogate(c) && !validSurrogatePair(a, i))) {
                return Optional.empty();
            }
        }
        return Optional.of(a);
    }

    private static boolean validSurrogatePair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
