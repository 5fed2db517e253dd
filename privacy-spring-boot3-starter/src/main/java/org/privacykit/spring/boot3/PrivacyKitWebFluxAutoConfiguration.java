package org.privacykit.spring.boot3;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.privacykit.spring.PrivacyKitRevealAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.http.codec.CodecsAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.web.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.json.Jackson2JsonEncoder;

/**
 * Reveal by purpose for Spring WebFlux: the JSON encoder of the application's codecs becomes one
 * that applies the exchange's reveal ({@link RevealingJackson2JsonEncoder}), over the application's
 * {@code ObjectMapper} (which carries the masking module). Off with
 * {@code privacykit.reveal.enabled=false} (responses stay masked) or {@code privacykit.jackson.enabled=false}.
 */
@AutoConfiguration(after = {JacksonAutoConfiguration.class, PrivacyKitRevealAutoConfiguration.class},
        before = CodecsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({Jackson2JsonEncoder.class, CodecCustomizer.class})
@ConditionalOnProperty(name = {"privacykit.jackson.enabled", "privacykit.reveal.enabled"}, matchIfMissing = true)
public class PrivacyKitWebFluxAutoConfiguration {

    /** After Spring Boot's own Jackson codec customizer (order 0), so this encoder replaces its. */
    private static final int AFTER_BOOTS_JACKSON_CODECS = 1;

    /** Created by Spring Boot from the auto-configuration imports. */
    public PrivacyKitWebFluxAutoConfiguration() {
    }

    /**
     * Puts the revealing encoder into the application's codecs.
     *
     * @param mapper the application's mapper, with the masking module
     * @return the customizer
     */
    @Bean
    @Order(AFTER_BOOTS_JACKSON_CODECS)
    @ConditionalOnBean(ObjectMapper.class)
    public CodecCustomizer privacyKitRevealingJsonCodec(ObjectMapper mapper) {
        return configurer -> configurer.defaultCodecs().jackson2JsonEncoder(new RevealingJackson2JsonEncoder(mapper));
    }
}
