package org.privacykit.spring.boot3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.privacykit.spring.PrivacyKitAutoConfiguration;
import org.privacykit.spring.PrivacyKitRevealAutoConfiguration;
import org.privacykit.spring.RevealResolver;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConverters;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

class PrivacyKitWebMvcAutoConfigurationTest {
    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PrivacyKitAutoConfiguration.class,
                    PrivacyKitRevealAutoConfiguration.class, PrivacyKitWebMvcAutoConfiguration.class, JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class))
            .withPropertyValues("privacykit.inventory.enabled=false");

    @Test
    void defaults_replaceSpringsJsonConverterWithTheRevealingOne() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(RevealResolver.class);
            assertThat(context.getBean(MappingJackson2HttpMessageConverter.class))
                    .isInstanceOf(RevealingJackson2HttpMessageConverter.class);
            // Spring Boot keeps Spring MVC's default converter after its replacement; the first one that
            // can write JSON is the one used, and that must be ours
            assertThat(context.getBean(HttpMessageConverters.class).getConverters())
                    .filteredOn(MappingJackson2HttpMessageConverter.class::isInstance)
                    .first().isInstanceOf(RevealingJackson2HttpMessageConverter.class);
        });
    }

    @Test
    void revealDisabled_keepsSpringsConverter() {
        runner.withPropertyValues("privacykit.reveal.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(RevealResolver.class);
            assertThat(context.getBean(MappingJackson2HttpMessageConverter.class))
                    .isNotInstanceOf(RevealingJackson2HttpMessageConverter.class);
        });
    }

    @Test
    void jacksonDisabled_alsoTurnsRevealOff() {
        runner.withPropertyValues("privacykit.jackson.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(RevealResolver.class));
    }

    @Test
    void applicationConverter_winsOverOurs() {
        MappingJackson2HttpMessageConverter mine = new MappingJackson2HttpMessageConverter();
        runner.withBean(MappingJackson2HttpMessageConverter.class, () -> mine).run(context ->
                assertThat(context.getBean(MappingJackson2HttpMessageConverter.class)).isSameAs(mine));
    }

    @Test
    void applicationResolver_replacesTheDefault() {
        RevealResolver mine = request -> java.util.Optional.empty();
        runner.withBean(RevealResolver.class, () -> mine).run(context ->
                assertThat(context.getBean(RevealResolver.class)).isSameAs(mine));
    }

    @Test
    void anotherPreferredJsonMapper_noRevealingConverter() {
        runner.withPropertyValues("spring.mvc.converters.preferred-json-mapper=gson").run(context ->
                assertThat(context).doesNotHaveBean(RevealingJackson2HttpMessageConverter.class));
    }
}
