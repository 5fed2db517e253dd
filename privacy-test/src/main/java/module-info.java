/**
 * privacy-kit test kit: JUnit Jupiter extension and assertions for privacy in unit tests.
 */
module org.privacykit.test {
    requires transitive org.privacykit.core;
    requires transitive org.junit.jupiter.api;

    // exports org.privacykit.test; (added with its first class)
}
