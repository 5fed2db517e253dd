package org.privacykit.logback;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.privacykit.mask.Maskers;
import org.slf4j.event.KeyValuePair;

/**
 * {@code %kvp} with personal data masked: each value of SLF4J's key-value pairs
 * ({@code log.atInfo().addKeyValue("email", email).log("signup")}) is rendered as an argument
 * (annotated objects masked by their declarations), masked by its key when the key is configured,
 * and otherwise scanned by the PII detector. Written as {@code k1="v1" k2="v2"}; the option
 * {@code NONE}, {@code SINGLE} or {@code DOUBLE} chooses the quotes as for Logback's {@code %kvp}.
 * Other options are keys whose values are masked fully, as for Logback's {@code %maskedKvp}.
 *
 * <pre>{@code
 * <conversionRule conversionWord="kvp" class="org.privacykit.logback.PrivacyKeyValuePairConverter"/>
 * }</pre>
 */
public class PrivacyKeyValuePairConverter extends ClassicConverter {
    /** What a key named in the options writes: the full mask, which does not depend on the value. */
    private static final String FULLY_MASKED = Maskers.full().mask("");

    private final ConverterMasking masking = new ConverterMasking(this, "rendering key-value pairs failed");
    private String quote = "\"";
    private final Set<String> maskedKeys = new HashSet<>();

    /** Creates the converter; Logback does, from the pattern. */
    public PrivacyKeyValuePairConverter() {
    }

    void useMasking(LogMasking masking) {
        this.masking.use(masking);
    }

    @Override
    public void start() {
        masking.get();
        List<String> options = getOptionList();
        if (options != null) {
            for (String option : options) {
                String upper = option.trim().toUpperCase(Locale.ROOT);
                if (upper.equals("NONE")) {
                    quote = "";
                } else if (upper.equals("SINGLE")) {
                    quote = "'";
                } else if (upper.equals("DOUBLE")) {
                    quote = "\"";
                } else if (!upper.isEmpty()) {
                    maskedKeys.add(option.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        super.start();
    }

    @Override
    public String convert(ILoggingEvent event) {
        LogMasking m = masking.get();
        try {
            List<KeyValuePair> pairs = event.getKeyValuePairs();
            if (pairs == null || pairs.isEmpty()) {
                return "";
            }
            StringBuilder out = new StringBuilder();
            for (KeyValuePair pair : pairs) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(pair.key).append('=').append(quote);
                if (pair.key != null && maskedKeys.contains(pair.key.toLowerCase(Locale.ROOT))) {
                    out.append(FULLY_MASKED);
                } else {
                    out.append(m.keyed(pair.key, pair.value));
                }
                out.append(quote);
            }
            return out.toString();
        } catch (Throwable e) {
            return masking.failed(e);
        }
    }
}
