/**
 * privacy-kit core: annotations, the classification model, class metadata, masking,
 * pseudonymization, anonymization, PII detection, inventory, lint, privacy notices, discovery, audit
 * and the SPI that other modules implement. Depends on SLF4J only (and the JDK's {@code java.sql} for JDBC import and export).
 *
 * <p>privacy-kit reads the fields of annotated classes by reflection: a modular application opens
 * the packages of its domain classes to this module ({@code opens com.example.domain to
 * org.privacykit.core;}).
 *
 * <p>{@code org.privacykit.spi.engine} is exported to privacy-kit's own modules only: it holds the
 * mechanisms they share (copies, property values, the engine the Jackson adapters write through),
 * which are not API. {@code org.privacykit.internal} is not exported at all.
 */
@SuppressWarnings("module") // the qualified exports name modules that are not compiled with this one
module org.privacykit.core {
    requires static transitive org.jspecify;
    requires static transitive com.google.errorprone.annotations;
    requires org.slf4j;
    requires transitive java.sql;

    exports org.privacykit.annotation;
    exports org.privacykit.anonymize;
    exports org.privacykit.audit;
    exports org.privacykit.consent;
    exports org.privacykit.dataset;
    exports org.privacykit.dataset.dp;
    exports org.privacykit.dataset.hierarchy;
    exports org.privacykit.dataset.io;
    exports org.privacykit.dataset.model;
    exports org.privacykit.dataset.risk;
    exports org.privacykit.detect;
    exports org.privacykit.discovery;
    exports org.privacykit.inventory;
    exports org.privacykit.json;
    exports org.privacykit.mask;
    exports org.privacykit.metadata;
    exports org.privacykit.notice;
    exports org.privacykit.pseudonym;
    exports org.privacykit.requests;
    exports org.privacykit.rights;
    exports org.privacykit.spi;

    exports org.privacykit.spi.engine to org.privacykit.crypto, org.privacykit.jpa, org.privacykit.jackson,
            org.privacykit.jackson3;
}
