package org.privacykit.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link PrivacyKitConfigurationException} into Spring Boot's "APPLICATION FAILED TO START" report. */
final class PrivacyKitFailureAnalyzer extends AbstractFailureAnalyzer<PrivacyKitConfigurationException> {

    PrivacyKitFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PrivacyKitConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
