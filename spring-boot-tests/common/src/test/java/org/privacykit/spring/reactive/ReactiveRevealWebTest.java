package org.privacykit.spring.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditEvent;
import org.privacykit.audit.InMemoryAuditSink;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The starter on Spring WebFlux, over a real Netty server: masking through the reactive Jackson
 * encoder, and reveal from the reactive security context, audited with the authenticated actor.
 */
@SpringBootTest(classes = ReactiveShopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=reactive", "privacykit.reveal.authorities[ROLE_SUPPORT]=support"})
class ReactiveRevealWebTest {
    @Value("${local.server.port}")
    int port;

    @Autowired
    InMemoryAuditSink audit;

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(30)).build();
    }

    @BeforeEach
    void clear() {
        audit.clear();
    }

    private String get(String path, boolean support) {
        WebTestClient.RequestHeadersSpec<?> request = client().get().uri(path);
        if (support) {
            request = request.headers(headers -> headers.setBasicAuth("agent-17", "support-pass"));
        }
        return request.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void anonymousCaller_getsMaskedJson_andNoRevealIsAudited() {
        String body = get("/customers/c-1001", false);

        assertThat(body).contains("\"id\":\"c-1001\"", "\"plan\":\"pro\"")
                .doesNotContain("Ada Lovelace", "ada@example.com", "asthma");
        assertThat(audit.events(AuditAction.REVEAL)).isEmpty();
    }

    @Test
    void supportAgent_seesTheSupportFields_eachRevealAuditedWithTheAgent() {
        String body = get("/customers/c-1001", true);

        assertThat(body).contains("Ada Lovelace", "ada@example.com", "asthma");
        assertThat(audit.events(AuditAction.REVEAL)).extracting(AuditEvent::field)
                .containsExactlyInAnyOrder("Customer.fullName", "Customer.email", "Customer.diagnosis");
        assertThat(audit.events(AuditAction.REVEAL)).allSatisfy(event -> {
            assertThat(event.actor()).isEqualTo("agent-17");
            assertThat(event.purpose()).isEqualTo("support");
            assertThat(event.subjectId()).isEqualTo("c-1001");
        });
    }

    @Test
    void aStreamOfBodies_isRevealedForTheAgent_andMaskedForTheNextAnonymousCaller() {
        assertThat(get("/customers", true)).contains("Ada Lovelace");
        assertThat(get("/customers", false)).doesNotContain("Ada Lovelace", "ada@example.com", "asthma");
        assertThat(get("/customers/c-1001", false)).doesNotContain("Ada Lovelace");
    }
}
