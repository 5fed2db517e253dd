package org.privacykit.logback;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.pattern.EnsureExceptionHandling;
import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;
import ch.qos.logback.core.pattern.Converter;
import ch.qos.logback.core.pattern.ConverterUtil;
import ch.qos.logback.core.pattern.DynamicConverter;

/**
 * Logback's {@code PatternLayout} with personal data masked: the same pattern syntax, where
 * {@code %m}/{@code %msg}/{@code %message}, {@code %X}/{@code %mdc}, {@code %kvp}/{@code %maskedKvp}
 * and every stack-trace word ({@code %ex}, {@code %xEx}, {@code %rEx} and their long forms, and the
 * trace Logback appends when a pattern has none) mask what they write:
 *
 * <ul>
 *   <li>arguments that are annotated objects are rendered by their declarations, as core's
 *       {@code Masked} renders them (the same maskers as JSON output);</li>
 *   <li>the formatted message, MDC values, key-value pairs and stack traces (messages of causes and
 *       suppressed exceptions included) are scanned by core's PII detector;</li>
 *   <li>values of configured keys (MDC, key-value pairs, map arguments, JSON held in a value) are
 *       masked by key.</li>
 * </ul>
 *
 * <pre>{@code
 * <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
 *   <encoder class="ch.qos.logback.core.encoder.LayoutWrappingEncoder">
 *     <layout class="org.privacykit.logback.PrivacyPatternLayout">
 *       <pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg %kvp%n</pattern>
 *       <maskKeys>password, authorization, email:EMAIL</maskKeys>   <!-- optional -->
 *       <piiTypes>EMAIL, PHONE, PAYMENT_CARD, IBAN</piiTypes>        <!-- optional: default all -->
 *     </layout>
 *   </encoder>
 * </appender>
 * }</pre>
 *
 * <p>{@link PrivacyPatternLayoutEncoder} is the short form. Logging never fails because of the
 * layout: a value it cannot render is written {@code [REDACTED]} and the problem is reported to
 * Logback's status manager (type and exception class, never the value).
 */
public class PrivacyPatternLayout extends PatternLayout {
    @SuppressWarnings("rawtypes") // Logback's converter maps hold raw DynamicConverter suppliers
    private static final Map<String, Supplier<DynamicConverter>> CONVERTERS = converters();
    @SuppressWarnings("rawtypes")
    private static final Map<String, Supplier<DynamicConverter>> MASKING_WORDS = maskingWords();

    private final MaskingSettings settings = new MaskingSettings();
    private volatile LogMasking masking;

    /** Creates the layout; Logback does, from {@code logback.xml}. */
    public PrivacyPatternLayout() {
    }

    @SuppressWarnings("rawtypes")
    private static Map<String, Supplier<DynamicConverter>> converters() {
        Map<String, Supplier<DynamicConverter>> map = new HashMap<>(PatternLayout.DEFAULT_CONVERTER_SUPPLIER_MAP);
        for (String word : new String[] {"m", "msg", "message"}) {
            map.put(word, PrivacyMessageConverter::new);
        }
        for (String word : new String[] {"X", "mdc"}) {
            map.put(word, PrivacyMdcConverter::new);
        }
        for (String word : new String[] {"kvp", "maskedKvp"}) {
            map.put(word, PrivacyKeyValuePairConverter::new);
        }
        for (String word : new String[] {"ex", "exception", "throwable"}) {
            map.put(word, PrivacyThrowableConverter::new);
        }
        for (String word : new String[] {"xEx", "xException", "xThrowable"}) {
            map.put(word, PrivacyExtendedThrowableConverter::new);
        }
        for (String word : new String[] {"rEx", "rootException"}) {
            map.put(word, PrivacyRootCauseFirstThrowableConverter::new);
        }
        // Spring Boot's words, registered by its defaults.xml as conversion rules
        map.put("wex", PrivacyWhitespaceThrowableConverter::new);
        map.put("wEx", PrivacyExtendedWhitespaceThrowableConverter::new);
        return Collections.unmodifiableMap(map);
    }

