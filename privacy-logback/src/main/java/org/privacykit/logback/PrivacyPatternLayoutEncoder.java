package org.privacykit.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.PatternLayoutEncoderBase;

/**
 * The short form of {@link PrivacyPatternLayout} in a {@code LayoutWrappingEncoder}: an encoder that
 * takes the pattern and the masking properties directly, as Logback's {@code PatternLayoutEncoder}
 * takes its pattern.
 *
 * <pre>{@code
 * <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
 *   <encoder class="org.privacykit.logback.PrivacyPatternLayoutEncoder">
 *     <pattern>%d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg %X %kvp%n</pattern>
 *     <maskKeys>password, authorization</maskKeys>
 *   </encoder>
 * </appender>
 * }</pre>
 */
public class PrivacyPatternLayoutEncoder extends PatternLayoutEncoderBase<ILoggingEvent> {
    private final MaskingSettings settings = new MaskingSettings();

    /** Creates the encoder; Logback does, from {@code logback.xml}. */
    public PrivacyPatternLayoutEncoder() {
    }

    /**
     * Turns the PII detector on or off; on by default. See {@link PrivacyPatternLayout#setDetectPii(boolean)}.
     *
     * @param detectPii whether to run the detector
     */
    public void setDetectPii(boolean detectPii) {
        settings.setDetectPii(detectPii);
    }

    /**
     * Chooses the types the detector looks for. See {@link PrivacyPatternLayout#setPiiTypes(String)}.
     *
     * @param piiTypes comma-separated type names
     */
    public void setPiiTypes(String piiTypes) {
        settings.setPiiTypes(piiTypes);
    }

    /**
     * Sets the detector's confidence threshold. See {@link PrivacyPatternLayout#setMinConfidence(double)}.
     *
     * @param minConfidence from 0 to 1
     */
    public void setMinConfidence(double minConfidence) {
        settings.setMinConfidence(minConfidence);
    }

    /**
     * Chooses {@code MASK} or {@code REDACT} for detected PII. See {@link PrivacyPatternLayout#setPiiReplacement(String)}.
     *
     * @param piiReplacement {@code MASK} or {@code REDACT}
     */
    public void setPiiReplacement(String piiReplacement) {
        settings.setPiiReplacement(piiReplacement);
    }

    /**
     * Masks the values of a key. See {@link PrivacyPatternLayout#addMaskKey(String)}.
     *
     * @param spec {@code key} or {@code key:TYPE}
     */
    public void addMaskKey(String spec) {
        settings.addMaskKey(spec);
    }

    /**
     * Masks the values of several keys. See {@link PrivacyPatternLayout#setMaskKeys(String)}.
     *
     * @param specs comma-separated specs
     */
    public void setMaskKeys(String specs) {
        settings.setMaskKeys(specs);
    }

    @Override
    public void start() {
        PrivacyPatternLayout privacyLayout = new PrivacyPatternLayout();
        privacyLayout.setContext(context);
        privacyLayout.setPattern(getPattern());
        privacyLayout.setOutputPatternAsHeader(outputPatternAsHeader);
        privacyLayout.copySettingsFrom(settings);
        privacyLayout.start();
        this.layout = privacyLayout;
        super.start();
    }
}
