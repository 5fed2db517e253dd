package org.privacykit.logback;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * {@code %xEx}, {@code %xException} and {@code %xThrowable} (frames with their jar and version) with personal data masked: the stack trace is rendered as Logback
 * renders it (options such as {@code {short}}, {@code {5}} and evaluators included), then scanned
 * as a whole by the PII detector, so the messages of the exception, its causes and its suppressed
 * exceptions are masked wherever they appear. Never throws: a trace that cannot be rendered is
 * written {@code [REDACTED]}.
 *
 * <pre>{@code
 * <conversionRule conversionWord="xEx" class="org.privacykit.logback.PrivacyExtendedThrowableConverter"/>
 * }</pre>
 */
public class PrivacyExtendedThrowableConverter extends ExtendedThrowableProxyConverter {
    private final ConverterMasking masking = new ConverterMasking(this, "rendering a stack trace failed");

    /** Creates the converter; Logback does, from the pattern. */
    public PrivacyExtendedThrowableConverter() {
    }

    void useMasking(LogMasking masking) {
        this.masking.use(masking);
    }

    @Override
    public void start() {
        masking.get();
        super.start();
    }

    @Override
    public String convert(ILoggingEvent event) {
        try {
            return super.convert(event);
        } catch (Throwable e) {
            return masking.failed(e);
        }
    }

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return masking.get().text(super.throwableProxyToString(proxy));
    }
}