    /** The words that write the message, the MDC, key-value pairs or a stack trace: privacy-logback's own. */
    @SuppressWarnings("rawtypes")
    private static Map<String, Supplier<DynamicConverter>> maskingWords() {
        Map<String, Supplier<DynamicConverter>> words = new HashMap<>(CONVERTERS);
        words.keySet().removeAll(PatternLayout.DEFAULT_CONVERTER_SUPPLIER_MAP.keySet().stream()
                .filter(word -> CONVERTERS.get(word) == PatternLayout.DEFAULT_CONVERTER_SUPPLIER_MAP.get(word)).toList());
        return Collections.unmodifiableMap(words);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Map<String, Supplier<DynamicConverter>> getDefaultConverterSupplierMap() {
        return CONVERTERS;
    }

    /**
     * Turns the PII detector on or off for messages, MDC values, key-value pairs and stack traces;
     * on by default. Annotated arguments and configured keys are masked either way.
     *
     * @param detectPii whether to run the detector
     */
    public void setDetectPii(boolean detectPii) {
        settings.setDetectPii(detectPii);
    }

    /**
     * Chooses the types the detector looks for, comma-separated: {@code EMAIL, PHONE, PAYMENT_CARD,
     * IBAN, IP_ADDRESS, NATIONAL_ID, PASSPORT}; all of them by default.
     *
     * @param piiTypes the type names
     */
    public void setPiiTypes(String piiTypes) {
        settings.setPiiTypes(piiTypes);
    }

    /**
     * Sets the confidence a finding needs, from 0 to 1 (default 0.5), as core's detector takes it.
     *
     * @param minConfidence the threshold
     */
    public void setMinConfidence(double minConfidence) {
        settings.setMinConfidence(minConfidence);
    }

    /**
     * Chooses what replaces detected PII: {@code MASK} (the type's mask, {@code a***@example.com};
     * the default) or {@code REDACT} (the type in brackets, {@code [EMAIL]}).
     *
     * @param piiReplacement {@code MASK} or {@code REDACT}
     */
    public void setPiiReplacement(String piiReplacement) {
        settings.setPiiReplacement(piiReplacement);
    }

    /**
     * Masks the values of a key wherever it appears (MDC, key-value pairs, keys of map arguments,
     * JSON held in a value), without regard to case: {@code password} hides the whole value
     * ({@code ****}); {@code email:EMAIL} masks it as that personal data type does. Repeatable.
     *
     * @param spec {@code key} or {@code key:TYPE}
     */
    public void addMaskKey(String spec) {
        settings.addMaskKey(spec);
    }

    /**
     * Masks the values of several keys: a comma-separated list of {@link #addMaskKey(String)} specs.
     *
     * @param specs such as {@code password, authorization, email:EMAIL}
     */
    public void setMaskKeys(String specs) {
        settings.setMaskKeys(specs);
    }

    /** The encoder's way to pass its settings to the layout it builds. */
    void copySettingsFrom(MaskingSettings source) {
        source.copyTo(settings);
    }

    @Override
    public void start() {
        // a <conversionRule> in the configuration (Spring Boot's defaults.xml registers %wEx, %wex and
        // %clr) would otherwise replace a masking word: the instance map is consulted last, so it wins
        getInstanceConverterMap().putAll(MASKING_WORDS);
        LogMasking built = settings.build(this);
        masking = built;
        setPostCompileProcessor((context, head) -> {
            if (!new EnsureExceptionHandling().chainHandlesThrowable(head)) {
                // as Logback appends its own: the extended trace when packaging data is on
                boolean packaging = context instanceof LoggerContext && ((LoggerContext) context).isPackagingDataEnabled();
                ConverterUtil.findTail(head).setNext(packaging
                        ? new PrivacyExtendedThrowableConverter() : new PrivacyThrowableConverter());
            }
            configure(head, built);
            warnOfUnmaskedTraces(head);
        });
        super.start();
    }

    /**
     * Warns when the pattern holds a stack-trace word this layout does not mask (one a
     * {@code <conversionRule>} brought in, such as Spring Boot's {@code %wEx}): its traces are
     * written as they are.
     */
    private void warnOfUnmaskedTraces(Converter<ILoggingEvent> head) {
        for (Converter<ILoggingEvent> c = head; c != null; c = c.getNext()) {
            if (c instanceof ThrowableHandlingConverter && !(c instanceof PrivacyThrowableConverter
                    || c instanceof PrivacyExtendedThrowableConverter || c instanceof PrivacyRootCauseFirstThrowableConverter)) {
                addWarn("privacy-logback: the pattern's stack-trace converter " + c.getClass().getName()
                        + " is not one of privacy-logback's: the traces it writes are not masked;"
                        + " use %ex, %xEx or %rEx");
            } else if (c instanceof CompositeConverter) {
                warnOfUnmaskedTraces(((CompositeConverter<ILoggingEvent>) c).getChildConverter());
            }
        }
    }

    /** Hands the masking to every privacy converter of a chain, including those inside composites. */
    static void configure(Converter<ILoggingEvent> head, LogMasking masking) {
        for (Converter<ILoggingEvent> c = head; c != null; c = c.getNext()) {
            if (c instanceof PrivacyMessageConverter) {
                ((PrivacyMessageConverter) c).useMasking(masking);
            } else if (c instanceof PrivacyMdcConverter) {
                ((PrivacyMdcConverter) c).useMasking(masking);
            } else if (c instanceof PrivacyKeyValuePairConverter) {
                ((PrivacyKeyValuePairConverter) c).useMasking(masking);
            } else if (c instanceof PrivacyThrowableConverter) {
                ((PrivacyThrowableConverter) c).useMasking(masking);
            } else if (c instanceof PrivacyExtendedThrowableConverter) {
                ((PrivacyExtendedThrowableConverter) c).useMasking(masking);
            } else if (c instanceof PrivacyRootCauseFirstThrowableConverter) {
                ((PrivacyRootCauseFirstThrowableConverter) c).useMasking(masking);
            } else if (c instanceof CompositeConverter) {
                configure(((CompositeConverter<ILoggingEvent>) c).getChildConverter(), masking);
            }
        }
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        try {
            return super.doLayout(event);
        } catch (Throwable e) {
            LogMasking.rethrowIfFatal(e);
            LogMasking m = masking;
            if (m != null) {
                m.report("a converter of the pattern failed; the line", PrivacyPatternLayout.class, e);
            }
            return "[REDACTED]" + System.lineSeparator();
        }
    }
}
