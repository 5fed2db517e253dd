package org.privacykit.spring.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditEvent;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/** The starter in a running application: masked responses, reveal by role, audit, actuator. */
@SpringBootTest(classes = TestShopApplication.class, properties = {
        "privacykit.reveal.authorities.ROLE_SUPPORT=support",
        "privacykit.reveal.authorities[ROLE_BILLING]=billing",
        "management.endpoints.web.exposure.include=privacykit"})
class CustomerWebTest extends ShopWebTest {
    @Test
    void anonymousRequest_getsMaskedJson() throws Exception {
        String body = mvc.perform(get("/customers/c-1001")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain("Ada Lovelace", "ada@example.com", "4111111111111111", "asthma");
        Map<String, Object> json = parse(body);
        assertThat(json.get("id")).isEqualTo("c-1001");
        assertThat(json.get("plan")).isEqualTo("pro");
        assertThat((String) json.get("cardNumber")).endsWith("1111");
        assertThat(audit.events()).isEmpty();
    }

    @Test
    @WithMockUser(username = "agent-17", roles = "SUPPORT")
    void supportRole_seesSupportFields_andEachRevealIsAuditedWithThePrincipal() throws Exception {
        Map<String, Object> json = customer(get("/customers/c-1001"));

        assertThat(json.get("fullName")).isEqualTo("Ada Lovelace");
        assertThat(json.get("email")).isEqualTo("ada@example.com");
        assertThat(json.get("diagnosis")).isEqualTo("asthma");
        assertThat(json.get("cardNumber")).isNotEqualTo("4111111111111111");

        assertThat(audit.events(AuditAction.REVEAL))
                .extracting(AuditEvent::field)
                .contains("Customer.fullName", "Customer.email", "Customer.diagnosis")
                .doesNotContain("Customer.cardNumber");
        assertThat(audit.events(AuditAction.REVEAL)).allSatisfy(event -> {
            assertThat(event.actor()).isEqualTo("agent-17");
            assertThat(event.purpose()).isEqualTo("support");
            assertThat(event.subjectId()).isEqualTo("c-1001");
            assertThat(event.toString()).doesNotContain("Ada", "ada@example.com", "asthma");
        });
    }

    @Test
    @WithMockUser(username = "bob", roles = "BILLING")
    void billingRole_mappedWithBrackets_seesTheBillingFields_notTheSupportOnes() throws Exception {
        Map<String, Object> json = customer(get("/customers/c-1001"));

        assertThat(json.get("cardNumber")).isEqualTo("4111111111111111");
        assertThat(json.get("fullName")).isEqualTo("Ada Lovelace");
        assertThat(json.get("diagnosis")).isNotEqualTo("asthma");
        assertThat(audit.events(AuditAction.REVEAL)).extracting(AuditEvent::actor).containsOnly("bob");
    }

    @Test
    @WithMockUser(username = "mallory", roles = "USER")
    void unmappedRole_seesMaskedJson_andNothingIsAudited() throws Exception {
        String body = mvc.perform(get("/customers/c-1001")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain("Ada Lovelace", "ada@example.com", "4111111111111111", "asthma");
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void purposeHeader_isIgnoredByDefault() throws Exception {
        String body = mvc.perform(get("/customers/c-1001")
                        .header("X-Privacy-Purpose", "support").header("X-Privacy-Actor", "gateway-user"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain("Ada Lovelace", "asthma");
        assertThat(audit.events()).isEmpty();
    }

    @Test
    @WithMockUser(username = "agent-17", roles = "SUPPORT")
    void revealOfOneRequest_doesNotLeakIntoTheNext() throws Exception {
        customer(get("/customers/c-1001"));
        String anonymous = mvc.perform(get("/customers/c-1001").with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous()))
                .andReturn().getResponse().getContentAsString();

        assertThat(anonymous).doesNotContain("Ada Lovelace", "asthma");
    }

    @Test
    void applicationObjectMapper_masks() throws Exception {
        assertThat(writeWithApplicationMapper(Customer.ADA)).doesNotContain("Ada Lovelace", "asthma");
    }

    @Test
    void actuatorEndpoint_reportsInventoryCountsOnly() throws Exception {
        Map<String, Object> json = customer(get("/actuator/privacykit"));

        assertThat(((List<?>) json.get("packages")).get(0)).isEqualTo("org.privacykit.spring.app");
        assertThat((Integer) json.get("classes")).isEqualTo(1);
        assertThat((Integer) json.get("fields")).isEqualTo(4);
        assertThat((Integer) json.get("restricted")).isGreaterThanOrEqualTo(1);
        assertThat(json.toString()).doesNotContain("Ada", "fullName");
    }
}
