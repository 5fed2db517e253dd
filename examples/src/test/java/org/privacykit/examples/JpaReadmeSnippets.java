package org.privacykit.examples;

import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.PAYMENT_CARD;

import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Id;
import jakarta.persistence.Persistence;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.jpa.BlindIndexFor;
import org.privacykit.jpa.EncryptedEntities;
import org.privacykit.jpa.EncryptionJob;
import org.slf4j.Logger;

/**
 * The root README's privacy-jpa snippet, compiled by the build (ReadmeSnippetsTest compares the
 * regions with the README); not run: the persistence unit and the entity manager stand for the
 * application's.
 */
@SuppressWarnings("unused")
final class JpaReadmeSnippets {

    // snippet-start jpa
    @Entity
    public static class Customer {
        @Id @SubjectId private String id;
        @PersonalData(EMAIL) @Encrypted(mode = DETERMINISTIC) @Column(length = 370) private String email;
        @PersonalData(PAYMENT_CARD) @Encrypted @Column(length = 80) private String cardNumber;
        @BlindIndexFor("cardNumber") @Column(length = 6) private String cardNumberIndex;   // maintained for you
    }
    // snippet-end jpa

    void jpa(FieldEncryptor encryptor, EntityManager em, Logger log) {
        // snippet-start jpa
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("shop",
                Map.of(EncryptedEntities.FIELD_ENCRYPTOR, encryptor));        // the one line of set-up

        EncryptedEntities.of(emf).findBy(em, Customer.class, "email", "ada@example.com");      // deterministic
        EncryptedEntities.of(emf).findBy(em, Customer.class, "cardNumber", "4111 1111 1111 1111");  // blind index
        EncryptedEntities.of(emf).forget("c-1001");
        EncryptionJob.reencrypt(Customer.class).batchSize(500).progress(p -> log.info("{}", p)).build().run(emf);
        // snippet-end jpa
    }
}
