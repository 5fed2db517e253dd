/**
 * Spring Data JPA repositories on privacy-jpa's encrypted attributes: derived query methods
 * ({@code findByEmail}, {@code findByCardNumber}) on deterministic and blind-indexed attributes
 * compare the argument's search terms instead of its clear text, and a method that no query could
 * answer fails at start-up naming the method and the attribute.
 */
@org.jspecify.annotations.NullMarked
package org.privacykit.spring.data;
