package org.privacykit.spring;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides which purposes, if any, one Spring MVC request reveals, and who is revealing. The
 * starter's JSON converter asks it once per response body it writes and applies the answer to
 * that write only, so every other response stays masked; each revealed value is audited with the
 * grant's actor.
 *
 * <p>The auto-configured resolver maps the granted authorities of the authenticated principal
 * through {@code privacykit.reveal.authorities} and, when {@code privacykit.reveal.header.enabled=true},
 * reads the purpose header. Declare a bean of this type to decide otherwise (WebFlux applications
 * declare a {@link ReactiveRevealResolver}).
 */
@FunctionalInterface
public interface RevealResolver {

    /**
     * Returns what a request may reveal.
     *
     * @param request the current request
     * @return the purposes and actor, or empty to keep the response masked
     */
    Optional<RevealGrant> resolve(HttpServletRequest request);
}
