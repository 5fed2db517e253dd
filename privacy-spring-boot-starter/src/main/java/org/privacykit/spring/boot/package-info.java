/**
 * privacy-kit's auto-configuration for Spring Boot 4 (Jackson 3): the masking module, reveal in
 * Spring MVC's JSON converter and WebFlux's JSON encoder, the key-ring health indicator and the
 * privacy-jpa wiring.
 */
@org.jspecify.annotations.NullMarked
package org.privacykit.spring.boot;
