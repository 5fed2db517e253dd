package org.privacykit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;

class PropertiesRevealResolverTest {

    private static PrivacyKitProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bind("privacykit", Bindable.of(PrivacyKitProperties.class)).orElseGet(PrivacyKitProperties::new);
    }

    private static MockHttpServletRequest request(String user, String... authorities) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/customers/c-1");
        if (user != null) {
            request.setUserPrincipal(new TestingAuthenticationToken(user, "n/a", authorities));
        }
        return request;
    }

    @Test
    void authorityWrittenPlainOrInBrackets_bothMatch() {
        PrivacyKitProperties properties = bind(Map.of(
                "privacykit.reveal.authorities.ROLE_SUPPORT", "support",
                "privacykit.reveal.authorities[SCOPE_billing.read]", "billing, audit"));
        PropertiesRevealResolver resolver = new PropertiesRevealResolver(properties.getReveal());

        Optional<RevealGrant> reveal = resolver.resolve(request("agent-17", "ROLE_SUPPORT", "SCOPE_billing.read"));

        assertThat(reveal).isPresent();
        assertThat(reveal.get().purposes()).containsExactlyInAnyOrder("support", "billing", "audit");
        assertThat(reveal.get().actor()).isEqualTo("agent-17");
    }

    @Test
    void unmappedAuthority_revealsNothing() {
        PropertiesRevealResolver resolver = new PropertiesRevealResolver(
                bind(Map.of("privacykit.reveal.authorities.ROLE_SUPPORT", "support")).getReveal());

        assertThat(resolver.resolve(request("mallory", "ROLE_USER"))).isEmpty();
        assertThat(resolver.resolve(request(null))).isEmpty();
    }

    @Test
    void withoutSpringSecurityAuthentication_usesServletRoles() {
        PropertiesRevealResolver resolver = new PropertiesRevealResolver(
                bind(Map.of("privacykit.reveal.authorities[support-agent]", "support")).getReveal());
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setUserPrincipal(() -> "agent-3");
        request.addUserRole("support-agent");

        assertThat(resolver.resolve(request)).get().extracting(RevealGrant::actor).isEqualTo("agent-3");
    }

    @Test
    void header_isReadOnlyWhenEnabled() {
        MockHttpServletRequest request = request(null);
        request.addHeader("X-Privacy-Purpose", "support");
        request.addHeader("X-Privacy-Actor", "gw-1");

        assertThat(new PropertiesRevealResolver(bind(Map.of()).getReveal()).resolve(request)).isEmpty();
        assertThat(new PropertiesRevealResolver(bind(Map.of("privacykit.reveal.header.enabled", "true")).getReveal())
                .resolve(request)).get().extracting(RevealGrant::purposes).isEqualTo(List.of("support"));
    }

    @Test
    void header_partOfUnicodeSpaces_isSkipped_notAnError() {
        MockHttpServletRequest request = request(null);
        request.addHeader("X-Privacy-Purpose", "\u2003, support ,\u2002\u3000");
        request.addHeader("X-Privacy-Actor", "gw-1");

        assertThat(new PropertiesRevealResolver(bind(Map.of("privacykit.reveal.header.enabled", "true")).getReveal())
                .resolve(request)).get().extracting(RevealGrant::purposes).isEqualTo(List.of("support"));
    }

    @Test
    void principalWhoseNameCouldForgeAuditLines_revealsNothing() {
        PropertiesRevealResolver resolver = new PropertiesRevealResolver(
                bind(Map.of("privacykit.reveal.authorities.ROLE_SUPPORT", "support")).getReveal());

        assertThat(resolver.resolve(request("agent-17", "ROLE_SUPPORT"))).isPresent();
        assertThat(resolver.resolve(request("agent-17\nREVEAL actor=someone", "ROLE_SUPPORT"))).isEmpty();
    }

    @Test
    void header_customNames() {
        PropertiesRevealResolver resolver = new PropertiesRevealResolver(bind(Map.of(
                "privacykit.reveal.header.enabled", "true",
                "privacykit.reveal.header.name", "X-Purpose",
                "privacykit.reveal.header.actor-name", "X-User")).getReveal());
        MockHttpServletRequest request = request(null);
        request.addHeader("X-Purpose", " Support , ,billing ");
        request.addHeader("X-User", "gw-2");

        RevealGrant reveal = resolver.resolve(request).orElseThrow();
        assertThat(reveal.purposes()).containsExactly("support", "billing");
        assertThat(reveal.actor()).isEqualTo("gw-2");
    }

    @Test
    void actorHeader_withControlCharactersOrTooLong_isIgnored() {
        PropertiesRevealResolver resolver = new PropertiesRevealResolver(
                bind(Map.of("privacykit.reveal.header.enabled", "true")).getReveal());
        for (String actor : new String[] {"gw\nREVEAL forged", "x".repeat(201), "a\u0000b"}) {
            MockHttpServletRequest request = request(null);
            request.addHeader("X-Privacy-Purpose", "support");
            request.addHeader("X-Privacy-Actor", actor);
            assertThat(resolver.resolve(request)).as(actor.substring(0, 3)).isEmpty();
        }
        MockHttpServletRequest fine = request(null);
        fine.addHeader("X-Privacy-Purpose", "support");
        fine.addHeader("X-Privacy-Actor", "x".repeat(200));
        assertThat(resolver.resolve(fine)).isPresent();
    }

    @Test
    void authorityWithoutPurpose_isAConfigurationError() {
        PrivacyKitProperties properties = new PrivacyKitProperties();
        properties.getReveal().setAuthorities(Map.of("ROLE_SUPPORT", List.of(" ")));

        assertThatThrownBy(() -> new PropertiesRevealResolver(properties.getReveal()))
                .isInstanceOf(PrivacyKitConfigurationException.class)
                .hasMessageContaining("privacykit.reveal.authorities.ROLE_SUPPORT");
    }

    @Test
    void headerPurposeOfControlCharacters_isDropped_neverAnEmptyPurpose() {
        // "\u0001" is not white space, so strip() keeps it and isBlank() is false; trim() then made it ""
        PropertiesRevealResolver resolver = new PropertiesRevealResolver(
                bind(Map.of("privacykit.reveal.header.enabled", "true")).getReveal());
        for (String header : new String[] {"\u0001", "\u0000, \u001f", "support\u0007", "a\u2028b", "\uD800"}) {
            MockHttpServletRequest request = request(null);
            request.addHeader("X-Privacy-Purpose", header);
            request.addHeader("X-Privacy-Actor", "gw-1");
            assertThat(resolver.resolve(request)).isEmpty();
        }
        MockHttpServletRequest mixed = request(null);
        mixed.addHeader("X-Privacy-Purpose", "\u0001,Support,\u0002");
        mixed.addHeader("X-Privacy-Actor", "gw-1");
        assertThat(resolver.resolve(mixed)).get().extracting(RevealGrant::purposes).isEqualTo(List.of("support"));
    }

    @Test
    void authorityMappedToAnInvalidPurpose_isAConfigurationError() {
        PrivacyKitProperties properties = new PrivacyKitProperties();
        properties.getReveal().setAuthorities(Map.of("ROLE_SUPPORT", List.of("sup\u0001port")));

        assertThatThrownBy(() -> new PropertiesRevealResolver(properties.getReveal()))
                .isInstanceOf(PrivacyKitConfigurationException.class)
                .hasMessageContaining("privacykit.reveal.authorities.ROLE_SUPPORT").hasMessageNotContaining("\u0001");
    }
}
