/**
 * Keyed pseudonymization: {@link org.privacykit.pseudonym.Pseudonymizer} gives consistent,
 * per-domain HMAC-SHA256 tokens, from JDK crypto only.
 */
package org.privacykit.pseudonym;
