package org.privacykit.spring;

import java.security.Principal;
import java.util.Collection;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.util.ClassUtils;

/**
 * The auto-configured {@link RevealResolver}: the rules of {@code privacykit.reveal.*}
 * ({@link RevealRules}) applied to a servlet request, whose principal is Spring Security's
 * authentication when Spring Security is present, and whose roles are otherwise asked of the
 * container.
 */
final class PropertiesRevealResolver implements RevealResolver {
    private static final boolean SPRING_SECURITY = ClassUtils.isPresent(
            "org.springframework.security.core.Authentication", PropertiesRevealResolver.class.getClassLoader());

    private final RevealRules rules;

    PropertiesRevealResolver(PrivacyKitProperties.Reveal settings) {
        this.rules = new RevealRules(settings);
    }

    @Override
    public Optional<RevealGrant> resolve(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        Collection<String> authorities = SPRING_SECURITY ? SpringSecurityAuthorities.of(principal) : null;
        return rules.resolve(principal == null ? null : principal.getName(), authorities, request::isUserInRole,
                request::getHeader);
    }
}
