package org.privacykit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.privacykit.jackson.Reveal;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;

/** The resolver on arbitrary header text and authority names: never throws, never reveals what was not granted. */
class PropertiesRevealResolverPropertyTest {

    private static PropertiesRevealResolver resolver(boolean header, List<String> allowed) {
        PrivacyKitProperties properties = new PrivacyKitProperties();
        properties.getReveal().setAuthorities(Map.of("ROLE_SUPPORT", List.of("support")));
        properties.getReveal().getHeader().setEnabled(header);
        properties.getReveal().getHeader().setAllowedPurposes(allowed);
        return new PropertiesRevealResolver(properties.getReveal());
    }

    @Test
    void anyHeaderText_givesTrimmedLowerCasePurposes_orNothing() {
        PropertiesRevealResolver resolver = resolver(true, List.of());
        qt().forAll(strings().allPossible().ofLengthBetween(0, 60)).checkAssert(text -> {
            MockHttpServletRequest request = new MockHttpServletRequest();
            request.addHeader("X-Privacy-Purpose", text);
            request.addHeader("X-Privacy-Actor", "gw");
            Optional<Reveal> reveal = resolver.resolve(request);
            reveal.ifPresent(r -> assertThat(r.purposes()).allSatisfy(p -> {
                assertThat(p).isNotBlank().isEqualTo(p.trim().toLowerCase(Locale.ROOT)).doesNotContain(",");
            }));
            assertThat(reveal.isPresent()).isEqualTo(text.split(",", -1).length > 0
                    && java.util.Arrays.stream(text.split(",", -1)).anyMatch(part -> !part.trim().isEmpty()));
        });
    }

    @Test
    void headerWithAllowList_neverRevealsAnotherPurpose() {
        PropertiesRevealResolver resolver = resolver(true, List.of("support"));
        qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 40)).checkAssert(text -> {
            MockHttpServletRequest request = new MockHttpServletRequest();
            request.addHeader("X-Privacy-Purpose", text);
            request.addHeader("X-Privacy-Actor", "gw");
            resolver.resolve(request).ifPresent(r -> assertThat(r.purposes()).containsOnly("support"));
        });
    }

    @Test
    void headerOff_anyHeaderAndAnyAuthorityButTheMappedOne_revealsNothing() {
        PropertiesRevealResolver resolver = resolver(false, List.of());
        qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(1, 30))
                .assuming(authority -> !authority.isBlank()).checkAssert(authority -> {
            MockHttpServletRequest request = new MockHttpServletRequest();
            request.addHeader("X-Privacy-Purpose", "support");
            request.setUserPrincipal(new TestingAuthenticationToken("u", "n/a", authority));
            Optional<Reveal> reveal = resolver.resolve(request);
            boolean mapped = PropertiesRevealResolver.normalize(authority).equals("rolesupport");
            assertThat(reveal.isPresent()).isEqualTo(mapped);
        });
    }
}
