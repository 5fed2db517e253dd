package org.privacykit.jpa;

import java.util.Map;
import java.util.Objects;

import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.Status;
import org.hibernate.event.spi.FlushEntityEvent;
import org.hibernate.event.spi.FlushEntityEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreLoadEvent;
import org.hibernate.event.spi.PreLoadEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.event.spi.PreUpsertEvent;
import org.hibernate.event.spi.PreUpsertEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.spi.FieldCryptoException;
import org.privacykit.spi.SubjectErasedException;

/**
 * Encrypts and decrypts the {@code @Encrypted} attributes of entities in Hibernate's state arrays,
 * where the whole row, and so its data subject, is at hand:
 *
 * <ul>
 *   <li>pre-load: the hydrated state is decrypted before Hibernate copies it into the entity and
 *       keeps it as the loaded snapshot, so entity and snapshot both hold plaintext and dirty
 *       checking compares plaintext with plaintext (no UPDATE for an unchanged entity);</li>
 *   <li>pre-insert and pre-update: the state about to be written is encrypted in place (the entity
 *       keeps its plaintext), and blind indexes are computed;</li>
 *   <li>post-insert and post-update: the same state array, which Hibernate keeps as the new
 *       snapshot, gets its plaintext back, so the next flush sees no change;</li>
 *   <li>flush-entity (before Hibernate's dirty check): a blind index attribute is set from its
 *       source when the source changed, so both are written together, with dynamic updates too.</li>
 * </ul>
 *
 * One instance per session factory, shared by all sessions: stateless and thread-safe.
 */
