package org.privacykit.logback;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.spi.ContextAware;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.detect.PiiDetector;
import org.privacykit.detect.PiiFinding;
import org.privacykit.json.JsonMasker;
import org.privacykit.mask.Masked;
import org.privacykit.mask.Masker;
import org.privacykit.mask.Maskers;
import org.privacykit.mask.ContainerRenderer;
import org.privacykit.metadata.PrivacyMetadata;
import org.slf4j.helpers.MessageFormatter;

/**
 * How one layout, encoder or converter masks what it writes: annotated arguments through core's
 * {@link Masked} (the same declarations and maskers as JSON), values of configured keys with their
 * masker, JSON held in a value by key through {@link JsonMasker}, and every text through the PII
 * detector. Immutable and thread-safe; built from {@link MaskingSettings}.
 *
 * <p>Nothing here throws: a value that cannot be rendered is written as {@link Maskers#REDACTED}
 * and the problem is reported once per type to Logback's status manager, naming the type and the
 * exception class, never the value or the exception's message (which may quote the value).
 */
final class LogMasking {
    /** Distinct problems reported to the status manager; after these, one warning says that further ones are not. */
    private static final int MAX_REPORTED = 64;

    /** The detector's own masks (its {@code mask} method), so that a text is scanned once. */
    private static final Map<PersonalDataType, Masker> PII_MASKERS = piiMaskers();

    private final PiiDetector detector;
    private final boolean redactPii;
    private final Map<String, Masker> keyMaskers;
    private final JsonMasker jsonMasker;
    private final ContextAware reporter;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean silenced = new AtomicBoolean();

    LogMasking(PiiDetector detector, boolean redactPii, Map<String, Masker> keyMaskers, ContextAware reporter) {
        this.detector = detector;
        this.redactPii = redactPii;
        this.keyMaskers = Map.copyOf(keyMaskers);
        JsonMasker.Builder json = JsonMasker.builder();
        keyMaskers.forEach(json::maskKey);
        this.jsonMasker = keyMaskers.isEmpty() ? null : json.build();
        this.reporter = reporter;
    }

    private static Map<PersonalDataType, Masker> piiMaskers() {
        Map<PersonalDataType, Masker> maskers = new EnumMap<>(PersonalDataType.class);
        for (PersonalDataType type : PiiDetector.supportedTypes()) {
            maskers.put(type, Maskers.of(type.defaultMask(), -1, -1, '*'));
        }
        return maskers;
    }

    /** The masking of a converter used on its own: every detector type, masked, no keys. */
    static LogMasking defaults(ContextAware reporter) {
        return new LogMasking(PiiDetector.defaults(), false, Map.of(), reporter);
    }

    /**
     * Renders an event's message with its arguments: each argument as {@link #argument(Object)},
     * placed by SLF4J's formatter, then the whole text through the detector.
     */
    String message(ILoggingEvent event) {
        String pattern = event.getMessage();
        Object[] arguments = event.getArgumentArray();
        String text;
        if (arguments == null || arguments.length == 0 || pattern == null) {
            text = pattern == null ? "null" : json(pattern);
        } else if (writtenAsTheyAre(arguments)) {
            text = event.getFormattedMessage(); // Logback formats every event once anyway, and keeps it
        } else {
            Object[] rendered = new Object[arguments.length];
            for (int i = 0; i < arguments.length; i++) {
                rendered[i] = argument(arguments[i]);
            }
            text = MessageFormatter.basicArrayFormat(pattern, rendered);
        }
        return text(text);
    }

    /**
     * Whether {@link #argument(Object)} would write each argument as SLF4J's formatter does: nulls,
     * strings that are not JSON (or no key is masked), numbers, booleans, characters, UUIDs and
     * {@code java.time} values. Then the event's own formatted message is the text to scan.
     */
    private boolean writtenAsTheyAre(Object[] arguments) {
        for (Object argument : arguments) {
            if (argument == null) {
                continue;
            }
            if (argument instanceof String) {
                if (jsonMasker != null && looksLikeJson((String) argument)) {
                    return false;
                }
            } else if (Kind.of(argument.getClass()) != Kind.SCALAR) {
                return false;
            }
        }
        return true;
    }

