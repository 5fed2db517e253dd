/**
 * privacy-kit's command line, {@code privacy}: anonymize and assess CSV files, find PII in text,
 * mask JSON. Run it as {@code java -jar privacy-cli-<version>-all.jar}.
 */
module org.privacykit.cli {
    requires static org.jspecify;
    requires org.privacykit.core;
    requires info.picocli;

    opens org.privacykit.cli to info.picocli;
}
