package org.privacykit.jpa;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.Hibernate;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PreLoadEventListener;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.crypto.BlindIndex;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.spi.FieldCryptoException;
import org.privacykit.spi.engine.PropertyValues;

/**
 * The encrypted entities of one persistence unit: equality search on encrypted attributes,
 * crypto-shredding of a data subject, and decryption of values read without an entity.
 *
 * <p>Set-up is one line in the persistence unit's properties (privacy-jpa's Hibernate integrator is
 * found on the class path):
 *
 * <pre>{@code
 * FieldEncryptor encryptor = FieldEncryptor.builder(keys).subjectKeyStore(store).build();
 * EntityManagerFactory emf = Persistence.createEntityManagerFactory("shop",
 *         Map.of(EncryptedEntities.FIELD_ENCRYPTOR, encryptor));
 *
 * EncryptedEntities entities = EncryptedEntities.of(emf);
 * List<Customer> found = entities.findBy(em, Customer.class, "email", "ada@example.com");
 * entities.forget("c-1001");        // crypto-shred one customer
 * }</pre>
 *
 * Thread-safe; cheap to obtain.
 */
public final class EncryptedEntities {
    /**
     * The persistence unit property that holds the {@code org.privacykit.crypto.FieldEncryptor}
     * instance: {@value}. Without it, a unit whose entities declare {@code @Encrypted} attributes
     * fails to start.
     */
    public static final String FIELD_ENCRYPTOR = "privacykit.jpa.field_encryptor";

    private final EntityManagerFactory emf;
    private final EncryptionListener listener;

    private EncryptedEntities(EntityManagerFactory emf, EncryptionListener listener) {
        this.emf = emf;
        this.listener = listener;
    }

    /**
     * Returns the encrypted entities of a persistence unit.
     *
     * @param emf an entity manager factory of Hibernate ORM 7, configured with {@link #FIELD_ENCRYPTOR}
     * @return the encrypted entities
     * @throws IllegalStateException when the unit has no encryptor or no encrypted entity
     */
    public static EncryptedEntities of(EntityManagerFactory emf) {
        Objects.requireNonNull(emf, "emf");
        SessionFactoryImplementor factory = emf.unwrap(SessionFactoryImplementor.class);
        EncryptionListener[] found = new EncryptionListener[1];
        factory.getEventListenerRegistry().getEventListenerGroup(EventType.PRE_LOAD).fireEventOnEachListener(found,
                (PreLoadEventListener l, EncryptionListener[] f) -> {
                    if (l instanceof EncryptionListener) {
                        f[0] = (EncryptionListener) l;
                    }
                });
        if (found[0] != null) {
            return new EncryptedEntities(emf, found[0]);
        }
        throw new IllegalStateException("privacy-jpa is not active in this persistence unit: set " + FIELD_ENCRYPTOR
                + " to a FieldEncryptor and map at least one entity with @Encrypted attributes");
    }

    /**
     * Returns the encryptor the unit was configured with.
     *
     * @return the field encryptor
     */
    public FieldEncryptor encryptor() {
        return listener.encryptor();
    }

    EncryptionListener listener() {
        return listener;
    }

    EntityModel model(Class<?> type) {
        EntityModel model = listener.model(Objects.requireNonNull(type, "type"));
        if (model == null) {
            throw new IllegalArgumentException(type.getName() + " is not an entity with @Encrypted attributes in this persistence unit");
        }
        return model;
    }

    private EntityModel.Attribute attribute(EntityModel model, String attribute) {
        EntityModel.Attribute a = model.attribute(Objects.requireNonNull(attribute, "attribute"));
        if (a == null) {
            throw new IllegalArgumentException(model.name() + "." + attribute + " is not an @Encrypted attribute");
        }
        return a;
    }

    /**
     * Tells whether an attribute is encrypted and, if so, how it can be searched by equality, so a
     * query layer (such as privacy-kit's Spring Data support) can refuse at start-up a query that
     * could never match.
     *
     * @param type the entity class
     * @param attribute the attribute name
     * @return empty when the attribute is not an {@code @Encrypted} attribute of an entity of this unit
     */
    public Optional<Searchability> searchability(Class<?> type, String attribute) {
        Objects.requireNonNull(attribute, "attribute");
        EntityModel model = listener.model(Objects.requireNonNull(type, "type"));
        EntityModel.Attribute a = model == null ? null : model.attribute(attribute);
        if (a == null) {
            return Optional.empty();
        }
        if (a.mode != EncryptionMode.RANDOMIZED) {
            return Optional.of(Searchability.EXACT);
        }
        return Optional.of(model.indexOf(a.name) != null ? Searchability.BLIND_INDEX : Searchability.NONE);
    }

