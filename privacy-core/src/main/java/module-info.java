/**
 * privacy-kit core: annotations, the classification model, class metadata, masking,
 * pseudonymization, anonymization, PII detection, inventory, lint, audit and the SPI that other
 * modules implement. Depends on SLF4J only.
 *
 * <p>privacy-kit reads the fields of annotated classes by reflection: a modular application opens
 * the packages of its domain classes to this module ({@code opens com.example.domain to
 * org.privacykit.core;}).
 */
module org.privacykit.core {
    requires org.slf4j;

    exports org.privacykit.annotation;
    exports org.privacykit.anonymize;
    exports org.privacykit.audit;
    exports org.privacykit.dataset;
    exports org.privacykit.detect;
    exports org.privacykit.inventory;
    exports org.privacykit.mask;
    exports org.privacykit.metadata;
    exports org.privacykit.pseudonym;
    exports org.privacykit.rights;
    exports org.privacykit.spi;
}
