package org.privacykit.spring.app;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.privacykit.audit.InMemoryAuditSink;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the web tests of {@link TestShopApplication} share, on Spring Boot 4 (MockMvc's
 * auto-configuration, the application's Jackson 3 {@code JsonMapper}): the recorded audit events,
 * and a request for a customer.
 */
@AutoConfigureMockMvc
abstract class ShopWebTest {
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    @Autowired
    MockMvc mvc;
    @Autowired
    InMemoryAuditSink audit;
    @Autowired
    JsonMapper mapper;

    @BeforeEach
    void clearAudit() {
        audit.clear();
    }

    Map<String, Object> customer(MockHttpServletRequestBuilder request) throws Exception {
        return parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    Map<String, Object> parse(String body) {
        return mapper.readValue(body, OBJECT);
    }

    String writeWithApplicationMapper(Object value) {
        return mapper.writeValueAsString(value);
    }
}
