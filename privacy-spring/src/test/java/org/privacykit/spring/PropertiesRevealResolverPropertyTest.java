package org.privacykit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;

/**
 * The resolver on arbitrary header text and authority names. Every example is checked against an
 * oracle written apart from the resolver (a regular expression over code points), and each property
 * also checks that its generator produced both outcomes, so no assertion can be skipped.
 */
class PropertiesRevealResolverPropertyTest {
    /** What a purpose may be once stripped and lower-cased: the rule RevealGrant documents. */
    private static final int EXAMPLES = 300;
    private static final Pattern VALID_PURPOSE = Pattern.compile("[\\p{IsLetter}\\p{IsDigit} _.:/-]{1,64}");

    private static PropertiesRevealResolver resolver(boolean header, List<String> allowed) {
        PrivacyKitProperties properties = new PrivacyKitProperties();
        properties.getReveal().setAuthorities(Map.of("ROLE_SUPPORT", List.of("support")));
        properties.getReveal().getHeader().setEnabled(header);
        properties.getReveal().getHeader().setAllowedPurposes(allowed);
        return new PropertiesRevealResolver(properties.getReveal());
    }

    /** Parts of a purpose header: real purposes in any case and padding, and any text at all. */
    private static Gen<String> headerPart() {
        Gen<String> purposes = integers().between(0, 5).map(i -> List.of("support", " Billing ", "SUPPORT",
                "\u2003fraud-prevention", "audit:read", "x/y.z_1").get(i));
        Gen<String> anything = strings().allPossible().ofLengthBetween(0, 12);
        Gen<String> controls = strings().betweenCodePoints(0, 0x20).ofLengthBetween(1, 3);
        return integers().between(0, 9).flatMap(pick -> pick < 4 ? purposes : pick < 8 ? anything : controls);
    }

    private static Gen<String> header() {
        return lists().of(headerPart()).ofSizeBetween(1, 4).map(parts -> String.join(",", parts));
    }

    /** The purposes a header should give, by the documented rule, in order and without duplicates. */
    private static List<String> expected(String header, List<String> allowed) {
        List<String> purposes = new ArrayList<>();
        for (String part : header.split(",", -1)) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (VALID_PURPOSE.matcher(p).matches() && p.length() <= 64 && !purposes.contains(p)
                    && (allowed.isEmpty() || allowed.contains(p))) {
                purposes.add(p);
            }
        }
        return purposes;
    }

    private static Optional<RevealGrant> resolve(PropertiesRevealResolver resolver, String header) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("X-Privacy-Purpose", header);
        request.addHeader("X-Privacy-Actor", "gw");
        return resolver.resolve(request);
    }

    @Test
    void anyHeaderText_givesExactlyItsValidPurposes_orNothing() {
        PropertiesRevealResolver resolver = resolver(true, List.of());
        AtomicInteger revealed = new AtomicInteger();
        AtomicInteger masked = new AtomicInteger();
        qt().withExamples(EXAMPLES).forAll(header()).checkAssert(text -> {
            List<String> expected = expected(text, List.of());
            Optional<RevealGrant> grant = resolve(resolver, text);

            assertThat(grant.map(RevealGrant::purposes).orElse(List.of())).isEqualTo(expected);
            assertThat(grant.map(RevealGrant::actor)).isEqualTo(expected.isEmpty() ? Optional.empty() : Optional.of("gw"));
            (grant.isPresent() ? revealed : masked).incrementAndGet();
        });
        assertThat(revealed).hasPositiveValue();
        assertThat(masked).hasPositiveValue();
    }

    @Test
    void headerWithAllowList_revealsTheAllowedPurposeOnly() {
        PropertiesRevealResolver resolver = resolver(true, List.of("support"));
        AtomicInteger revealed = new AtomicInteger();
        AtomicInteger masked = new AtomicInteger();
        qt().withExamples(EXAMPLES).forAll(header()).checkAssert(text -> {
            boolean declaresSupport = expected(text, List.of()).contains("support");
            Optional<RevealGrant> grant = resolve(resolver, text);

            assertThat(grant.map(RevealGrant::purposes).orElse(List.of()))
                    .isEqualTo(declaresSupport ? List.of("support") : List.of());
            (grant.isPresent() ? revealed : masked).incrementAndGet();
        });
        assertThat(revealed).hasPositiveValue();
        assertThat(masked).hasPositiveValue();
    }

    @Test
    void headerOff_onlyTheMappedAuthorityReveals_whateverItsSpelling() {
        PropertiesRevealResolver resolver = resolver(false, List.of());
        Gen<String> spellings = integers().between(0, 5).map(i -> List.of("ROLE_SUPPORT", "role_support",
                "Role_Support", "ROLESUPPORT", "ROLE:SUPPORT", "ROLE-SUPPORT").get(i));
        Gen<String> authorities = integers().between(0, 1).flatMap(pick -> pick == 0 ? spellings
                : strings().basicLatinAlphabet().ofLengthBetween(1, 30));
        AtomicInteger revealed = new AtomicInteger();
        AtomicInteger masked = new AtomicInteger();
        qt().withExamples(EXAMPLES).forAll(authorities).assuming(authority -> !authority.isBlank()).checkAssert(authority -> {
            MockHttpServletRequest request = new MockHttpServletRequest();
            request.addHeader("X-Privacy-Purpose", "support");
            request.setUserPrincipal(new TestingAuthenticationToken("u", "n/a", authority));
            boolean mapped = authority.replaceAll("[^\\p{Alnum}.-]", "").toLowerCase(Locale.ROOT).equals("rolesupport");

            Optional<RevealGrant> grant = resolver.resolve(request);

            assertThat(grant.map(RevealGrant::purposes)).isEqualTo(mapped ? Optional.of(List.of("support")) : Optional.empty());
            (grant.isPresent() ? revealed : masked).incrementAndGet();
        });
        assertThat(revealed).hasPositiveValue();
        assertThat(masked).hasPositiveValue();
    }
}
