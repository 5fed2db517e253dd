package org.privacykit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The hand-written configuration metadata names exactly the properties that bind. */
class ConfigurationMetadataTest {

    @Test
    void everyDocumentedProperty_binds_andBindsTheDocumentedDefault() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new ObjectMapper().readTree(in);
        }
        Map<String, String> values = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (JsonNode property : metadata.get("properties")) {
            String name = property.get("name").asText();
            String type = property.get("type").asText();
            names.add(name);
            if (type.startsWith("java.util.Map")) {
                values.put(name + "[ROLE_X]", "a");
            } else if (type.equals("java.lang.Boolean")) {
                values.put(name, "true");
            } else {
                values.put(name, "/tmp/x");
            }
        }

        PrivacyKitProperties bound = new Binder(new MapConfigurationPropertySource(values))
                .bind("privacykit", Bindable.of(PrivacyKitProperties.class), new NoUnboundElementsBindHandler(org.springframework.boot.context.properties.bind.BindHandler.DEFAULT))
                .get();

        assertThat(names).hasSize(19);
        assertThat(bound.getEncryption().getKek().getAlias()).isEqualTo("/tmp/x");
        assertThat(bound.getReveal().getAuthorities()).containsKey("ROLE_X");
        PrivacyKitProperties defaults = new PrivacyKitProperties();
        for (JsonNode property : metadata.get("properties")) {
            if (property.has("defaultValue") && property.get("name").asText().endsWith(".enabled")) {
                assertThat(property.get("defaultValue").asBoolean())
                        .as(property.get("name").asText())
                        .isEqualTo(enabled(defaults, property.get("name").asText()));
            }
        }
    }

    private static boolean enabled(PrivacyKitProperties p, String name) {
        return switch (name) {
            case "privacykit.jackson.enabled" -> p.getJackson().isEnabled();
            case "privacykit.encryption.enabled" -> p.getEncryption().isEnabled();
            case "privacykit.jpa.enabled" -> p.getJpa().isEnabled();
            case "privacykit.reveal.enabled" -> p.getReveal().isEnabled();
            case "privacykit.reveal.header.enabled" -> p.getReveal().getHeader().isEnabled();
            case "privacykit.inventory.enabled" -> p.getInventory().isEnabled();
            default -> throw new AssertionError("unknown switch " + name);
        };
    }

    @Test
    void authorityKeyWithoutBrackets_bindsFromTheEnvironment() {
        new org.springframework.boot.test.context.runner.ApplicationContextRunner()
                .withConfiguration(org.springframework.boot.autoconfigure.AutoConfigurations.of(
                        PrivacyKitAutoConfiguration.class))
                .withPropertyValues("privacykit.inventory.enabled=false",
                        "privacykit.reveal.authorities.ROLE_SUPPORT=support",
                        "privacykit.reveal.authorities.SCOPE_tickets/read=support",
                        "privacykit.reveal.authorities[ROLE_BILLING]=billing")
                .run(context -> assertThat(context.getBean(PrivacyKitProperties.class).getReveal().getAuthorities())
                        // underscores and case survive; other punctuation is dropped unless the key is in brackets
                        .containsOnlyKeys("ROLE_SUPPORT", "SCOPE_ticketsread", "ROLE_BILLING"));
    }
}
