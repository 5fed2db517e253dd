package org.privacykit.spring.boot;

import jakarta.servlet.http.HttpServletRequest;
import org.privacykit.spring.PrivacyKitRevealAutoConfiguration;
import org.privacykit.spring.RevealResolver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.context.request.RequestContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reveal by purpose for Spring MVC: a Jackson 3 JSON converter that applies the
 * {@link RevealResolver}'s answer to each response body it writes. Spring Boot 4 uses a
 * {@code JacksonJsonHttpMessageConverter} bean in place of the one it would build over the
 * application's {@code JsonMapper}; the converter backs off when the application declares one, or
 * prefers another JSON mapper ({@code spring.http.converters.preferred-json-mapper}). Off with
 * {@code privacykit.reveal.enabled=false} (responses stay masked) or {@code privacykit.jackson.enabled=false}.
 */
@AutoConfiguration(after = PrivacyKitRevealAutoConfiguration.class,
        afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        beforeName = "org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({JacksonJsonHttpMessageConverter.class, HttpServletRequest.class, RequestContextHolder.class})
@ConditionalOnProperty(name = {"privacykit.jackson.enabled", "privacykit.reveal.enabled"}, matchIfMissing = true)
public class PrivacyKitWebMvcAutoConfiguration {

    /** Created by Spring Boot from the auto-configuration imports. */
    public PrivacyKitWebMvcAutoConfiguration() {
    }

    /**
     * The JSON converter that reveals per request.
     *
     * @param mapper the application's mapper, with the masking module
     * @param resolver the request's purposes
     * @return the converter
     */
    @Bean
    @ConditionalOnBean(JsonMapper.class)
    @ConditionalOnMissingBean(JacksonJsonHttpMessageConverter.class)
    @ConditionalOnProperty(name = "spring.http.converters.preferred-json-mapper", havingValue = "jackson",
            matchIfMissing = true)
    public JacksonJsonHttpMessageConverter privacyKitJsonConverter(JsonMapper mapper, RevealResolver resolver) {
        return new RevealingJacksonJsonHttpMessageConverter(mapper, resolver);
    }
}
