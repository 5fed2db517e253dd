package org.privacykit.logback;

import ch.qos.logback.core.spi.ContextAware;
import org.privacykit.mask.Maskers;

/**
 * The masking one converter uses: the layout's, once {@link PrivacyPatternLayout} hands it over, or
 * the defaults (every detector type, no keys) when the converter is used on its own through a
 * {@code <conversionRule>}; and what the converter writes when rendering fails.
 */
final class ConverterMasking {
    private final ContextAware owner;
    private final String failure;
    private volatile LogMasking masking;

    /**
     * @param owner the converter, whose context receives problems
     * @param failure what failed, for the status message, such as {@code rendering the MDC failed}
     */
    ConverterMasking(ContextAware owner, String failure) {
        this.owner = owner;
        this.failure = failure;
    }

    void use(LogMasking masking) {
        this.masking = masking;
    }

    LogMasking get() {
        LogMasking m = masking;
        if (m == null) {
            m = LogMasking.defaults(owner);
            masking = m;
        }
        return m;
    }

    /**
     * Reports a rendering failure (never the value) and returns what to write instead; errors of
     * the virtual machine itself are rethrown.
     */
    String failed(Throwable error) {
        LogMasking.rethrowIfFatal(error);
        get().report(failure, owner.getClass(), error);
        return Maskers.REDACTED;
    }
}
