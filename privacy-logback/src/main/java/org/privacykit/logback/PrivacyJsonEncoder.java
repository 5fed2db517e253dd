package org.privacykit.logback;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.encoder.EncoderBase;
import org.privacykit.mask.Masker;
import org.privacykit.mask.Maskers;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * Writes each event as one line of JSON, with personal data masked:
 *
 * <pre>{@code
 * {"timestamp":"2026-11-29T09:15:02.113Z","level":"INFO","thread":"http-nio-8080-exec-1",
 *  "logger":"com.example.Orders","message":"paid by Customer[id=c-1001, fullName=A. L., email=a***@example.com, ...]",
 *  "mdc":{"requestId":"r-7","authorization":"****"},"kv":{"orderId":"o-1","amount":42},
 *  "markers":["AUDIT"],"exception":{"class":"java.lang.IllegalStateException","message":"card **** **** **** 1111 declined",
 *  "stackTrace":"java.lang.IllegalStateException: card **** **** **** 1111 declined\n\tat ..."}}
 * }</pre>
 *
 * <ul>
 *   <li>{@code message}: annotated arguments rendered by their declarations (the same maskers as JSON
 *       API output), then the PII detector over the formatted message;</li>
 *   <li>{@code mdc} and {@code kv}: values of configured keys ({@code maskKey}) masked by key, other
 *       values scanned by the detector; numbers and booleans of key-value pairs stay JSON numbers and
 *       booleans unless the detector finds PII in them;</li>
 *   <li>any value holding a JSON object or array (an HTTP body passed as an argument, an MDC entry)
 *       is masked by key by core's {@code JsonMasker}, with the same keys;</li>
 *   <li>{@code exception}: class, message and the stack trace as Logback renders it, scanned by the
 *       detector as a whole (causes and suppressed exceptions included).</li>
 * </ul>
 *
 * <pre>{@code
 * <appender name="JSON" class="ch.qos.logback.core.ConsoleAppender">
 *   <encoder class="org.privacykit.logback.PrivacyJsonEncoder">
 *     <maskKeys>password, authorization, token, email:EMAIL</maskKeys>
 *     <includeThreadName>true</includeThreadName>
 *   </encoder>
 * </appender>
 * }</pre>
 *
 * <p>Encoding never fails: a value that cannot be rendered is written {@code "[REDACTED]"}, and an
 * event that cannot be written at all becomes a line with its time, level, logger and
 * {@code "message":"[REDACTED]"}; each problem is reported to Logback's status manager (type and
 * exception class, never the value).
 */
public class PrivacyJsonEncoder extends EncoderBase<ILoggingEvent> {
    private final MaskingSettings settings = new MaskingSettings();
    private boolean includeThreadName = true;
    private boolean includeMdc = true;
    private boolean includeKeyValuePairs = true;
    private boolean includeMarkers = true;
    private boolean includeStackTrace = true;

    private volatile LogMasking masking;
    private final AtomicBoolean notStartedReported = new AtomicBoolean();
    private PrivacyThrowableConverter stackTraces;

    /** Creates the encoder; Logback does, from {@code logback.xml}. */
    public PrivacyJsonEncoder() {
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
     * Masks the values of a key: in {@code mdc}, in {@code kv}, in map arguments and in JSON held in
     * any value (through {@code JsonMasker}). See {@link PrivacyPatternLayout#addMaskKey(String)}.
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
     * Writes the thread name ({@code thread}); on by default.
     *
     * @param include whether to write it
     */
    public void setIncludeThreadName(boolean include) {
        this.includeThreadName = include;
    }

    /**
     * Writes the MDC ({@code mdc}); on by default.
     *
     * @param include whether to write it
     */
    public void setIncludeMdc(boolean include) {
        this.includeMdc = include;
    }

    /**
     * Writes SLF4J's key-value pairs ({@code kv}); on by default.
     *
     * @param include whether to write them
     */
    public void setIncludeKeyValuePairs(boolean include) {
        this.includeKeyValuePairs = include;
    }

    /**
     * Writes the markers' names ({@code markers}); on by default.
     *
     * @param include whether to write them
     */
    public void setIncludeMarkers(boolean include) {
        this.includeMarkers = include;
    }

    /**
     * Writes the stack trace of an exception ({@code exception.stackTrace}); on by default. Class and
     * message are written either way.
     *
     * @param include whether to write it
     */
    public void setIncludeStackTrace(boolean include) {
        this.includeStackTrace = include;
    }

    @Override
    public void start() {
        LogMasking built = settings.build(this);
        stackTraces = new PrivacyThrowableConverter();
        stackTraces.setContext(getContext());
        stackTraces.useMasking(built);
        stackTraces.start();
        masking = built;
        super.start();
    }

    @Override
    public void stop() {
        if (stackTraces != null) {
            stackTraces.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        LogMasking m = masking;
        if (m == null) {
            if (notStartedReported.compareAndSet(false, true)) {
                addError("privacy-logback: PrivacyJsonEncoder was not started; events are written without their message");
            }
            return fallback(event);
        }
        try {
            return write(event, m);
        } catch (Throwable e) {
            LogMasking.rethrowIfFatal(e);
            m.report("writing an event as JSON failed", PrivacyJsonEncoder.class, e);
            return fallback(event);
        }
    }

    private byte[] write(ILoggingEvent event, LogMasking m) {
        JsonLine g = new JsonLine();
        g.writeStartObject();
        g.writeStringField("timestamp", timestamp(event));
        g.writeStringField("level", String.valueOf(event.getLevel()));
        if (includeThreadName) {
            string(g, "thread", event.getThreadName());
        }
        string(g, "logger", event.getLoggerName());
        string(g, "message", m.message(event));
        if (includeMdc) {
            mdc(g, event.getMDCPropertyMap(), m);
        }
        if (includeKeyValuePairs) {
            keyValuePairs(g, event.getKeyValuePairs(), m);
        }
        if (includeMarkers) {
            markers(g, event.getMarkerList());
        }
        exception(g, event, m);
        g.writeEndObject();
        return g.toLine();
    }

    private static void string(JsonLine g, String name, String value) {
        g.writeFieldName(wellFormed(name));
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(wellFormed(value));
        }
    }

    /**
     * Replaces unpaired surrogates, which UTF-8 cannot encode, with U+FFFD,
     * as Logback's pattern encoders do with {@code ?}. Returns the string itself when it is well formed.
     */
    static String wellFormed(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return replaceUnpaired(text);
            }
        }
        return text;
    }

