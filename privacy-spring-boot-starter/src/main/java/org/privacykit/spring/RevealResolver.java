package org.privacykit.spring;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.privacykit.jackson.Reveal;

/**
 * Decides which purposes, if any, one HTTP request reveals, and who is revealing. The starter's
 * JSON converter asks it once per response body it writes and applies the answer to that write
 * only ({@link Reveal#applyTo}), so every other response stays masked; each revealed value is
 * audited with the reveal's actor.
 *
 * <p>The auto-configured resolver maps the request's granted authorities through
 * {@code privacykit.reveal.authorities} and, when {@code privacykit.reveal.header.enabled=true},
 * reads the purpose header. Declare a bean of this type to decide otherwise.
 */
@FunctionalInterface
public interface RevealResolver {

    /**
     * Returns the reveal for a request.
     *
     * @param request the current request
     * @return the purposes and actor, or empty to keep the response masked
     */
    Optional<Reveal> resolve(HttpServletRequest request);
}
