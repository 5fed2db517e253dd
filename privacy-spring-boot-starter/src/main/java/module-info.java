/**
 * privacy-kit for Spring Boot 4 (Jackson 3): the masking Jackson 3 module on the application's
 * {@code JsonMapper}, reveal by purpose in Spring MVC's JSON converter and WebFlux's JSON encoder,
 * the key-ring health indicator and the privacy-jpa wiring; everything else comes from
 * {@code org.privacykit.spring}, shared with the Spring Boot 3.5 starter.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module org.privacykit.spring.boot {
    requires transitive org.privacykit.spring;
    requires transitive org.privacykit.core;
    requires transitive org.privacykit.jackson3;
    requires transitive spring.boot;
    requires transitive spring.boot.autoconfigure;
    requires transitive spring.context;
    requires transitive spring.beans;
    requires transitive spring.core;
    requires tools.jackson.databind;
    requires static org.jspecify;

    requires static spring.web;
    requires static spring.webmvc;
    requires static spring.webflux;
    requires static transitive spring.boot.http.codec;
    requires static transitive spring.boot.health;
    requires static transitive spring.boot.hibernate;
    requires static reactor.core;
    requires static org.reactivestreams;
    requires static jakarta.servlet;
    requires static org.privacykit.crypto;
    requires static org.privacykit.jpa;

    exports org.privacykit.spring.boot;

    opens org.privacykit.spring.boot to spring.core, spring.beans, spring.context;
}