    /**
     * Tells whether a loaded entity's encrypted attribute holds a clear value as a search compares
     * them: normalized by type, or as written for a {@link Verbatim} attribute. This is how results
     * found through a blind index, which may include false positives, are filtered.
     *
     * @param entity a loaded entity (its attributes hold clear values)
     * @param attribute the encrypted attribute
     * @param value the clear value searched for
     * @return whether the entity matches
     */
    public boolean matches(Object entity, String attribute, String value) {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(value, "value");
        EntityModel model = model(Hibernate.getClass(entity));
        EntityModel.Attribute a = attribute(model, attribute);
        Object clear = PropertyValues.read(a.property, entity);
        if (clear == null) {
            return false;
        }
        return a.mode == EncryptionMode.RANDOMIZED
                ? BlindIndex.normalize(a.context.type(), clear.toString()).equals(BlindIndex.normalize(a.context.type(), value))
                : clear.toString().equals(a.normalize(value));
    }

    /**
     * Returns what to query to find a clear value in an encrypted attribute: its deterministic
     * ciphertexts, or for a randomized attribute the values of its {@link BlindIndexFor} attribute,
     * under every enabled key.
     *
     * @param type the entity class
     * @param attribute the encrypted attribute
     * @param value the clear value to find
     * @return the attribute to compare and the terms
     * @throws IllegalArgumentException when the attribute is randomized and has no blind index
     * @throws EncryptedAttributeException when the value cannot be encrypted or indexed
     */
    public SearchTerms searchTerms(Class<?> type, String attribute, String value) {
        Objects.requireNonNull(value, "value");
        EntityModel model = model(type);
        EntityModel.Attribute a = attribute(model, attribute);
        try {
            if (a.mode != EncryptionMode.RANDOMIZED) {
                return new SearchTerms(a.name, encryptor().searchTerms(a.context, a.normalize(value)), true);
            }
            EntityModel.Index index = model.indexOf(a.name);
            if (index == null) {
                throw new IllegalArgumentException(model.name() + "." + a.name + " is randomized and has no @BlindIndexFor "
                        + "attribute, so it cannot be searched; add one, or make it @Encrypted(mode = DETERMINISTIC)");
            }
            return new SearchTerms(index.name, index.index.searchTerms(a.context, value), false);
        } catch (FieldCryptoException e) {
            throw new EncryptedAttributeException(model.name(), a.name, "cannot compute search terms: " + EncryptionListener.reason(e), e);
        }
    }

    /**
     * Finds the entities whose encrypted attribute equals a clear value: by deterministic ciphertext,
     * or through the attribute's blind index, dropping the false positives after decryption (the
     * comparison then uses the index's normalization, so {@code " Ada@Example.com"} finds
     * {@code "ada@example.com"} in an {@code EMAIL} attribute).
     *
     * @param em the entity manager to query with
     * @param type the entity class
     * @param attribute the encrypted attribute
     * @param value the clear value
     * @param <T> the entity type
     * @return the matching entities, managed by {@code em}
     */
    public <T> List<T> findBy(EntityManager em, Class<T> type, String attribute, String value) {
        Objects.requireNonNull(em, "em");
        SearchTerms terms = searchTerms(type, attribute, value);
        EntityModel model = model(type);
        List<T> found = em.createQuery("select e from " + model.jpaName + " e where e." + terms.attribute() + " in :terms", type)
                .setParameter("terms", terms.terms())
                .getResultList();
        if (terms.isExact()) {
            return found;
        }
        List<T> matches = new ArrayList<>(found.size());
        for (T entity : found) {
            if (matches(entity, attribute, value)) {
                matches.add(entity);
            }
        }
        return matches;
    }

    /**
     * Decrypts a stored value read without its entity: a scalar JPQL projection
     * ({@code select c.email from Customer c}) or a native query returns the column as stored.
     *
     * @param type the entity class
     * @param attribute the encrypted attribute
     * @param subjectId the row's data subject id (its {@code @SubjectId} value), or {@code null} when the entity has none
     * @param stored the stored ciphertext
     * @return the clear value, or {@code null} when the subject was forgotten
     * @throws EncryptedAttributeException when the value does not decrypt for this attribute and subject
     */
    public String decrypt(Class<?> type, String attribute, Object subjectId, String stored) {
        Objects.requireNonNull(stored, "stored");
        EntityModel.Attribute a = attribute(model(type), attribute);
        String subject = a.subject == null || subjectId == null ? null : subjectId.toString();
        if (subject != null && a.subject.encrypted != null) {
            subject = a.subject.encrypted.normalize(subject); // the form the row's values are bound to
        }
        return listener.decrypt(a, subject, stored);
    }

