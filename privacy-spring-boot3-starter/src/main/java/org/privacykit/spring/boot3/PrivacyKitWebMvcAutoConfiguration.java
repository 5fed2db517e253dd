package org.privacykit.spring.boot3;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.privacykit.spring.PrivacyKitRevealAutoConfiguration;
import org.privacykit.spring.RevealResolver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Reveal by purpose for Spring MVC: a JSON converter that applies the {@link RevealResolver}'s
 * answer to each response body it writes. Spring Boot uses this
 * converter in place of its own {@code MappingJackson2HttpMessageConverter}; the converter backs off
 * when the application declares one, or prefers another JSON mapper
 * ({@code spring.mvc.converters.preferred-json-mapper}). Off with {@code privacykit.reveal.enabled=false} (responses
 * stay masked) or {@code privacykit.jackson.enabled=false}.
 */
@AutoConfiguration(after = {JacksonAutoConfiguration.class, PrivacyKitRevealAutoConfiguration.class},
        before = HttpMessageConvertersAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({MappingJackson2HttpMessageConverter.class, HttpServletRequest.class, RequestContextHolder.class})
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
    @ConditionalOnBean(ObjectMapper.class)
    @ConditionalOnMissingBean(MappingJackson2HttpMessageConverter.class)
    @ConditionalOnProperty(name = "spring.mvc.converters.preferred-json-mapper", havingValue = "jackson",
            matchIfMissing = true)
    public MappingJackson2HttpMessageConverter privacyKitJsonConverter(ObjectMapper mapper, RevealResolver resolver) {
        return new RevealingJackson2HttpMessageConverter(mapper, resolver);
    }
}
