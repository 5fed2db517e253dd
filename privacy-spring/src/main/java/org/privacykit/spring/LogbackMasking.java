package org.privacykit.spring;

import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import org.privacykit.logback.MaskingEncoder;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Touches Logback and privacy-logback; loaded only when both are on the class path. */
final class LogbackMasking {
    private static final Logger LOG = LoggerFactory.getLogger(LogbackMasking.class);

    private LogbackMasking() {
    }

    static void apply(PrivacyKitProperties.Logging settings) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return; // another SLF4J backend: not Logback's appenders to mask
        }
        List<String> unmasked = MaskingEncoder.maskAppenders(context, encoder -> {
            encoder.setDetectPii(settings.isDetectPii());
            encoder.setMinConfidence(settings.getMinConfidence());
            encoder.setPiiReplacement(settings.getPiiReplacement());
            if (!settings.getPiiTypes().isEmpty()) {
                encoder.setPiiTypes(String.join(",", settings.getPiiTypes()));
            }
            settings.getMaskKeys().forEach(encoder::addMaskKey);
        });
        if (!unmasked.isEmpty()) {
            LOG.warn("privacy-kit cannot mask what these Logback appenders write (they have no encoder to wrap): {};"
                    + " give them privacy-logback's encoders or layout", unmasked);
        }
    }
}
