package org.privacykit.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a request may reveal, from {@code privacykit.reveal.*}: a {@link RevealResolver} for Spring
 * MVC, a {@link ReactiveRevealResolver} and the {@link RevealWebFilter} for Spring WebFlux. Each
 * backs off when the application declares its own. The starters' JSON converter and encoder apply
 * the answer. Off with {@code privacykit.reveal.enabled=false} (responses stay masked) or
 * {@code privacykit.jackson.enabled=false}.
 */
@AutoConfiguration(after = PrivacyKitAutoConfiguration.class)
@ConditionalOnProperty(name = {"privacykit.jackson.enabled", "privacykit.reveal.enabled"}, matchIfMissing = true)
public class PrivacyKitRevealAutoConfiguration {

    /** Created by Spring Boot from the auto-configuration imports. */
    public PrivacyKitRevealAutoConfiguration() {
    }

    /** Spring MVC: the servlet request's principal, authorities and headers. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "jakarta.servlet.http.HttpServletRequest")
    public static class ServletReveal {

        /** Created by Spring. */
        public ServletReveal() {
        }

        /**
         * The resolver from {@code privacykit.reveal.authorities} and {@code privacykit.reveal.header.*}.
         *
         * @param properties the settings
         * @return the resolver
         */
        @Bean
        @ConditionalOnMissingBean
        public RevealResolver privacyKitRevealResolver(PrivacyKitProperties properties) {
            return new PropertiesRevealResolver(properties.getReveal());
        }
    }

    /** Spring WebFlux: the reactive security context's authentication and the request's headers. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(name = "org.springframework.web.server.WebFilter")
    static class ReactiveReveal {

        @Bean
        @ConditionalOnMissingBean
        ReactiveRevealResolver privacyKitReactiveRevealResolver(PrivacyKitProperties properties) {
            return new PropertiesReactiveRevealResolver(properties.getReveal());
        }

        @Bean
        @ConditionalOnMissingBean
        RevealWebFilter privacyKitRevealWebFilter(ReactiveRevealResolver resolver) {
            return new RevealWebFilter(resolver);
        }
    }
}
