/**
 * privacy-kit test kit: JUnit Jupiter extension and assertions for privacy in unit tests.
 */
module org.privacykit.test {
    requires static transitive org.jspecify;
    requires transitive org.privacykit.core;
    requires transitive org.junit.jupiter.api;
    requires org.slf4j;
    requires static transitive org.privacykit.crypto;
    requires static ch.qos.logback.classic;
    requires static ch.qos.logback.core;

    exports org.privacykit.test;
}
