/**
 * privacy-kit for Spring Boot 3.5: auto-configuration of the masking {@code ObjectMapper} module,
 * a {@code FieldEncryptor} from a wrapped key ring, purpose-based reveal from the request with
 * audit, the audit sink, privacy-jpa wiring and an inventory summary (startup log line and an
 * actuator endpoint).
 *
 * <p>Spring's jars are automatic modules (their {@code Automatic-Module-Name}s are required here);
 * web, security, actuator, servlet and JPA support are optional ({@code requires static}) and wired
 * only when the application has them.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module org.privacykit.spring {
    requires static transitive org.jspecify;
    requires transitive org.privacykit.core;
    requires transitive org.privacykit.crypto;
    requires transitive org.privacykit.jackson;
    requires org.slf4j;
    requires transitive spring.boot;
    requires transitive spring.boot.autoconfigure;
    requires transitive spring.context;
    requires transitive spring.beans;
    requires transitive spring.core;

    requires static transitive spring.web;
    requires static spring.webmvc;
    requires static transitive jakarta.servlet;
    requires static spring.security.core;
    requires static transitive spring.boot.actuator;
    requires static org.privacykit.jpa;

    exports org.privacykit.spring;

    opens org.privacykit.spring to spring.core, spring.beans, spring.context;
}
