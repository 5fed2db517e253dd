package org.privacykit.logback;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.CoreConstants;

/**
 * Spring Boot's {@code %wex} with personal data masked: {@link PrivacyThrowableConverter}'s trace
 * with a line break before and after it, as Spring Boot's {@code WhitespaceThrowableProxyConverter}
 * writes it. {@link PrivacyPatternLayout} uses it for {@code %wex}, so a pattern copied from Spring
 * Boot's {@code defaults.xml} is masked too.
 */
public class PrivacyWhitespaceThrowableConverter extends PrivacyThrowableConverter {

    /** Creates the converter; Logback does, from the pattern. */
    public PrivacyWhitespaceThrowableConverter() {
    }

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return CoreConstants.LINE_SEPARATOR + super.throwableProxyToString(proxy) + CoreConstants.LINE_SEPARATOR;
    }
}
