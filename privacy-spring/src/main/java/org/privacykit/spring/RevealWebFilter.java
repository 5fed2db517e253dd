package org.privacykit.spring;

import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Makes an exchange's reveal available to the JSON encoder that writes its body: it puts the
 * {@link ReactiveRevealResolver}'s answer, resolved lazily and at most once, into the Reactor
 * context of the exchange's processing, where {@link #grant(ContextView)} finds it. It runs after
 * Spring Security's filter chain, so the reactive security context is the authenticated one. A
 * body encoded outside this context (a stream subscribed elsewhere) finds no grant and stays masked.
 */
public final class RevealWebFilter implements WebFilter, Ordered {
    /** After Spring Security's {@code WebFilterChainProxy} (order -100). */
    public static final int ORDER = 0;
    private static final Object KEY = RevealWebFilter.class;

    private final ReactiveRevealResolver resolver;

    /**
     * Creates the filter.
     *
     * @param resolver decides what each exchange reveals
     */
    public RevealWebFilter(ReactiveRevealResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Mono<Optional<RevealGrant>> grant = Mono.defer(() -> resolver.resolve(exchange))
                .map(Optional::of).defaultIfEmpty(Optional.empty()).cache();
        return chain.filter(exchange).contextWrite(context -> context.put(KEY, grant));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /**
     * The grant of the exchange being processed, resolved on first use.
     *
     * @param context the Reactor context of the encoding
     * @return the grant, or empty (also outside an exchange the filter saw)
     */
    public static Mono<Optional<RevealGrant>> grant(ContextView context) {
        return context.<Mono<Optional<RevealGrant>>>getOrEmpty(KEY).orElseGet(() -> Mono.just(Optional.empty()));
    }
}
