package org.privacykit.logback;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %msg} with personal data masked: arguments that are annotated objects are rendered by their
 * declarations (core's {@code Masked}: the same maskers as JSON output), containers element by
 * element, and the formatted message is scanned by the PII detector. A value whose {@code toString}
 * throws is written {@code [REDACTED]}; the converter itself never throws.
 *
 * <p>{@link PrivacyPatternLayout} uses it for {@code %m}, {@code %msg} and {@code %message}. With
 * Logback's own {@code PatternLayout} (or Spring Boot's default configuration), declare it in
 * {@code logback.xml}:
 *
 * <pre>{@code
 * <conversionRule conversionWord="msg" class="org.privacykit.logback.PrivacyMessageConverter"/>
 * }</pre>
 */
public class PrivacyMessageConverter extends ClassicConverter {
    private final ConverterMasking masking = new ConverterMasking(this, "rendering a message failed");

    /** Creates the converter; Logback does, from the pattern. */
    public PrivacyMessageConverter() {
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
        LogMasking m = masking.get();
        try {
            return m.message(event);
        } catch (Throwable e) {
            return masking.failed(e);
        }
    }
}
