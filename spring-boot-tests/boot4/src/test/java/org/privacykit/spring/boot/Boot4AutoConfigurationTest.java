package org.privacykit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.annotation.SubjectId;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditSink;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyRing;
import org.privacykit.jackson3.Reveal;
import org.privacykit.jpa.EncryptedEntities;
import org.privacykit.mask.Masked;
import org.privacykit.spring.PrivacyKitAutoConfiguration;
import org.privacykit.spring.PrivacyKitRevealAutoConfiguration;
import org.privacykit.spring.RevealResolver;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the Spring Boot 4 starter adds to the shared configuration, each against the Spring Boot 4
 * type it names: the Jackson 3 module on Boot's {@code JsonMapper}, the revealing MVC converter and
 * WebFlux encoder, and the Hibernate customizer.
 */
class Boot4AutoConfigurationTest {

    /** A value with personal data, as an application's API returns it. */
    public record Patient(@SubjectId String id,
                          @PersonalData(value = PersonalDataType.EMAIL, purposes = "support") String email,
                          @PersonalData(PersonalDataType.HEALTH) String diagnosis) {
        @Override
        public String toString() {
            return Masked.toString(this);
        }
    }

    private static final Patient ADA = new Patient("p-7", "ada@example.com", "asthma");

    private final ApplicationContextRunner jackson = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PrivacyKitAutoConfiguration.class,
                    PrivacyKitJacksonAutoConfiguration.class, JacksonAutoConfiguration.class))
            .withPropertyValues("privacykit.inventory.enabled=false");

    @Test
    void bootsJsonMapper_masks() {
        jackson.run(context -> assertThat(context.getBean(JsonMapper.class).writeValueAsString(ADA))
                .contains("\"id\":\"p-7\"").doesNotContain("ada@example.com", "asthma"));
    }

    @Test
    void theModuleOnBootsJsonMapper_isTheBean_recordingRevealsInTheApplicationsSink() {
        InMemoryAuditSink sink = new InMemoryAuditSink();
        jackson.withBean(AuditSink.class, () -> sink).run(context -> {
            String json = Reveal.forPurposes("support").by("agent-17").writer(context.getBean(JsonMapper.class))
                    .writeValueAsString(ADA);

            assertThat(json).contains("ada@example.com").doesNotContain("asthma");
            assertThat(sink.events(AuditAction.REVEAL)).singleElement().satisfies(event -> {
                assertThat(event.field()).isEqualTo("Patient.email");
                assertThat(event.actor()).isEqualTo("agent-17");
            });
        });
    }

    @Test
    void jacksonDisabled_leavesBootsJsonMapperAlone_butDiscoveryStillMasks() {
        InMemoryAuditSink sink = new InMemoryAuditSink();
        jackson.withBean(AuditSink.class, () -> sink).withPropertyValues("privacykit.jackson.enabled=false")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(org.privacykit.jackson3.PrivacyModule.class);
                    Reveal.forPurposes("support").by("agent-17").writer(context.getBean(JsonMapper.class))
                            .writeValueAsString(ADA);
                    assertThat(sink.events()).isEmpty();
                });
    }

    private final WebApplicationContextRunner mvc = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PrivacyKitAutoConfiguration.class,
                    PrivacyKitJacksonAutoConfiguration.class, PrivacyKitRevealAutoConfiguration.class,
                    PrivacyKitWebMvcAutoConfiguration.class, JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class))
            .withPropertyValues("privacykit.inventory.enabled=false");

    @Test
    void mvc_usesTheRevealingJsonConverter_overBootsJsonMapper() {
        mvc.run(context -> {
            JacksonJsonHttpMessageConverter converter = context.getBean(JacksonJsonHttpMessageConverter.class);
            assertThat(converter).isInstanceOf(RevealingJacksonJsonHttpMessageConverter.class);
            assertThat(converter.getMapper()).isSameAs(context.getBean(JsonMapper.class));
        });
    }

    @Test
    void mvc_applicationConverter_revealDisabled_orAnotherPreferredMapper_backOff() {
        JacksonJsonHttpMessageConverter mine = new JacksonJsonHttpMessageConverter();
        mvc.withBean(JacksonJsonHttpMessageConverter.class, () -> mine).run(context ->
                assertThat(context.getBean(JacksonJsonHttpMessageConverter.class)).isSameAs(mine));
        mvc.withPropertyValues("privacykit.reveal.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(RevealResolver.class);
            assertThat(context).doesNotHaveBean(RevealingJacksonJsonHttpMessageConverter.class);
        });
        mvc.withPropertyValues("spring.http.converters.preferred-json-mapper=gson").run(context ->
                assertThat(context).doesNotHaveBean(RevealingJacksonJsonHttpMessageConverter.class));
    }

    @Test
    void webFlux_replacesBootsJacksonEncoder_withTheRevealingOne() {
        new ReactiveWebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PrivacyKitAutoConfiguration.class,
                        PrivacyKitJacksonAutoConfiguration.class, PrivacyKitRevealAutoConfiguration.class,
                        PrivacyKitWebFluxAutoConfiguration.class, JacksonAutoConfiguration.class,
                        CodecsAutoConfiguration.class))
                .withPropertyValues("privacykit.inventory.enabled=false")
                .run(context -> {
                    ServerCodecConfigurer configurer = ServerCodecConfigurer.create();
                    context.getBeanProvider(CodecCustomizer.class).orderedStream()
                            .forEach(customizer -> customizer.customize(configurer));
                    List<JacksonJsonEncoder> encoders = configurer.getWriters().stream()
                            .map(writer -> writer instanceof org.springframework.http.codec.EncoderHttpMessageWriter<?> e
                                    ? e.getEncoder() : null)
                            .filter(JacksonJsonEncoder.class::isInstance).map(JacksonJsonEncoder.class::cast).toList();
                    assertThat(encoders).isNotEmpty().allSatisfy(encoder ->
                            assertThat(encoder).isInstanceOf(RevealingJacksonJsonEncoder.class));
                });
    }

    @Test
    void jpa_handsTheEncryptorToHibernate_throughBoot4sCustomizer() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PrivacyKitJpaAutoConfiguration.class))
                .withBean(FieldEncryptor.class, () -> FieldEncryptor.builder(KeyRing.generate()).build())
                .run(context -> {
                    Map<String, Object> properties = new HashMap<>();
                    context.getBean(HibernatePropertiesCustomizer.class).customize(properties);
                    assertThat(properties.get(EncryptedEntities.FIELD_ENCRYPTOR)).isSameAs(context.getBean(FieldEncryptor.class));
                });
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PrivacyKitJpaAutoConfiguration.class))
                .withPropertyValues("privacykit.jpa.enabled=false")
                .withBean(FieldEncryptor.class, () -> FieldEncryptor.builder(KeyRing.generate()).build())
                .run(context -> assertThat(context).doesNotHaveBean(HibernatePropertiesCustomizer.class));
    }

    @Test
    void aReveal_isNeverLeftOnTheApplicationsMapper() {
        jackson.run(context -> {
            JsonMapper mapper = context.getBean(JsonMapper.class);
            Reveal.forPurposes("support").by("x").writer(mapper).writeValueAsString(ADA);
            assertThat(mapper.writeValueAsString(ADA)).doesNotContain("ada@example.com");
        });
    }
}
