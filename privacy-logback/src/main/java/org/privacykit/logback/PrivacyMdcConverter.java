package org.privacykit.logback;

import java.util.Map;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.util.OptionHelper;

/**
 * {@code %X} / {@code %mdc} with personal data masked: each MDC value is masked by its key when the
 * key is configured ({@code maskKey}), otherwise scanned by the PII detector. {@code %X{key}} writes
 * one value, {@code %X{key:-default}} a literal default when it is absent, {@code %X} every entry as
 * {@code k1=v1, k2=v2}, as Logback's own converter does.
 *
 * <pre>{@code
 * <conversionRule conversionWord="X" class="org.privacykit.logback.PrivacyMdcConverter"/>
 * <conversionRule conversionWord="mdc" class="org.privacykit.logback.PrivacyMdcConverter"/>
 * }</pre>
 */
public class PrivacyMdcConverter extends ClassicConverter {
    private final ConverterMasking masking = new ConverterMasking(this, "rendering the MDC failed");
    private String key;
    private String defaultValue = "";

    /** Creates the converter; Logback does, from the pattern. */
    public PrivacyMdcConverter() {
    }

    void useMasking(LogMasking masking) {
        this.masking.use(masking);
    }

    @Override
    public void start() {
        masking.get();
        String[] keyAndDefault = OptionHelper.extractDefaultReplacement(getFirstOption());
        key = keyAndDefault[0];
        if (keyAndDefault[1] != null) {
            defaultValue = keyAndDefault[1];
        }
        super.start();
    }

    @Override
    public String convert(ILoggingEvent event) {
        LogMasking m = masking.get();
        try {
            Map<String, String> mdc = event.getMDCPropertyMap();
            if (key == null) {
                if (mdc == null || mdc.isEmpty()) {
                    return "";
                }
                StringBuilder out = new StringBuilder();
                for (Map.Entry<String, String> entry : mdc.entrySet()) {
                    if (out.length() > 0) {
                        out.append(", ");
                    }
                    out.append(entry.getKey()).append('=').append(m.keyed(entry.getKey(), entry.getValue()));
                }
                return out.toString();
            }
            String value = mdc == null ? null : mdc.get(key);
            return value == null ? defaultValue : m.keyed(key, value);
        } catch (Throwable e) {
            return masking.failed(e);
        }
    }
}
