package org.privacykit.spring;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Touches Spring Security's types; callers load it only when Spring Security is on the class path. */
final class SpringSecurityAuthorities {
    private SpringSecurityAuthorities() {
    }

    /**
     * The authority names of a Spring Security authentication.
     *
     * @return the names, or {@code null} when the principal is not an {@link Authentication}
     */
    static @Nullable Collection<String> of(@Nullable Principal principal) {
        if (!(principal instanceof Authentication authentication)) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            if (granted.getAuthority() != null) {
                names.add(granted.getAuthority());
            }
        }
        return names;
    }

    /**
     * The name of an authenticated, non-anonymous principal.
     *
     * @return the name, or {@code null} for none, an anonymous or an unauthenticated principal
     */
    static @Nullable String name(@Nullable Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return authentication.getName();
    }

    /**
     * The name of the thread's authenticated principal, for audit events that have no actor.
     *
     * @return the name, or {@code null} when the thread has no authenticated, non-anonymous principal
     */
    static @Nullable String currentActor() {
        SecurityContext context = SecurityContextHolder.getContext();
        Authentication authentication = context == null ? null : context.getAuthentication();
        return name(authentication);
    }
}
