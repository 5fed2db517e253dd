package org.privacykit.spring.app;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.privacykit.audit.InMemoryAuditSink;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** What the web tests of {@link TestShopApplication} share: MockMvc, the recorded audit events, and a request for a customer. */
@AutoConfigureMockMvc
abstract class ShopWebTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    InMemoryAuditSink audit;
    @Autowired
    ObjectMapper mapper;

    @BeforeEach
    void clearAudit() {
        audit.clear();
    }

    JsonNode customer(MockHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return mapper.readTree(body);
    }
}
