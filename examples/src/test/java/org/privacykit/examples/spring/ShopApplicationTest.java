package org.privacykit.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/** The Spring Boot demo's shop: masked for everyone, revealed by role. */
@SpringBootTest(classes = ShopApplication.class)
@AutoConfigureMockMvc
class ShopApplicationTest {

    @Autowired
    MockMvc mvc;

    private String customer(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void anonymous_getsMaskedCustomer() throws Exception {
        String json = customer(get("/customers/c-1001"));

        assertThat(json).contains("\"id\":\"c-1001\"", "\"plan\":\"gold\"")
                .doesNotContain("Ada Lovelace", "ada.lovelace@example.com", "4111 1111 1111 1111",
                        "Type 1 diabetes", "sk_live_9f8e7d6c5b4a", "1985-12-10");
    }

    @Test
    void supportAgent_seesNameEmailAndDiagnosis_notTheCardOrToken() throws Exception {
        String json = customer(get("/customers/c-1001").with(httpBasic("agent-17", "support-demo")));

        assertThat(json).contains("Ada Lovelace", "ada.lovelace@example.com", "Type 1 diabetes")
                .doesNotContain("4111 1111 1111 1111", "sk_live_9f8e7d6c5b4a");
    }

    @Test
    void billingClerk_seesTheCard_notTheDiagnosis() throws Exception {
        String json = customer(get("/customers/c-1001").with(httpBasic("biller-3", "billing-demo")));

        assertThat(json).contains("4111 1111 1111 1111").doesNotContain("Type 1 diabetes", "sk_live_9f8e7d6c5b4a");
    }

    @Test
    void unknownCustomer_is404() throws Exception {
        mvc.perform(get("/customers/c-9")).andExpect(status().isNotFound());
    }
}
