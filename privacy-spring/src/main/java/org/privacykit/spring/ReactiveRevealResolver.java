package org.privacykit.spring;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Decides which purposes, if any, one Spring WebFlux exchange reveals, and who is revealing: the
 * reactive twin of {@link RevealResolver}. The starter's JSON encoder applies the answer to the
 * bodies written for that exchange only.
 *
 * <p>The auto-configured resolver reads the principal from the exchange (with Spring Security, the
 * reactive security context's authentication) and the purpose header when enabled. Declare a bean
 * of this type to decide otherwise.
 */
@FunctionalInterface
public interface ReactiveRevealResolver {

    /**
     * Returns what an exchange may reveal.
     *
     * @param exchange the current exchange
     * @return the purposes and actor, or an empty {@code Mono} to keep the response masked
     */
    Mono<RevealGrant> resolve(ServerWebExchange exchange);
}
