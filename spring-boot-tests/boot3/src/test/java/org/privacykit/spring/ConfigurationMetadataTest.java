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
            } else if (type.equals("java.lang.Double")) {
                values.put(name, "0.7");
            } else if (type.equals("java.time.Duration")) {
                values.put(name, "1h");
            } else {
                values.put(name, "/tmp/x");
            }
        }

        PrivacyKitProperties bound = new Binder(new MapConfigurationPropertySource(values))
                .bind("privacykit", Bindable.of(PrivacyKitProperties.class), new NoUnboundElementsBindHandler(org.springframework.boot.context.properties.bind.BindHandler.DEFAULT))
                .get();

        assertThat(names).hasSize(30);
        assertThat(bound.getKeyRing().getAlias()).isEqualTo("/tmp/x");
        assertThat(bound.getReveal().getAuthorities()).containsKey("ROLE_X");
        org.springframework.beans.BeanWrapper defaults = new org.springframework.beans.BeanWrapperImpl(new PrivacyKitProperties());
        int checked = 0;
        for (JsonNode property : metadata.get("properties")) {
            if (property.has("defaultValue")) {
                String name = property.get("name").asText();
                String documented = property.get("defaultValue").asText();
                Object actual = defaults.getPropertyValue(beanPath(name));
                if (actual instanceof java.time.Duration) {
                    // documented as a user writes it ("90d"), compared as the Duration it binds to
                    assertThat(actual).as(name).isEqualTo(
                            org.springframework.boot.convert.DurationStyle.detectAndParse(documented));
                } else {
                    assertThat(String.valueOf(actual)).as(name).isEqualTo(documented);
                }
                checked++;
            }
        }
        assertThat(checked).as("documented defaults").isEqualTo(18);
    }

    @Test
    void everySwitchTheAutoConfigurationReads_hasTheDocumentedDefault() throws Exception {
        // what a switch does when unset is decided by its condition's matchIfMissing, not by the
        // properties class: compare the metadata's default with every condition on a privacykit switch
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new ObjectMapper().readTree(in);
        }
        Map<String, String> documented = new HashMap<>();
        for (JsonNode property : metadata.get("properties")) {
            if (property.has("defaultValue") && property.get("type").asText().equals("java.lang.Boolean")) {
                documented.put(property.get("name").asText(), property.get("defaultValue").asText());
            }
        }
        // the shared module's and the starter's auto-configurations, each jar with its own imports file
        List<String> imports = new ArrayList<>();
        java.util.Enumeration<java.net.URL> files = getClass().getClassLoader().getResources(
                "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
        while (files.hasMoreElements()) {
            try (InputStream in = files.nextElement().openStream()) {
                for (String name : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim().split("\\s+")) {
                    if (name.startsWith("org.privacykit.")) {
                        imports.add(name);
                    }
                }
            }
        }
        List<java.lang.reflect.AnnotatedElement> annotated = new ArrayList<>();
        for (String name : imports) {
            collect(Class.forName(name), annotated);
        }
        int checked = 0;
        for (java.lang.reflect.AnnotatedElement element : annotated) {
            org.springframework.boot.autoconfigure.condition.ConditionalOnProperty condition =
                    element.getAnnotation(org.springframework.boot.autoconfigure.condition.ConditionalOnProperty.class);
            if (condition == null) {
                continue;
            }
            for (String property : condition.name()) {
                String name = condition.prefix().isEmpty() ? property : condition.prefix() + "." + property;
                if (!documented.containsKey(name)) {
                    continue; // not a privacykit switch (a key-ring path, Spring's own property)
                }
                String unset = condition.matchIfMissing() ? "true" : "false";
                assertThat(condition.havingValue()).as(name).isIn("", "true");
                assertThat(documented.get(name)).as(name + " on " + element).isEqualTo(unset);
                checked++;
            }
        }
        assertThat(checked).as("conditions on documented switches").isEqualTo(13);
    }

    private static void collect(Class<?> type, List<java.lang.reflect.AnnotatedElement> out) {
        out.add(type);
        for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
            out.add(method);
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            collect(nested, out);
        }
    }

    /** {@code privacykit.reveal.header.actor-name} as a bean path: {@code reveal.header.actorName}. */
    private static String beanPath(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : name.substring("privacykit.".length()).toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
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
