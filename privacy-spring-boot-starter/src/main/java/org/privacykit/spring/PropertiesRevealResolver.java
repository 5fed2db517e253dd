package org.privacykit.spring;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.privacykit.jackson.Reveal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.ClassUtils;

/**
 * The auto-configured {@link RevealResolver}: purposes from the granted authorities of the
 * authenticated principal ({@code privacykit.reveal.authorities}), plus, when enabled, purposes
 * from a header set by a trusted gateway. The actor is the authenticated principal's name, or, for
 * header purposes only, the actor header; a reveal without an actor is never made.
 */
final class PropertiesRevealResolver implements RevealResolver {
    private static final Logger LOG = LoggerFactory.getLogger(PropertiesRevealResolver.class);
    static final int MAX_ACTOR_LENGTH = 200;
    private static final boolean SPRING_SECURITY = ClassUtils.isPresent(
            "org.springframework.security.core.Authentication", PropertiesRevealResolver.class.getClassLoader());

    /** Normalized authority name to purposes. */
    private final Map<String, List<String>> authorities;
    /** Configured authority names as given, for servlet {@code isUserInRole} without Spring Security. */
    private final List<String> authorityNames;
    private final boolean headerEnabled;
    private final String headerName;
    private final String actorHeaderName;
    private final Set<String> allowedHeaderPurposes;

    PropertiesRevealResolver(PrivacyKitProperties.Reveal settings) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        settings.getAuthorities().forEach((authority, purposes) -> {
            List<String> clean = new ArrayList<>();
            for (String purpose : purposes) {
                if (purpose != null && !purpose.isBlank()) {
                    clean.add(purpose.strip());
                }
            }
            if (clean.isEmpty()) {
                throw new PrivacyKitConfigurationException("privacykit.reveal.authorities." + authority
                        + " maps to no purpose", "Give at least one purpose, such as support.");
            }
            map.merge(normalize(authority), List.copyOf(clean), (a, b) -> {
                List<String> both = new ArrayList<>(a);
                both.addAll(b);
                return List.copyOf(both);
            });
            names.add(authority);
        });
        this.authorities = Map.copyOf(map);
        this.authorityNames = List.copyOf(names);
        this.headerEnabled = settings.getHeader().isEnabled();
        this.headerName = settings.getHeader().getName();
        this.actorHeaderName = settings.getHeader().getActorName();
        Set<String> allowed = new LinkedHashSet<>();
        for (String p : settings.getHeader().getAllowedPurposes()) {
            if (p != null && !p.isBlank()) {
                allowed.add(p.trim().toLowerCase(Locale.ROOT));
            }
        }
        this.allowedHeaderPurposes = Set.copyOf(allowed);
    }

    /**
     * Spring Boot binds a map key written without brackets with punctuation other than {@code _},
     * {@code -} and {@code .} removed ({@code SCOPE_tickets:read} arrives as {@code SCOPE_ticketsread}),
     * and an environment variable lower-cased; keys and Spring Security authorities are compared in
     * one reduced form (lower case; letters, digits, {@code -} and {@code .} only), so those
     * spellings match. (Without Spring Security, roles are asked of
     * the servlet request by the key as bound.)
     */
    static String normalize(String authority) {
        StringBuilder out = new StringBuilder(authority.length());
        for (int i = 0; i < authority.length(); i++) {
            char c = authority.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '-' || c == '.') {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    @Override
    public Optional<Reveal> resolve(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        String actor = principal == null ? null : validActor(principal.getName());
        if (principal != null && actor == null && principal.getName() != null && !principal.getName().isBlank()) {
            // an audit actor goes into audit lines: a name that could forge one is not taken
            LOG.warn("the principal's name is longer than {} characters or holds control characters;"
                    + " nothing is revealed for this request", MAX_ACTOR_LENGTH);
            return Optional.empty();
        }
        Set<String> purposes = new LinkedHashSet<>();
        if (actor != null && !authorities.isEmpty()) {
            purposes.addAll(authorityPurposes(request, principal));
        }
        if (headerEnabled) {
            String header = request.getHeader(headerName);
            if (header != null) {
                if (actor == null) {
                    actor = claimedActor(request.getHeader(actorHeaderName));
                }
                if (actor == null) {
                    LOG.warn("{} ignored: the request has neither an authenticated principal nor {}",
                            headerName, actorHeaderName);
                } else {
                    purposes.addAll(headerPurposes(header));
                }
            }
        }
        if (purposes.isEmpty() || actor == null) {
            return Optional.empty();
        }
        return Optional.of(Reveal.forPurposes(purposes.toArray(new String[0])).by(actor));
    }

    /**
     * The actor header's value, or {@code null} when it is missing, blank, longer than
     * {@value #MAX_ACTOR_LENGTH} characters or holds control characters (it goes into audit lines).
     */
    private String claimedActor(String claimed) {
        String actor = validActor(claimed);
        if (actor == null && claimed != null && !claimed.isBlank()) {
            LOG.warn("{} ignored: longer than {} characters or holds control characters", actorHeaderName,
                    MAX_ACTOR_LENGTH);
        }
        return actor;
    }

    /** The actor's name trimmed, or {@code null} when blank, too long or holding control characters (which could forge audit lines). */
    private static String validActor(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String actor = name.strip();
        return actor.length() > MAX_ACTOR_LENGTH || actor.chars().anyMatch(Character::isISOControl) ? null : actor;
    }

    private Set<String> authorityPurposes(HttpServletRequest request, Principal principal) {
        Set<String> purposes = new LinkedHashSet<>();
        if (SPRING_SECURITY && SpringSecurityAuthorities.isAuthentication(principal)) {
            for (String authority : SpringSecurityAuthorities.of(principal)) {
                List<String> mapped = authorities.get(normalize(authority));
                if (mapped != null) {
                    purposes.addAll(mapped);
                }
            }
        } else {
            for (String name : authorityNames) {
                if (request.isUserInRole(name)) {
                    purposes.addAll(authorities.get(normalize(name)));
                }
            }
        }
        return purposes;
    }

    private List<String> headerPurposes(String header) {
        List<String> purposes = new ArrayList<>();
        for (String part : header.split(",", -1)) {
            String purpose = part.strip().toLowerCase(Locale.ROOT);
            if (purpose.isBlank()) { // strip() and isBlank(), as Reveal checks: Unicode spaces count too
                continue;
            }
            if (!allowedHeaderPurposes.isEmpty() && !allowedHeaderPurposes.contains(purpose)) {
                LOG.warn("{} declares a purpose outside privacykit.reveal.header.allowed-purposes; ignored", headerName);
                continue;
            }
            purposes.add(purpose);
        }
        return purposes;
    }

    /** Touches Spring Security's types only when Spring Security is on the class path. */
    static final class SpringSecurityAuthorities {
        private SpringSecurityAuthorities() {
        }

        static boolean isAuthentication(Principal principal) {
            return principal instanceof org.springframework.security.core.Authentication;
        }

        static Collection<String> of(Principal principal) {
            org.springframework.security.core.Authentication authentication =
                    (org.springframework.security.core.Authentication) principal;
            List<String> names = new ArrayList<>();
            for (org.springframework.security.core.GrantedAuthority granted : authentication.getAuthorities()) {
                if (granted.getAuthority() != null) {
                    names.add(granted.getAuthority());
                }
            }
            return names;
        }
    }
}
