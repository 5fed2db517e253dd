/**
 * Logback integration, configured in {@code logback.xml} only: {@link org.privacykit.logback.PrivacyPatternLayout}
 * and {@link org.privacykit.logback.PrivacyPatternLayoutEncoder} (Logback's pattern syntax, with the
 * message, MDC, key-value and stack-trace words masked), the converters themselves for use with
 * Logback's own {@code PatternLayout} through {@code <conversionRule>}, and
 * {@link org.privacykit.logback.PrivacyJsonEncoder} for JSON lines.
 */
package org.privacykit.logback;
