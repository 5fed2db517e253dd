package org.privacykit.logback;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.CoreConstants;

/**
 * Spring Boot's {@code %wEx}, the last word of its default console and file patterns, with personal
 * data masked: {@link PrivacyExtendedThrowableConverter}'s trace with a line break before and after
 * it, as Spring Boot's {@code ExtendedWhitespaceThrowableProxyConverter} writes it.
 * {@link PrivacyPatternLayout} uses it for {@code %wEx}, so a pattern copied from Spring Boot's
 * {@code defaults.xml} ({@code ${CONSOLE_LOG_PATTERN}}) is masked too.
 */
public class PrivacyExtendedWhitespaceThrowableConverter extends PrivacyExtendedThrowableConverter {

    /** Creates the converter; Logback does, from the pattern. */
    public PrivacyExtendedWhitespaceThrowableConverter() {
    }

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return CoreConstants.LINE_SEPARATOR + super.throwableProxyToString(proxy) + CoreConstants.LINE_SEPARATOR;
    }
}
