/**
 * privacy-kit Logback: layouts, converters and a JSON encoder, configured in {@code logback.xml},
 * that write personal data masked. Annotated arguments are rendered by their declarations (the
 * same maskers as JSON output); messages, MDC values, key-value pairs and stack traces are scanned
 * by core's PII detector; values of configured keys, and JSON held in values, are masked by key.
 */
module org.privacykit.logback {
    requires static transitive org.jspecify;
    requires transitive org.privacykit.core;
    requires transitive ch.qos.logback.classic;
    requires transitive ch.qos.logback.core;
    requires transitive org.slf4j;

    exports org.privacykit.logback;
}