    /**
     * Renders one argument for a log line, before the detector runs over the line: annotated objects
     * masked by their declarations, containers element by element, JSON by key, anything else by
     * its {@code toString}; {@link Maskers#REDACTED} when that fails.
     */
    String argument(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return json((String) value);
        }
        try {
            switch (Kind.of(value.getClass())) {
                case ANNOTATED:
                    return Masked.toString(value);
                case CONTAINER:
                    StringBuilder out = new StringBuilder(64);
                    new ContainerText(out).render(value, null);
                    return out.toString();
                case INVALID:
                    report("its privacy declarations are invalid", value.getClass(), null);
                    return Maskers.REDACTED;
                default:
                    return json(String.valueOf(value));
            }
        } catch (Throwable e) {
            rethrowIfFatal(e);
            report("rendering an argument failed", value.getClass(), e);
            return Maskers.REDACTED;
        }
    }

    /**
     * Renders the value of a key (MDC entry, key-value pair): a configured key's masker, or the
     * argument rendering and the detector.
     */
    String keyed(String key, Object value) {
        if (value == null) {
            return "null";
        }
        Masker masker = keyMasker(key);
        if (masker != null) {
            return masker.mask(argument(value));
        }
        return text(key, argument(value));
    }

    /**
     * Runs the detector over a value with its key before it, so that the key serves as the context
     * word some findings need ({@code phone=02079460958}, {@code ssn=078051120}), and returns the
     * value's part, masked. One scan; a finding that starts in the key is masked from the value's start.
     */
    String text(String key, String value) {
        if (detector == null || key == null || key.isEmpty() || value == null || value.isEmpty()) {
            return text(value);
        }
        String prefix = key + ": ";
        return masked(prefix + value, prefix.length(), value);
    }

    /** The masker configured for a key, matched without regard to case, or {@code null}. */
    Masker keyMasker(String key) {
        if (keyMaskers.isEmpty() || key == null) {
            return null;
        }
        return keyMaskers.get(key.toLowerCase(Locale.ROOT));
    }

    /** Runs the detector over a text: each finding masked with its type's mask, or redacted to {@code [TYPE]}. */
    String text(String text) {
        if (detector == null || text == null || text.isEmpty()) {
            return text;
        }
        return masked(text, 0, text);
    }

    /**
     * Masks the findings in {@code text} and returns its part from {@code from} on; {@code clean}
     * is that part as it stands, returned without a copy when nothing is found.
     */
    private String masked(String text, int from, String clean) {
        try {
            List<PiiFinding> findings = detector.detect(text);
            if (findings.isEmpty()) {
                return clean;
            }
            StringBuilder out = new StringBuilder(text.length() - from + 16);
            int at = from;
            for (PiiFinding f : findings) {
                if (f.end() <= from) {
                    continue; // inside the key
                }
                int start = Math.max(f.start(), from);
                out.append(text, at, start);
                if (redactPii) {
                    out.append('[').append(f.type().name()).append(']');
                } else {
                    out.append(PII_MASKERS.get(f.type()).mask(text.substring(start, f.end())));
                }
                at = f.end();
            }
            return out.append(text, at, text.length()).toString();
        } catch (Throwable e) {
            rethrowIfFatal(e);
            report("the PII detector failed on a text", String.class, e);
            return Maskers.REDACTED;
        }
    }

    /**
     * Lets errors of the virtual machine itself through (out of memory, internal errors): nothing a
     * log line can fix. A stack overflow, from a {@code toString} that calls itself, is not one.
     */
    static void rethrowIfFatal(Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            throw (VirtualMachineError) e;
        }
    }

    /** Masks a JSON object or array held in a string by key; any other string is returned as it is. */
    private String json(String value) {
        if (jsonMasker == null || !looksLikeJson(value)) {
            return value;
        }
        try {
            return jsonMasker.mask(value);
        } catch (RuntimeException notJson) {
            // text that starts like JSON but is not (cut off, past a limit): without a key to mask
            // it by, the detector still scans it; holding a masked key, it is redacted whole
            if (!holdsMaskedKey(value)) {
                return value;
            }
            report("masking JSON held in a value failed", JsonMasker.class, notJson);
            return Maskers.REDACTED;
        }
    }

    private boolean holdsMaskedKey(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        for (String key : keyMaskers.keySet()) {
            if (lower.contains(key)) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeJson(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '{' || c == '[') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return false;
    }

    /**
     * Reports a problem once per what, type and exception class: never the value, never the
     * exception's message (it may quote the value), never its stack trace (its causes may).
     */
    void report(String what, Class<?> type, Throwable error) {
        String problem = what + " (" + type.getName() + (error == null ? "" : ": " + error.getClass().getName()) + ")";
        if (reporter == null || reported.contains(problem)) {
            return;
        }
        if (reported.size() >= MAX_REPORTED) {
            if (silenced.compareAndSet(false, true)) {
                reporter.addWarn("privacy-logback: more than " + MAX_REPORTED
                        + " distinct rendering problems; further ones are not reported");
            }
            return;
        }
        if (reported.add(problem)) {
            reporter.addError("privacy-logback: " + problem + "; the value was written as " + Maskers.REDACTED);
        }
    }

    @Override
    public String toString() {
        return "LogMasking[" + (detector == null ? "no PII detection" : (redactPii ? "redacting " : "masking ")
                + detector.types()) + ", " + keyMaskers.size() + " masked keys]";
    }

    /** What an argument's class calls for, decided once per class. */
    enum Kind {
        /** A JDK value whose {@code toString} is never JSON and never throws: written as SLF4J writes it. */
        SCALAR, PLAIN, ANNOTATED, CONTAINER, INVALID;

        private static final Set<Class<?>> SCALARS = Set.of(Integer.class, Long.class, Short.class, Byte.class,
                Double.class, Float.class, Boolean.class, Character.class, BigInteger.class, BigDecimal.class,
                UUID.class, Instant.class, Duration.class, LocalDate.class, LocalTime.class, LocalDateTime.class,
                OffsetDateTime.class, ZonedDateTime.class);

        private static final ClassValue<Kind> KINDS = new ClassValue<>() {
            @Override
            protected Kind computeValue(Class<?> type) {
                if (SCALARS.contains(type)) {
                    return SCALAR;
                }
                if (type.isArray() || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                        || type == Optional.class) {
                    return CONTAINER;
                }
                if (!PrivacyMetadata.isNavigable(type)) {
                    return PLAIN;
                }
                try {
                    return PrivacyMetadata.of(type).hasProtectedData() ? ANNOTATED : PLAIN;
                } catch (RuntimeException e) {
                    return INVALID;
                }
            }
        };

        static Kind of(Class<?> type) {
            return KINDS.get(type);
        }
    }

    /**
     * Writes a container as Logback would ({@code [a, b]}, {@code {k=v}}, {@code Optional[x]}) through
     * core's container rendering, rendering each element as an argument, so an annotated object inside
     * a list is masked too, and the value of a configured key by its masker.
     */
    private final class ContainerText extends ContainerRenderer<Void> {
        ContainerText(StringBuilder out) {
            super(out);
        }

        @Override
        protected void item(Object value, Void mode) {
            if (value == null) {
                out.append("null");
            } else if (Kind.of(value.getClass()) == Kind.CONTAINER) {
                container(value, null);
            } else {
                out.append(argument(value));
            }
        }

        @Override
        protected void entry(Object key, Object value, Void keyMode, Void valueMode) {
            schedule(key, null);
            text("=");
            Masker masker = key instanceof String name ? keyMasker(name) : null;
            if (masker != null && value != null) {
                text(masker.mask(argument(value)));
            } else {
                schedule(value, null);
            }
        }
    }
}
