/**
 * Spring Boot auto-configuration for privacy-kit: {@link org.privacykit.spring.PrivacyKitProperties}
 * (the {@code privacykit.*} properties), {@link org.privacykit.spring.RevealResolver} (the purposes
 * a request may reveal), {@link org.privacykit.spring.PrivacyKitEndpoint} (the inventory summary)
 * and the auto-configuration classes that wire them.
 */
package org.privacykit.spring;
