/**
 * privacy-kit for Spring, shared by the Spring Boot 4 starter ({@code privacy-spring-boot-starter})
 * and the Spring Boot 3.5 starter ({@code privacy-spring-boot3-starter}): the {@code privacykit.*}
 * properties ({@link org.privacykit.spring.PrivacyKitProperties}), what a request may reveal
 * ({@link org.privacykit.spring.RevealResolver}, {@link org.privacykit.spring.ReactiveRevealResolver},
 * {@link org.privacykit.spring.RevealGrant}), the key ring and the encryptor from configuration,
 * the audit sink, the inventory endpoint, and the auto-configurations that need nothing of Spring
 * Boot but what both lines share. Each starter adds what differs between the lines: the Jackson
 * module and its HTTP converter and codec, the Hibernate wiring and the health indicator.
 */
@org.jspecify.annotations.NullMarked
package org.privacykit.spring;
