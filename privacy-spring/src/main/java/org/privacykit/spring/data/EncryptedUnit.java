package org.privacykit.spring.data;

import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.Metamodel;
import org.privacykit.jpa.EncryptedEntities;

/**
 * A persistence unit with privacy-jpa active: its encrypted entities, the shared (transaction-bound)
 * entity manager repositories query with, and its metamodel.
 */
record EncryptedUnit(EncryptedEntities entities, EntityManager entityManager, Metamodel metamodel) {
}
