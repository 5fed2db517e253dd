/**
 * privacy-kit's auto-configuration for Spring Boot 3.5 (Jackson 2): the masking module, reveal in
 * Spring MVC's JSON converter and WebFlux's JSON encoder, and the privacy-jpa wiring.
 */
@org.jspecify.annotations.NullMarked
package org.privacykit.spring.boot3;