final class EncryptionListener implements PreLoadEventListener, PreInsertEventListener, PostInsertEventListener,
        PreUpdateEventListener, PostUpdateEventListener, PreUpsertEventListener, FlushEntityEventListener {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, EntityModel> models;
    private final transient Map<Class<?>, EntityModel> byClass;
    private final transient FieldEncryptor encryptor;

    EncryptionListener(Map<String, EntityModel> models, Map<Class<?>, EntityModel> byClass, FieldEncryptor encryptor) {
        this.models = Map.copyOf(models);
        this.byClass = Map.copyOf(byClass);
        this.encryptor = encryptor;
    }

    FieldEncryptor encryptor() {
        return encryptor;
    }

    EntityModel model(Class<?> type) {
        return byClass.get(type);
    }

    Map<Class<?>, EntityModel> models() {
        return byClass;
    }

    private EntityModel model(EntityPersister persister) {
        EntityModel model = models.get(persister.getEntityName());
        if (model != null) {
            model.resolve(persister);
        }
        return model;
    }

    // ---------------------------------------------------------------- load

    @Override
    public void onPreLoad(PreLoadEvent event) {
        EntityModel model = model(event.getPersister());
        if (model != null) {
            decryptState(model, event.getState(), event.getId());
        }
    }

    void decryptState(EntityModel model, Object[] state, Object id) {
        String[] subjects = new String[model.subjects.size()];
        for (EntityModel.Subject s : model.subjects) {
            Object raw = s.identifier ? id : state[s.position];
            if (s.encrypted != null && raw instanceof String) {
                raw = decrypt(s.encrypted, null, (String) raw);
                state[s.position] = raw;
            }
            subjects[s.ordinal] = raw == null ? null : raw.toString();
        }
        for (EntityModel.Attribute a : model.encrypted) {
            if (a.isSubjectId) {
                continue;
            }
            Object raw = state[a.position];
            if (raw instanceof String) {
                state[a.position] = decrypt(a, a.subject == null ? null : subjects[a.subject.ordinal], (String) raw);
            }
        }
    }

    /** Decrypts a stored value; a forgotten subject's value reads as {@code null} (audited by the encryptor as ERASED_READ). */
    String decrypt(EntityModel.Attribute a, String subject, String stored) {
        try {
            return encryptor.decrypt(a.context(subject), stored);
        } catch (SubjectErasedException e) {
            return null;
        } catch (FieldCryptoException e) {
            throw new EncryptedAttributeException(a.entity, a.name, "cannot decrypt the stored value: " + reason(e), e);
        }
    }

    static String reason(FieldCryptoException e) {
        String message = e.getMessage();
        String prefix = e.field() + ": ";
        String reason = message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        return reason + " (" + e.getClass().getSimpleName() + ")";
    }

    // ---------------------------------------------------------------- write

    @Override
    public boolean onPreInsert(PreInsertEvent event) {
        EntityModel model = model(event.getPersister());
        if (model != null) {
            encryptState(model, event.getState(), event.getId(), null, event.getEntity(), event.getPersister());
        }
        return false;
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        EntityModel model = model(event.getPersister());
        if (model != null) {
            restorePlaintext(model, event.getState(), event.getEntity(), event.getPersister());
        }
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    @Override
    public boolean onPreUpdate(PreUpdateEvent event) {
        EntityModel model = model(event.getPersister());
        if (model != null) {
            if (event.getOldState() == null) {
                throw new EncryptedAttributeException(model.name(), model.encrypted.get(0).name,
                        "cannot update an entity with encrypted attributes through a StatelessSession: it does not decrypt "
                                + "what it reads, so the update could write ciphertext as if it were plaintext; use a Session", null);
            }
            for (EntityModel.Subject s : model.subjects) {
                if (!s.identifier && !Objects.equals(event.getState()[s.position], event.getOldState()[s.position])) {
                    throw new EncryptedAttributeException(model.name(), s.attribute, "the @SubjectId of an entity with encrypted "
                            + "attributes cannot change: its values are bound to (and its keys belong to) the subject", null);
                }
            }
            encryptState(model, event.getState(), event.getId(), event.getOldState(), event.getEntity(), event.getPersister());
        }
        return false;
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        EntityModel model = model(event.getPersister());
        if (model != null) {
            restorePlaintext(model, event.getState(), event.getEntity(), event.getPersister());
        }
    }

    @Override
    public boolean onPreUpsert(PreUpsertEvent event) {
        EntityModel model = model(event.getPersister());
        if (model != null) {
            throw new EncryptedAttributeException(model.name(), model.encrypted.get(0).name,
                    "upsert through a StatelessSession is not supported for entities with encrypted attributes; use a Session", null);
        }
        return false;
    }

    private void encryptState(EntityModel model, Object[] state, Object id, Object[] oldState, Object entity,
                              EntityPersister persister) {
        // normalized first: an encrypted subject id binds the other values by its stored form. A subject
        // id only on insert: it cannot change afterwards, and a row migrated as written keeps its form
        for (EntityModel.Attribute a : model.encrypted) {
            if (a.normalized && (oldState == null || !a.isSubjectId) && state[a.position] instanceof String value) {
                String normal = a.normalize(value);
                if (!normal.equals(value)) {
                    state[a.position] = normal;
                    persister.setValue(entity, a.position, normal); // the entity holds what is stored
                }
            }
        }
        String[] subjects = new String[model.subjects.size()];
        for (EntityModel.Subject s : model.subjects) {
            Object raw = s.identifier ? id : state[s.position];
            subjects[s.ordinal] = raw == null ? null : raw.toString();
        }
        for (EntityModel.Index i : model.indexes) {
            Object source = state[i.source.position];
            if (oldState == null || !Objects.equals(source, oldState[i.source.position]) || state[i.position] == null) {
                String value = source == null ? null : index(i, (String) source);
                state[i.position] = value;
                if (oldState == null && Objects.equals(persister.getValue(entity, i.source.position), source)) {
                    persister.setValue(entity, i.position, value);
                }
            }
        }
        for (EntityModel.Attribute a : model.encrypted) {
            Object value = state[a.position];
            if (value == null) {
                continue;
            }
            String subject = a.subject == null ? null : subjects[a.subject.ordinal];
            if (a.subjectBound && subject == null) {
                throw new EncryptedAttributeException(a.entity, a.name, "the entity's @SubjectId (" + a.subject.attribute
                        + ") is null, so the value cannot be bound to its subject; assign it before persisting (an "
                        + "IDENTITY-generated identifier is known only after the insert: use a sequence, a UUID or an assigned id)", null);
            }
            try {
                state[a.position] = encryptor.encrypt(a.context(subject), (String) value);
            } catch (FieldCryptoException e) {
                throw new EncryptedAttributeException(a.entity, a.name, "cannot encrypt the value: " + reason(e), e);
            }
        }
    }

    String index(EntityModel.Index i, String value) {
        try {
            return i.index.compute(i.source.context, value);
        } catch (FieldCryptoException e) {
            throw new EncryptedAttributeException(i.source.entity, i.name, "cannot compute the blind index: " + reason(e), e);
        }
    }

    /**
     * Puts the plaintext back into a state array Hibernate keeps as the entity's snapshot. Between the
     * dirty check that built the array and this call no application code runs, so the entity still
     * holds exactly the plaintext that was encrypted.
     */
    private static void restorePlaintext(EntityModel model, Object[] state, Object entity, EntityPersister persister) {
        for (EntityModel.Attribute a : model.encrypted) {
            if (state[a.position] != null) {
                state[a.position] = persister.getValue(entity, a.position);
            }
        }
    }

    // ---------------------------------------------------------------- flush

    @Override
    public void onFlushEntity(FlushEntityEvent event) {
        EntityEntry entry = event.getEntityEntry();
        if (entry.getStatus() != Status.MANAGED || entry.getLoadedState() == null) {
            return;
        }
        EntityModel model = models.get(entry.getEntityName());
        if (model == null || model.indexes.isEmpty()) {
            return;
        }
        EntityPersister persister = entry.getPersister();
        model.resolve(persister);
        Object entity = event.getEntity();
        Object[] loaded = entry.getLoadedState();
        for (EntityModel.Index i : model.indexes) {
            Object source = persister.getValue(entity, i.source.position);
            Object expected = Objects.equals(source, loaded[i.source.position]) ? loaded[i.position]
                    : source == null ? null : index(i, (String) source);
            if (!Objects.equals(expected, persister.getValue(entity, i.position))) {
                persister.setValue(entity, i.position, expected);
            }
        }
    }
}
