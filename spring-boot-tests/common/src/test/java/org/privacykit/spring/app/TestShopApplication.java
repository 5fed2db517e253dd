package org.privacykit.spring.app;

import org.privacykit.audit.InMemoryAuditSink;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A small application as a user would write it: one controller, its own audit sink, open security. */
@SpringBootApplication
public class TestShopApplication {

    /** Replaces the starter's SLF4J sink, so the tests can read the events. */
    @Bean
    InMemoryAuditSink auditSink() {
        return new InMemoryAuditSink();
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .httpBasic(Customizer.withDefaults())
                .build();
    }

    @RestController
    static class CustomerController {
        @GetMapping("/customers/c-1001")
        Customer customer() {
            return Customer.ADA;
        }
    }
}
