package org.privacykit.spring.reactive;

import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.HEALTH;
import static org.privacykit.annotation.PersonalDataType.NAME;

import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;
import org.privacykit.audit.InMemoryAuditSink;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A WebFlux shop as a user would write it: reactive controller, Spring Security with HTTP Basic. */
@SpringBootApplication
@EnableWebFluxSecurity
public class ReactiveShopApplication {

    /** The customer the controller returns. */
    public record Customer(@SubjectId String id,
                           @PersonalData(value = NAME, purposes = "support") String fullName,
                           @PersonalData(value = EMAIL, purposes = "support") String email,
                           @PersonalData(value = HEALTH, purposes = "support") String diagnosis,
                           String plan) {
        static final Customer ADA = new Customer("c-1001", "Ada Lovelace", "ada@example.com", "asthma", "pro");
    }

    @Bean
    InMemoryAuditSink auditSink() {
        return new InMemoryAuditSink();
    }

    @Bean
    MapReactiveUserDetailsService users() {
        return new MapReactiveUserDetailsService(User.withUsername("agent-17").password("{noop}support-pass")
                .roles("SUPPORT").build());
    }

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http) {
        return http.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .build();
    }

    @RestController
    static class CustomerController {
        @GetMapping("/customers/c-1001")
        Mono<Customer> customer() {
            return Mono.just(Customer.ADA);
        }

        @GetMapping("/customers")
        Flux<Customer> customers() {
            return Flux.just(Customer.ADA, Customer.ADA);
        }
    }
}
