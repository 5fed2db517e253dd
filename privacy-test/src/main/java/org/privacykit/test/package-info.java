/**
 * The privacy test kit: {@link org.privacykit.test.PrivacyAssertions} (no personal data or PII in a
 * text, k-anonymous rows, a clean lint), the {@link org.privacykit.test.PrivacyLogGuard} extension that
 * fails a test when personal data is logged, and {@link org.privacykit.test.PrivacyFixtures} for
 * reproducible anonymized fixtures.
 */
@NullMarked
package org.privacykit.test;

import org.jspecify.annotations.NullMarked;
