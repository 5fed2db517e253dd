/**
 * privacy-kit JPA: encrypted, searchable entity attributes for Hibernate ORM 7, with
 * crypto-shredding, key rotation and plaintext migration jobs.
 */
@SuppressWarnings("requires-automatic")
module org.privacykit.jpa {
    requires static transitive org.jspecify;
    requires transitive org.privacykit.crypto;
    requires transitive jakarta.persistence;
    requires org.hibernate.orm.core;
    requires static com.fasterxml.jackson.annotation;

    exports org.privacykit.jpa;

    provides org.hibernate.integrator.spi.Integrator with org.privacykit.jpa.PrivacyIntegrator;
}
