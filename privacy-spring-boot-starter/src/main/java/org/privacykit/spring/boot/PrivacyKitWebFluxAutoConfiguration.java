package org.privacykit.spring.boot;

import org.privacykit.spring.PrivacyKitRevealAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reveal by purpose for Spring WebFlux: the Jackson 3 JSON encoder of the application's codecs
 * becomes one that applies the exchange's reveal ({@link RevealingJacksonJsonEncoder}), over the
 * application's {@code JsonMapper} (which carries the masking module). Off with
 * {@code privacykit.reveal.enabled=false} (responses stay masked) or {@code privacykit.jackson.enabled=false}.
 */
@AutoConfiguration(after = PrivacyKitRevealAutoConfiguration.class,
        afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        beforeName = "org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({JacksonJsonEncoder.class, CodecCustomizer.class})
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
    @ConditionalOnBean(JsonMapper.class)
    public CodecCustomizer privacyKitRevealingJsonCodec(JsonMapper mapper) {
        return configurer -> configurer.defaultCodecs().jacksonJsonEncoder(new RevealingJacksonJsonEncoder(mapper));
    }
}
