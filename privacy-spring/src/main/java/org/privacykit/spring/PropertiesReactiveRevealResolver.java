package org.privacykit.spring;

import java.security.Principal;
import java.util.Collection;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The auto-configured {@link ReactiveRevealResolver}: the rules of {@code privacykit.reveal.*}
 * ({@link RevealRules}) applied to a WebFlux exchange. The principal is the authentication of
 * Spring Security's reactive security context when Spring Security is present (an anonymous
 * authentication counts as none), the exchange's principal otherwise. WebFlux has no container
 * roles, so without Spring Security only the purpose header can reveal.
 */
final class PropertiesReactiveRevealResolver implements ReactiveRevealResolver {
    private static final boolean SPRING_SECURITY = ClassUtils.isPresent(
            "org.springframework.security.core.context.ReactiveSecurityContextHolder",
            PropertiesReactiveRevealResolver.class.getClassLoader());

    private final RevealRules rules;

    PropertiesReactiveRevealResolver(PrivacyKitProperties.Reveal settings) {
        this.rules = new RevealRules(settings);
    }

    @Override
    public Mono<RevealGrant> resolve(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        Mono<Principal> principal = SPRING_SECURITY ? ReactiveSecurity.principal() : exchange.getPrincipal();
        return principal.map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(p -> {
            Principal who = p.orElse(null);
            String name = who == null ? null : SPRING_SECURITY ? ReactiveSecurity.name(who) : who.getName();
            Collection<String> authorities = SPRING_SECURITY ? SpringSecurityAuthorities.of(who) : null;
            return Mono.justOrEmpty(rules.resolve(name, authorities, role -> false, headers::getFirst));
        });
    }

    /** Touches Spring Security's reactive types; loaded only when Spring Security is on the class path. */
    private static final class ReactiveSecurity {
        private ReactiveSecurity() {
        }

        static Mono<Principal> principal() {
            return org.springframework.security.core.context.ReactiveSecurityContextHolder.getContext()
                    .mapNotNull(org.springframework.security.core.context.SecurityContext::getAuthentication)
                    .cast(Principal.class);
        }

        static @Nullable String name(Principal principal) {
            return principal instanceof org.springframework.security.core.Authentication authentication
                    ? SpringSecurityAuthorities.name(authentication) : principal.getName();
        }
    }
}
