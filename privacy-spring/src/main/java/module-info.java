/**
 * privacy-kit for Spring, shared by both Spring Boot starters: reveal by purpose for Spring MVC and
 * WebFlux, the key ring from configuration, the audit sink, the inventory endpoint and the
 * auto-configurations that use only what Spring Boot 3.5 and Spring Boot 4 have in common.
 *
 * <p>Spring's jars are automatic modules (their {@code Automatic-Module-Name}s are required here);
 * encryption, JPA, web, security and actuator support are optional ({@code requires static}) and
 * wired only when the application has them.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module org.privacykit.spring {
    requires static transitive org.jspecify;
    requires transitive org.privacykit.core;
    requires org.slf4j;
    requires transitive spring.boot;
    requires transitive spring.boot.autoconfigure;
    requires transitive spring.context;
    requires transitive spring.beans;
    requires transitive spring.core;

    requires static transitive org.privacykit.crypto;
    requires static org.privacykit.jpa;
    requires static org.privacykit.logback;
    requires static ch.qos.logback.classic;
    requires static ch.qos.logback.core;
    requires static transitive spring.web;
    requires static transitive spring.webflux;
    requires static transitive reactor.core;
    requires static org.reactivestreams;
    requires static transitive jakarta.servlet;
    requires static spring.security.core;
    requires static transitive spring.boot.actuator;
    requires static spring.data.jpa;
    requires static spring.data.commons;
    requires static spring.orm;
    requires static spring.aop;
    requires static spring.tx;
    requires static jakarta.persistence;
    requires static micrometer.core;

    exports org.privacykit.spring;
    exports org.privacykit.spring.data;

    opens org.privacykit.spring to spring.core, spring.beans, spring.context;
    opens org.privacykit.spring.data to spring.core, spring.beans, spring.context;
}