    /**
     * Forgets a data subject (crypto-shredding): deletes the subject's data key through the encryptor,
     * so its randomized attributes load as {@code null} from now on (each such read is audited as
     * {@code ERASED_READ}, the erasure itself as {@code ERASE}), and sets to {@code null} the
     * subject's deterministic and format-preserving attributes and blind indexes in every entity
     * that has a {@code @SubjectId}, because those are under field keys, not the subject's key.
     * Other subjects' rows are untouched. Idempotent: run it again after a failure.
     *
     * <p>A subject id held by an encrypted deterministic {@code @SubjectId} is stored normalized (see
     * {@link Verbatim}), so the id is forgotten in that form too: {@code forget("Ada@Example.com")}
     * erases the subject stored as {@code ada@example.com}, and, for entities whose {@code @SubjectId}
     * is a clear column, the subject {@code Ada@Example.com} as given.
     *
     * <p>The bulk update bypasses persistence contexts: entities of this subject already loaded in an
     * open entity manager keep their values until reloaded.
     *
     * @param subjectId the subject id, as held by the {@code @SubjectId} attributes
     * @return the number of rows whose searchable columns were cleared
     * @throws IllegalStateException when the encryptor has no subject key store
     */
    public int forget(Object subjectId) {
        Objects.requireNonNull(subjectId, "subjectId");
        for (String form : subjectForms(subjectId.toString())) {
            encryptor().forget(form);
        }
        return emf.callInTransaction(em -> {
            int rows = 0;
            for (Map.Entry<Class<?>, EntityModel> entry : listener.models().entrySet()) {
                rows += scrub(em, entry.getValue(), subjectId);
            }
            return rows;
        });
    }

    /**
     * The subject ids the rows bind to for a given id: as given for a clear {@code @SubjectId}, normalized
     * for an encrypted one (stored normalized, see {@link Verbatim}), so {@code forget("Ada@Example.com")}
     * erases the subject stored as {@code ada@example.com} without touching another entity's subject
     * whose clear id differs only in case.
     */
    private Set<String> subjectForms(String subjectId) {
        Set<String> forms = new LinkedHashSet<>();
        for (EntityModel model : listener.models().values()) {
            for (EntityModel.Subject s : model.subjects) {
                forms.add(s.encrypted == null ? subjectId : s.encrypted.normalize(subjectId));
            }
        }
        if (forms.isEmpty()) {
            forms.add(subjectId);
        }
        return forms;
    }

    private int scrub(EntityManager em, EntityModel model, Object subjectId) {
        int rows = 0;
        for (EntityModel.Subject s : model.subjects) {
            List<String> cleared = new ArrayList<>();
            for (EntityModel.Attribute a : model.encrypted) {
                if (a.subject == s && !a.isSubjectId && a.mode != EncryptionMode.RANDOMIZED) {
                    cleared.add(a.name);
                }
            }
            for (EntityModel.Index i : model.indexes) {
                if (i.source.subject == s) {
                    cleared.add(i.name);
                }
            }
            if (cleared.isEmpty()) {
                continue;
            }
            // only rows that still hold something, so a second run reports 0
            StringBuilder update = new StringBuilder("update ").append(model.jpaName).append(" e set ");
            StringBuilder held = new StringBuilder();
            for (String c : cleared) {
                update.append(held.length() == 0 ? "" : ", ").append("e.").append(c).append(" = null");
                held.append(held.length() == 0 ? "(" : " or ").append("e.").append(c).append(" is not null");
            }
            update.append(" where ").append(held).append(") and e.").append(s.attribute);
            if (s.encrypted != null) {
                SearchTerms terms = searchTerms(model.type, s.attribute, subjectId.toString());
                rows += em.createQuery(update + " in :terms")
                        .setParameter("terms", terms.terms()).executeUpdate();
            } else {
                rows += em.createQuery(update + " = :subject")
                        .setParameter("subject", convert(subjectId, s.type, model, s)).executeUpdate();
            }
        }
        return rows;
    }

    private static Object convert(Object subjectId, Class<?> type, EntityModel model, EntityModel.Subject s) {
        if (type == null || type.isInstance(subjectId)) {
            return subjectId;
        }
        String text = subjectId.toString();
        if (type == String.class) {
            return text;
        }
        try {
            if (type == Long.class || type == long.class) {
                return Long.valueOf(text);
            }
            if (type == Integer.class || type == int.class) {
                return Integer.valueOf(text);
            }
            if (type == UUID.class) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(model.name() + "." + s.attribute + ": the subject id is not a " + type.getSimpleName(), e);
        }
        throw new IllegalArgumentException(model.name() + "." + s.attribute + ": pass the subject id as a " + type.getName());
    }

    @Override
    public String toString() {
        return "EncryptedEntities" + listener.models().values();
    }
}
