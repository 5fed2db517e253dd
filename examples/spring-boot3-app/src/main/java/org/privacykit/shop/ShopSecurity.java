package org.privacykit.shop;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what. Anyone may read customers (masked); HTTP Basic tells the starter who asks, and
 * {@code privacykit.reveal.authorities} says what each role reveals. Writing needs a login; the
 * key-ring operations of Actuator need {@code ROLE_ADMIN}. A stateless JSON API: no session, no
 * CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class ShopSecurity {

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/customers", "/customers/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/customers/search").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * Demo users with plain-text demo passwords: a support agent, a billing clerk and an operator.
     * A real shop plugs in its own login.
     */
    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("agent-17").password("{noop}support-demo").roles("SUPPORT").build(),
                User.withUsername("biller-3").password("{noop}billing-demo").roles("BILLING").build(),
                User.withUsername("ops-1").password("{noop}ops-demo").roles("ADMIN").build());
    }
}
