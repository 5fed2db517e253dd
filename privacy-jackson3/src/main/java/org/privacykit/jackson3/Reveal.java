package org.privacykit.jackson3;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectWriter;

import org.privacykit.spi.engine.RevealRequest;

/**
 * The purposes one write declares, and who makes it: a field of the masking mapper whose
 * {@code purposes} include one of them is written in clear, and each such reveal of CONFIDENTIAL or
 * RESTRICTED data is recorded as an {@code AuditEvent} (field path, subject, purpose, actor; never
 * the value). A reveal is attached to one {@link ObjectWriter}, never to the mapper, so every other
 * write of the same mapper stays masked. Immutable and thread-safe.
 *
 * <pre>{@code
 * ObjectWriter support = Reveal.forPurposes("support").by("agent-17").writer(mapper);
 * String json = support.writeValueAsString(customer);   // name, e-mail, diagnosis in clear; audited
 * }</pre>
 */
public final class Reveal {
    /** The {@link ObjectWriter} attribute key a reveal is stored under. */
    static final Object ATTRIBUTE = Reveal.class;

    private final RevealRequest request;

    private Reveal(RevealRequest request) {
        this.request = request;
    }

    /**
     * Declares the purposes of a write.
     *
     * @param purposes one or more purposes, such as {@code "support"}; compared without regard to case
     * @return the reveal, without actor
     * @throws IllegalArgumentException when no purpose is given or one is blank
     */
    public static Reveal forPurposes(@Nullable String... purposes) {
        return new Reveal(RevealRequest.forPurposes(purposes));
    }

    /**
     * Returns a copy that names who makes the write, for the audit trail.
     *
     * @param actor a user, service or job id
     * @return the new reveal
     * @throws IllegalArgumentException when the actor is blank
     */
    public Reveal by(@Nullable String actor) {
        return new Reveal(request.by(actor));
    }

    /**
     * Returns the declared purposes, lower case, in the order given.
     *
     * @return an unmodifiable set
     */
    public Set<String> purposes() {
        return request.purposes();
    }

    /**
     * Returns who makes the write.
     *
     * @return the actor, or {@code null} when not given
     */
    public @Nullable String actor() {
        return request.actor();
    }

    /**
     * Returns a writer that makes its writes with these purposes.
     *
     * @param writer a writer of a mapper with {@link PrivacyModule#masking()}
     * @return a new writer; the given one is unchanged
     */
    public ObjectWriter applyTo(ObjectWriter writer) {
        return writer.withAttribute(ATTRIBUTE, this);
    }

    /**
     * Returns a writer of a mapper that makes its writes with these purposes.
     *
     * @param mapper a mapper with {@link PrivacyModule#masking()}
     * @return a new writer; the mapper is unchanged
     */
    public ObjectWriter writer(ObjectMapper mapper) {
        return applyTo(mapper.writer());
    }

    /** The engine's request of a write's reveal attribute, or {@code null} when the write declares none. */
    static @Nullable RevealRequest requestOf(@Nullable Object attribute) {
        return attribute instanceof Reveal reveal ? reveal.request : null;
    }

    @Override
    public String toString() {
        return request.toString();
    }
}
