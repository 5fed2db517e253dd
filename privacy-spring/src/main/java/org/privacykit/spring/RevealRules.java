package org.privacykit.spring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of {@code privacykit.reveal.*}, independent of the web stack: purposes from the
 * granted authorities of the authenticated principal, plus, when enabled, purposes from a header
 * set by a trusted gateway. The actor is the authenticated principal's name, or, for header
 * purposes only, the actor header; a reveal without an actor is never made. The servlet and the
 * reactive resolvers both ask these rules, so the two stacks reveal alike.
 */
final class RevealRules {
    private static final Logger LOG = LoggerFactory.getLogger(RevealRules.class);

    /** Normalized authority name to purposes. */
    private final Map<String, List<String>> authorities;
    /** Configured authority names as given, for servlet {@code isUserInRole} without Spring Security. */
    private final List<String> authorityNames;
    private final boolean headerEnabled;
    private final String headerName;
    private final String actorHeaderName;
    private final Set<String> allowedHeaderPurposes;

    RevealRules(PrivacyKitProperties.Reveal settings) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        settings.getAuthorities().forEach((authority, purposes) -> {
            List<String> clean = new ArrayList<>();
            for (String purpose : purposes) {
                if (purpose == null || purpose.isBlank()) {
                    continue;
                }
                clean.add(RevealGrant.purpose(purpose).orElseThrow(() -> new PrivacyKitConfigurationException(
                        "privacykit.reveal.authorities." + authority + " maps to a purpose that is not valid",
                        "Write purposes as declared in @PersonalData(purposes = ...): 1 to "
                                + RevealGrant.MAX_PURPOSE_LENGTH + " letters, digits, spaces or - _ . : /")));
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
                allowed.add(RevealGrant.purpose(p).orElseThrow(() -> new PrivacyKitConfigurationException(
                        "privacykit.reveal.header.allowed-purposes holds a purpose that is not valid",
                        "Write purposes as declared in @PersonalData(purposes = ...): 1 to "
                                + RevealGrant.MAX_PURPOSE_LENGTH + " letters, digits, spaces or - _ . : /")));
            }
        }
        this.allowedHeaderPurposes = Set.copyOf(allowed);
    }

    /**
     * Spring Boot binds a map key written without brackets with punctuation other than {@code _},
     * {@code -} and {@code .} removed ({@code SCOPE_tickets:read} arrives as {@code SCOPE_ticketsread}),
     * and an environment variable lower-cased; keys and Spring Security authorities are compared in
     * one reduced form (lower case; letters, digits, {@code -} and {@code .} only), so those
     * spellings match. (Without Spring Security, roles are asked of the servlet request by the key
     * as bound.)
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

    boolean headerEnabled() {
        return headerEnabled;
    }

    String headerName() {
        return headerName;
    }

    String actorHeaderName() {
        return actorHeaderName;
    }

    /**
     * Applies the rules to one request.
     *
     * @param principalName the authenticated principal's name, or {@code null} when anonymous
     * @param grantedAuthorities the principal's Spring Security authorities, or {@code null} when the
     *        principal is not a Spring Security authentication (then {@code isUserInRole} is asked)
     * @param isUserInRole the servlet container's role check (never true on WebFlux)
     * @param header the request's header values by name
     * @return the grant, or empty to keep the response masked
     */
    Optional<RevealGrant> resolve(@Nullable String principalName, @Nullable Collection<String> grantedAuthorities,
                                  Predicate<String> isUserInRole, Function<String, @Nullable String> header) {
        String actor = RevealGrant.actor(principalName).orElse(null);
        if (actor == null && principalName != null && !principalName.isBlank()) {
            // an audit actor goes into audit lines: a name that could forge one is not taken
            LOG.warn("the principal's name is longer than {} characters or holds control characters;"
                    + " nothing is revealed for this request", RevealGrant.MAX_ACTOR_LENGTH);
            return Optional.empty();
        }
        Set<String> purposes = new LinkedHashSet<>();
        if (actor != null && !authorities.isEmpty()) {
            purposes.addAll(authorityPurposes(grantedAuthorities, isUserInRole));
        }
        if (headerEnabled) {
            String declared = header.apply(headerName);
            if (declared != null) {
                if (actor == null) {
                    actor = claimedActor(header.apply(actorHeaderName));
                }
                if (actor == null) {
                    LOG.warn("{} ignored: the request has neither an authenticated principal nor {}",
                            headerName, actorHeaderName);
                } else {
                    purposes.addAll(headerPurposes(declared));
                }
            }
        }
        if (purposes.isEmpty() || actor == null) {
            return Optional.empty();
        }
        return Optional.of(RevealGrant.of(actor, purposes));
    }

    /** The actor header's value, or {@code null} when it is missing or not a valid actor. */
    private @Nullable String claimedActor(@Nullable String claimed) {
        String actor = RevealGrant.actor(claimed).orElse(null);
        if (actor == null && claimed != null && !claimed.isBlank()) {
            LOG.warn("{} ignored: longer than {} characters or holds control characters", actorHeaderName,
                    RevealGrant.MAX_ACTOR_LENGTH);
        }
        return actor;
    }

    private Set<String> authorityPurposes(@Nullable Collection<String> grantedAuthorities, Predicate<String> isUserInRole) {
        Set<String> purposes = new LinkedHashSet<>();
        if (grantedAuthorities != null) {
            for (String authority : grantedAuthorities) {
                List<String> mapped = authorities.get(normalize(authority));
                if (mapped != null) {
                    purposes.addAll(mapped);
                }
            }
        } else {
            for (String name : authorityNames) {
                if (isUserInRole.test(name)) {
                    purposes.addAll(authorities.get(normalize(name)));
                }
            }
        }
        return purposes;
    }

    /**
     * The header's purposes: comma-separated, each normalized as {@link RevealGrant#purpose} does;
     * a part that is not a valid purpose, or is outside the allow-list, is dropped with a warning
     * (which never quotes the header).
     */
    private List<String> headerPurposes(String declared) {
        List<String> purposes = new ArrayList<>();
        for (String part : declared.split(",", -1)) {
            if (part.isBlank()) {
                continue;
            }
            Optional<String> purpose = RevealGrant.purpose(part);
            if (purpose.isEmpty()) {
                LOG.warn("{} declares a purpose that is not valid (letters, digits, spaces, - _ . : /); ignored",
                        headerName);
                continue;
            }
            if (!allowedHeaderPurposes.isEmpty() && !allowedHeaderPurposes.contains(purpose.get())) {
                LOG.warn("{} declares a purpose outside privacykit.reveal.header.allowed-purposes; ignored", headerName);
                continue;
            }
            purposes.add(purpose.get());
        }
        return purposes;
    }
}
