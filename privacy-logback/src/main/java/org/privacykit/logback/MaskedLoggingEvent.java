package org.privacykit.logback;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * A masked view of an event, for an encoder that does not mask ({@link MaskingEncoder}): the
 * message, MDC values, key-value pairs and exception messages masked, each computed once on first
 * use; logger, thread, level, time, markers and caller data as they are. The arguments are not
 * passed on (they are in the masked message), so an encoder that formats the message itself finds
 * the masked text and no arguments.
 */
final class MaskedLoggingEvent implements ILoggingEvent {
    private final ILoggingEvent event;
    private final LogMasking masking;
    private String message;
    private Map<String, String> mdc;
    private List<KeyValuePair> keyValuePairs;
    private IThrowableProxy throwable;
    private boolean throwableMasked;

    MaskedLoggingEvent(ILoggingEvent event, LogMasking masking) {
        this.event = event;
        this.masking = masking;
    }

    @Override
    public String getMessage() {
        return getFormattedMessage();
    }

    @Override
    public Object[] getArgumentArray() {
        return null;
    }

    @Override
    public String getFormattedMessage() {
        if (message == null) {
            String m;
            try {
                m = masking.message(event);
            } catch (Throwable e) {
                LogMasking.rethrowIfFatal(e);
                masking.report("rendering a message failed", MaskingEncoder.class, e);
                m = org.privacykit.mask.Maskers.REDACTED;
            }
            message = m;
        }
        return message;
    }

    @Override
    public Map<String, String> getMDCPropertyMap() {
        if (mdc == null) {
            Map<String, String> original = event.getMDCPropertyMap();
            if (original == null || original.isEmpty()) {
                mdc = original == null ? Map.of() : original;
            } else {
                Map<String, String> masked = new LinkedHashMap<>(original.size() * 2);
                original.forEach((key, value) -> masked.put(key, value == null ? null : masking.keyed(key, value)));
                mdc = Collections.unmodifiableMap(masked);
            }
        }
        return mdc;
    }

    @Override
    @Deprecated
    @SuppressWarnings("InlineMeSuggester") // Logback's deprecated interface method, implemented, not ours to inline
    public Map<String, String> getMdc() {
        return getMDCPropertyMap();
    }

    @Override
    public List<KeyValuePair> getKeyValuePairs() {
        if (keyValuePairs == null) {
            List<KeyValuePair> original = event.getKeyValuePairs();
            if (original == null || original.isEmpty()) {
                keyValuePairs = original;
            } else {
                List<KeyValuePair> masked = new ArrayList<>(original.size());
                for (KeyValuePair pair : original) {
                    masked.add(new KeyValuePair(pair.key, pair.value == null ? null : masking.keyed(pair.key, pair.value)));
                }
                keyValuePairs = Collections.unmodifiableList(masked);
            }
        }
        return keyValuePairs;
    }

    @Override
    public IThrowableProxy getThrowableProxy() {
        if (!throwableMasked) {
            IThrowableProxy original = event.getThrowableProxy();
            try {
                throwable = original == null ? null : MaskedThrowableProxy.of(original, masking);
            } catch (Throwable e) {
                LogMasking.rethrowIfFatal(e);
                masking.report("masking an exception failed; its trace is left out", MaskingEncoder.class, e);
                throwable = null;
            }
            throwableMasked = true;
        }
        return throwable;
    }

    @Override
    public String getThreadName() {
        return event.getThreadName();
    }

    @Override
    public Level getLevel() {
        return event.getLevel();
    }

    @Override
    public String getLoggerName() {
        return event.getLoggerName();
    }

    @Override
    public LoggerContextVO getLoggerContextVO() {
        return event.getLoggerContextVO();
    }

    @Override
    public StackTraceElement[] getCallerData() {
        return event.getCallerData();
    }

    @Override
    public boolean hasCallerData() {
        return event.hasCallerData();
    }

    @Override
    public List<Marker> getMarkerList() {
        return event.getMarkerList();
    }

    @Override
    public long getTimeStamp() {
        return event.getTimeStamp();
    }

    @Override
    public java.time.Instant getInstant() {
        return event.getInstant();
    }

    @Override
    public int getNanoseconds() {
        return event.getNanoseconds();
    }

    @Override
    public long getSequenceNumber() {
        return event.getSequenceNumber();
    }

    @Override
    public void prepareForDeferredProcessing() {
        event.prepareForDeferredProcessing();
        getFormattedMessage();
        getMDCPropertyMap();
        getKeyValuePairs();
        getThrowableProxy();
    }

    @Override
    public String toString() {
        return "[" + getLevel() + "] " + getFormattedMessage();
    }
}
