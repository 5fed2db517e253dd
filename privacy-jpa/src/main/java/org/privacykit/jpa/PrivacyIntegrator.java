package org.privacykit.jpa;

import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.PersistenceException;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.mapping.PersistentClass;
import org.privacykit.crypto.FieldEncryptor;

/**
 * Plugs privacy-jpa into Hibernate ORM. Hibernate finds it through {@code META-INF/services}; an
 * application never calls it. At boot it reads every entity's {@code @Encrypted} and
 * {@link BlindIndexFor} attributes, refuses mappings it cannot encrypt correctly, and registers the
 * listeners that encrypt and decrypt them with the {@code FieldEncryptor} given in the setting
 * {@link EncryptedEntities#FIELD_ENCRYPTOR}. A persistence unit with encrypted attributes and no
 * encryptor fails to start, so nothing is ever written in clear by mistake.
 */
@SuppressWarnings("exports")
public final class PrivacyIntegrator implements Integrator {

    /** Creates the integrator; Hibernate does this through the service loader. */
    public PrivacyIntegrator() {
    }

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        Object setting = bootstrapContext.getServiceRegistry().requireService(ConfigurationService.class).getSettings()
                .get(EncryptedEntities.FIELD_ENCRYPTOR);
        if (setting != null && !(setting instanceof FieldEncryptor)) {
            throw new PersistenceException("privacy-jpa: the setting " + EncryptedEntities.FIELD_ENCRYPTOR
                    + " must hold an org.privacykit.crypto.FieldEncryptor instance, was a " + setting.getClass().getName());
        }
        FieldEncryptor encryptor = (FieldEncryptor) setting;
        Map<String, EntityModel> byName = new HashMap<>();
        Map<Class<?>, EntityModel> byClass = new HashMap<>();
        for (PersistentClass mapping : metadata.getEntityBindings()) {
            if (mapping.getMappedClass() == null) {
                continue;
            }
            if (encryptor == null) {
                EntityModel.requireNoEncryptedAttributes(mapping);
                continue;
            }
            EntityModel model = EntityModel.of(mapping, encryptor.keyRing());
            if (model != null) {
                byName.put(model.entityName, model);
                byClass.put(model.type, model);
            }
        }
        if (encryptor == null) {
            return;
        }
        EncryptionListener listener = new EncryptionListener(byName, byClass, encryptor);
        EventListenerRegistry listeners = sessionFactory.getEventListenerRegistry();
        // decrypt before anything else sees the loaded state; encrypt after other listeners changed it;
        // restore plaintext last, so other post listeners (auditing) see what was written
        listeners.prependListeners(EventType.PRE_LOAD, listener);
        listeners.appendListeners(EventType.PRE_INSERT, listener);
        listeners.appendListeners(EventType.PRE_UPDATE, listener);
        listeners.appendListeners(EventType.PRE_UPSERT, listener);
        listeners.appendListeners(EventType.POST_INSERT, listener);
        listeners.appendListeners(EventType.POST_UPDATE, listener);
        listeners.prependListeners(EventType.FLUSH_ENTITY, listener);
    }
}