    private static String replaceUnpaired(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    private static String timestamp(ILoggingEvent event) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(event.getTimeStamp()));
    }

    private static void mdc(JsonLine g, Map<String, String> mdc, LogMasking m) {
        if (mdc == null || mdc.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("mdc");
        for (Map.Entry<String, String> entry : mdc.entrySet()) {
            string(g, String.valueOf(entry.getKey()), m.keyed(entry.getKey(), entry.getValue()));
        }
        g.writeEndObject();
    }

    private static void keyValuePairs(JsonLine g, List<KeyValuePair> pairs, LogMasking m) {
        if (pairs == null || pairs.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("kv");
        for (KeyValuePair pair : pairs) {
            g.writeFieldName(wellFormed(String.valueOf(pair.key)));
            Object value = pair.value;
            Masker masker = m.keyMasker(pair.key);
            if (value == null) {
                g.writeNull();
            } else if (masker != null) {
                g.writeString(wellFormed(masker.mask(m.argument(value))));
            } else if (value instanceof Boolean) {
                g.writeBoolean((Boolean) value);
            } else if (isJsonNumber(value)) {
                String text = value.toString();
                String scanned = m.text(pair.key, text);
                if (scanned.equals(text)) {
                    g.writeNumber(text);
                } else {
                    g.writeString(wellFormed(scanned));
                }
            } else {
                g.writeString(wellFormed(m.text(pair.key, m.argument(value)))); // what keyed() does without a masker
            }
        }
        g.writeEndObject();
    }

    private static boolean isJsonNumber(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof BigDecimal) {
            return true;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return !Double.isNaN(d) && !Double.isInfinite(d);
        }
        return false;
    }

    private static void markers(JsonLine g, List<Marker> markers) {
        if (markers == null || markers.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("markers");
        for (Marker marker : markers) {
            g.writeString(wellFormed(marker.getName()));
        }
        g.writeEndArray();
    }

    private void exception(JsonLine g, ILoggingEvent event, LogMasking m) {
        IThrowableProxy proxy = event.getThrowableProxy();
        if (proxy == null) {
            return;
        }
        g.writeObjectFieldStart("exception");
        string(g, "class", proxy.getClassName());
        String message = proxy.getMessage();
        if (message == null) {
            g.writeNullField("message");
        } else {
            string(g, "message", m.text(message));
        }
        if (includeStackTrace) {
            string(g, "stackTrace", stackTraces.convert(event));
        }
        g.writeEndObject();
    }

    /** The line written when an event cannot be: time, level and logger, and no message. */
    private static byte[] fallback(ILoggingEvent event) {
        StringBuilder out = new StringBuilder(128).append("{\"timestamp\":\"");
        try {
            out.append(timestamp(event)).append("\",\"level\":\"").append(event.getLevel())
                    .append("\",\"logger\":");
            JsonLine.quote(wellFormed(String.valueOf(event.getLoggerName())), out);
        } catch (RuntimeException e) {
            out.setLength(0);
            out.append("{\"timestamp\":\"").append(Instant.now()).append("\",\"level\":\"?\",\"logger\":\"?\"");
        }
        out.append(",\"message\":\"").append(Maskers.REDACTED).append("\"}\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
