/**
 * Keyed pseudonymization: {@link org.privacykit.pseudonym.Pseudonymizer} gives consistent,
 * per-domain HMAC-SHA256 tokens, from JDK crypto only.
 */
@NullMarked
package org.privacykit.pseudonym;

import org.jspecify.annotations.NullMarked;
