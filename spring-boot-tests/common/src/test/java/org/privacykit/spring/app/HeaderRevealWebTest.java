package org.privacykit.spring.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditEvent;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/** Purposes from a trusted gateway's header, when {@code privacykit.reveal.header.enabled=true}. */
@SpringBootTest(classes = TestShopApplication.class, properties = {
        "privacykit.reveal.header.enabled=true",
        "privacykit.reveal.header.allowed-purposes=support"})
class HeaderRevealWebTest extends ShopWebTest {
    @Test
    void purposeHeader_withActorHeader_reveals_andAuditsTheActor() throws Exception {
        Map<String, Object> json = customer(get("/customers/c-1001")
                .header("X-Privacy-Purpose", "support").header("X-Privacy-Actor", "gateway-user-9"));

        assertThat(json.get("diagnosis")).isEqualTo("asthma");
        assertThat(audit.events(AuditAction.REVEAL)).isNotEmpty()
                .extracting(AuditEvent::actor).containsOnly("gateway-user-9");
    }

    @Test
    @WithMockUser(username = "agent-17")
    void purposeHeader_withAuthenticatedPrincipal_auditsThePrincipal() throws Exception {
        Map<String, Object> json = customer(get("/customers/c-1001")
                .header("X-Privacy-Purpose", "support").header("X-Privacy-Actor", "someone-else"));

        assertThat(json.get("email")).isEqualTo("ada@example.com");
        assertThat(audit.events(AuditAction.REVEAL)).extracting(AuditEvent::actor).containsOnly("agent-17");
    }

    @Test
    void purposeHeader_withoutAnyActor_revealsNothing() throws Exception {
        Map<String, Object> json = customer(get("/customers/c-1001").header("X-Privacy-Purpose", "support"));

        assertThat(json.get("diagnosis")).isNotEqualTo("asthma");
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void purposeHeader_outsideAllowedPurposes_isIgnored() throws Exception {
        Map<String, Object> json = customer(get("/customers/c-1001")
                .header("X-Privacy-Purpose", "billing").header("X-Privacy-Actor", "gateway-user-9"));

        assertThat(json.get("cardNumber")).isNotEqualTo("4111111111111111");
        assertThat(audit.events()).isEmpty();
    }
}
