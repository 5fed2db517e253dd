/**
 * privacy-kit for Spring Boot 3.5 (Jackson 2): the masking Jackson module on the application's
 * {@code ObjectMapper}, reveal by purpose in Spring MVC's JSON converter and WebFlux's JSON encoder,
 * and the privacy-jpa wiring; everything else comes from {@code org.privacykit.spring}, shared with
 * the Spring Boot 4 starter.
 */
// "module": the name ends in the Spring Boot line it is for, as the artifact does
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic", "module"})
module org.privacykit.spring.boot3 {
    requires transitive org.privacykit.spring;
    requires transitive org.privacykit.core;
    requires transitive org.privacykit.jackson;
    requires transitive spring.boot;
    requires transitive spring.boot.autoconfigure;
    requires transitive spring.context;
    requires transitive spring.beans;
    requires transitive spring.core;
    requires com.fasterxml.jackson.databind;
    requires static org.jspecify;

    requires static spring.web;
    requires static spring.webmvc;
    requires static spring.webflux;
    requires static reactor.core;
    requires static org.reactivestreams;
    requires static jakarta.servlet;
    requires static org.privacykit.crypto;
    requires static org.privacykit.jpa;
    requires static spring.boot.actuator;

    exports org.privacykit.spring.boot3;

    opens org.privacykit.spring.boot3 to spring.core, spring.beans, spring.context;
}
