package org.privacykit.logback;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.AppenderAttachable;

/**
 * Masks the events another encoder writes, whatever that encoder is: a pattern encoder with any
 * conversion words (Spring Boot's {@code %wEx} and {@code %clr} included), Logback's
 * {@code JsonEncoder}, Spring Boot's structured logging (ECS, Logstash, GELF) or a third-party
 * encoder. The wrapped encoder sees a masked view of each event: the message with its arguments
 * rendered by their declarations and scanned by the PII detector, the MDC and key-value pairs by
 * key and detector, and the exception with the message of each throwable in its chain masked
 * (class names and stack frames are kept). The event's arguments are not passed on: they are in
 * the masked message.
 *
 * <pre>{@code
 * <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
 *   <encoder class="org.privacykit.logback.MaskingEncoder">
 *     <encoder class="ch.qos.logback.classic.encoder.JsonEncoder"/>
 *     <maskKeys>password, email:EMAIL</maskKeys>
 *   </encoder>
 * </appender>
 * }</pre>
 *
 * <p>The Spring Boot starters put one around every appender's encoder when the application starts,
 * so Spring Boot's default console and file logging is masked with no configuration.
 */
public class MaskingEncoder extends EncoderBase<ILoggingEvent> {
    private final MaskingSettings settings = new MaskingSettings();
    private Encoder<ILoggingEvent> encoder;
    private LogMasking masking;

    /** Creates the encoder; Logback does, from {@code logback.xml}. */
    public MaskingEncoder() {
    }

    /**
     * Sets the encoder that writes the masked events.
     *
     * @param encoder the wrapped encoder
     */
    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    /**
     * Returns the wrapped encoder.
     *
     * @return the encoder that writes the masked events, or {@code null} before it is set
     */
    public Encoder<ILoggingEvent> getEncoder() {
        return encoder;
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

    /**
     * Puts a masking encoder around the encoder of every appender of a context that writes through one
     * and does not mask already (privacy-logback's own encoders and layout are left as they are),
     * including the appenders inside asynchronous appenders. The Spring Boot starters call it once
     * Spring Boot has configured logging, so its default console and file appenders, and structured
     * logging, are masked.
     *
     * @param context the logging context
     * @param configure sets the masking settings of each new encoder, before it starts
     * @return the names of the appenders that write without an encoder (a socket or syslog appender,
     *         say), which this cannot mask; empty when every appender masks
     */
    public static List<String> maskAppenders(LoggerContext context, Consumer<? super MaskingEncoder> configure) {
        List<String> unmasked = new ArrayList<>();
        Set<Appender<ILoggingEvent>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Logger logger : context.getLoggerList()) {
            maskAppenders(logger, context, configure, seen, unmasked);
        }
        return unmasked;
    }

    private static void maskAppenders(AppenderAttachable<ILoggingEvent> attachable, LoggerContext context,
                                      Consumer<? super MaskingEncoder> configure, Set<Appender<ILoggingEvent>> seen,
                                      List<String> unmasked) {
        for (Iterator<Appender<ILoggingEvent>> it = attachable.iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> appender = it.next();
            if (!seen.add(appender)) {
                continue;
            }
            if (appender instanceof OutputStreamAppender<ILoggingEvent> writer) {
                Encoder<ILoggingEvent> encoder = writer.getEncoder();
                if (encoder != null && !masks(encoder)) {
                    MaskingEncoder masking = new MaskingEncoder();
                    masking.setContext(context);
                    masking.setEncoder(encoder);
                    configure.accept(masking);
                    masking.start();
                    writer.setEncoder(masking);
                }
            } else if (appender instanceof AppenderAttachable<?>) {
                @SuppressWarnings("unchecked") // an appender of logging events attaches appenders of logging events
                AppenderAttachable<ILoggingEvent> nested = (AppenderAttachable<ILoggingEvent>) appender;
                maskAppenders(nested, context, configure, seen, unmasked);
            } else {
                unmasked.add(appender.getName() + " (" + appender.getClass().getName() + ")");
            }
        }
    }

    /** Whether an encoder is privacy-logback's, and so masks already. */
    private static boolean masks(Encoder<ILoggingEvent> encoder) {
        return encoder instanceof MaskingEncoder || encoder instanceof PrivacyPatternLayoutEncoder
                || encoder instanceof PrivacyJsonEncoder
                || (encoder instanceof LayoutWrappingEncoder<ILoggingEvent> wrapping
                        && wrapping.getLayout() instanceof PrivacyPatternLayout);
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("privacy-logback: MaskingEncoder needs an <encoder> to wrap; nothing will be written");
            return;
        }
        masking = settings.build(this);
        if (!encoder.isStarted()) {
            encoder.start();
        }
        super.start();
    }

    @Override
    public void stop() {
        if (encoder != null) {
            encoder.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return encoder == null ? null : encoder.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        if (masking == null) {
            return new byte[0];
        }
        return encoder.encode(new MaskedLoggingEvent(event, masking));
    }

    @Override
    public byte[] footerBytes() {
        return encoder == null ? null : encoder.footerBytes();
    }
}
