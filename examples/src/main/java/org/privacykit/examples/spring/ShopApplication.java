package org.privacykit.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The shop as a Spring Boot application: one controller returns the domain's {@code Customer}
 * records as they are, and the privacy-kit starter masks them, reveals by role and audits
 * (see {@code application.properties}). Nothing privacy-specific is coded here.
 *
 * <p>Run the tour ({@link ShopTour}) with {@code ./mvnw -q -B -Pspring-demo -pl examples -am verify
 * -DskipTests}, or keep the server running on port 8080 by adding
 * {@code -Dspring-demo.mainClass=org.privacykit.examples.spring.ShopApplication}, then
 * {@code curl localhost:8080/customers/c-1001} and {@code curl -u agent-17:support-demo ...}.
 */
@SpringBootApplication
public class ShopApplication {

    /**
     * Starts the shop.
     *
     * @param args Spring Boot arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }

    /** Everyone may read; HTTP Basic tells who is asking (a demo: a real shop would use its login). */
    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .httpBasic(Customizer.withDefaults())
                .build();
    }

    /** Two demo users: a support agent and a billing clerk (plain-text demo passwords). */
    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("agent-17").password("{noop}support-demo").roles("SUPPORT").build(),
                User.withUsername("biller-3").password("{noop}billing-demo").roles("BILLING").build());
    }
}
