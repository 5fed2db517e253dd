package org.privacykit.logback;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ch.qos.logback.core.spi.ContextAware;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.detect.PiiDetector;
import org.privacykit.mask.Masker;
import org.privacykit.mask.Maskers;

/**
 * The masking properties that {@code logback.xml} sets on a layout or an encoder, collected while
 * Joran configures it and checked once, when it starts. A bad value is reported to the status
 * manager and replaced by the safe default (every detector on, masking), never ignored silently.
 */
final class MaskingSettings {
    private boolean detectPii = true;
    private String piiTypes;
    private double minConfidence = 0.5;
    private String piiReplacement = "MASK";
    private final List<String> maskKeys = new ArrayList<>();

    void setDetectPii(boolean detectPii) {
        this.detectPii = detectPii;
    }

    void setPiiTypes(String piiTypes) {
        this.piiTypes = piiTypes;
    }

    void setMinConfidence(double minConfidence) {
        this.minConfidence = minConfidence;
    }

    void setPiiReplacement(String piiReplacement) {
        this.piiReplacement = piiReplacement;
    }

    void addMaskKey(String spec) {
        maskKeys.add(spec);
    }

    void setMaskKeys(String specs) {
        if (specs == null) {
            return;
        }
        for (String spec : specs.split(",", -1)) {
            if (!spec.isBlank()) {
                maskKeys.add(spec);
            }
        }
    }

    void copyTo(MaskingSettings other) {
        other.detectPii = detectPii;
        other.piiTypes = piiTypes;
        other.minConfidence = minConfidence;
        other.piiReplacement = piiReplacement;
        other.maskKeys.addAll(maskKeys);
    }

    /**
     * Builds the masking, reporting each bad setting to the owner's status manager.
     *
     * @param owner the layout or encoder, whose context receives errors
     */
    LogMasking build(ContextAware owner) {
        return new LogMasking(detector(owner), redacts(owner), keyMaskers(owner), owner);
    }

    private PiiDetector detector(ContextAware owner) {
        if (!detectPii) {
            return null;
        }
        PiiDetector.Builder builder = PiiDetector.builder();
        double confidence = minConfidence;
        if (!(confidence >= 0 && confidence <= 1)) {
            owner.addError("privacy-logback: minConfidence must be between 0 and 1; got " + confidence
                    + "; using 0.5");
            confidence = 0.5;
        }
        builder.minConfidence(confidence);
        if (piiTypes != null && !piiTypes.isBlank()) {
            EnumSet<PersonalDataType> types = EnumSet.noneOf(PersonalDataType.class);
            for (String name : piiTypes.split(",", -1)) {
                String trimmed = name.trim().toUpperCase(Locale.ROOT);
                if (trimmed.isEmpty()) {
                    continue;
                }
                try {
                    PersonalDataType type = PersonalDataType.valueOf(trimmed);
                    if (PiiDetector.supportedTypes().contains(type)) {
                        types.add(type);
                        continue;
                    }
                } catch (IllegalArgumentException unknown) {
                    // reported below
                }
                owner.addError("privacy-logback: piiTypes: '" + trimmed + "' is not a type the detector finds;"
                        + " supported: " + PiiDetector.supportedTypes() + "; detecting every supported type");
                types = EnumSet.copyOf(PiiDetector.supportedTypes());
                break;
            }
            if (!types.isEmpty()) {
                PersonalDataType first = types.iterator().next();
                types.remove(first);
                builder.types(first, types.toArray(new PersonalDataType[0]));
            }
        }
        return builder.build();
    }

    private boolean redacts(ContextAware owner) {
        String value = piiReplacement == null ? "MASK" : piiReplacement.trim().toUpperCase(Locale.ROOT);
        if (value.equals("REDACT")) {
            return true;
        }
        if (!value.equals("MASK")) {
            owner.addError("privacy-logback: piiReplacement must be MASK or REDACT; got '" + piiReplacement
                    + "'; masking");
        }
        return false;
    }

    /**
     * Parses {@code key} (the value fully masked, {@code ****}) and {@code key:TYPE} (the value
     * masked as a personal data type masks it, such as {@code email:EMAIL}).
     */
    private Map<String, Masker> keyMaskers(ContextAware owner) {
        Map<String, Masker> maskers = new LinkedHashMap<>();
        for (String spec : maskKeys) {
            String trimmed = spec == null ? "" : spec.trim();
            int colon = trimmed.lastIndexOf(':');
            String key = colon < 0 ? trimmed : trimmed.substring(0, colon).trim();
            Masker masker = Maskers.full();
            if (colon >= 0) {
                String typeName = trimmed.substring(colon + 1).trim().toUpperCase(Locale.ROOT);
                try {
                    masker = Maskers.of(PersonalDataType.valueOf(typeName).defaultMask(), -1, -1, '*');
                } catch (IllegalArgumentException unknown) {
                    owner.addError("privacy-logback: maskKey '" + trimmed + "': '" + typeName
                            + "' is not a personal data type; masking the key's values fully");
                }
            }
            if (key.isEmpty()) {
                owner.addError("privacy-logback: a maskKey is empty; ignored");
                continue;
            }
            String lower = key.toLowerCase(Locale.ROOT);
            if (maskers.containsKey(lower)) {
                owner.addWarn("privacy-logback: maskKey '" + key + "' is given twice; the first one applies");
                continue;
            }
            maskers.put(lower, masker);
        }
        return maskers;
    }
}
