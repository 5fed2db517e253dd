package org.privacykit.jpa;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.PersistenceException;

import org.hibernate.engine.OptimisticLockStyle;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.persister.entity.EntityPersister;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.crypto.BlindIndex;
import org.privacykit.crypto.KeyRing;
import org.privacykit.metadata.AtRest;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.EncryptionPath;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.spi.FieldContext;

/**
 * The encrypted attributes of one entity, read once at boot from its privacy metadata and its
 * Hibernate mapping, and checked there: anything privacy-jpa cannot handle correctly fails the boot
 * with a message naming the entity and attribute. Positions in Hibernate's state arrays are resolved
 * on first use from the entity's persister. Immutable after that.
 */
final class EntityModel {
    final Class<?> type;
    final String entityName;
    final String jpaName;
    final String idAttribute;
    /** Subject-id attributes that are themselves encrypted come first: their clear value binds the others. */
    final List<Attribute> encrypted;
    final List<Index> indexes;
    final List<Subject> subjects;
    private final Map<String, Attribute> byName;
    private final Map<String, Index> indexBySource;
    private volatile boolean resolved;

    private EntityModel(PersistentClass mapping, Class<?> type, List<Attribute> encrypted, List<Index> indexes,
                        List<Subject> subjects) {
        this.type = type;
        this.entityName = mapping.getEntityName();
        this.jpaName = mapping.getJpaEntityName();
        this.idAttribute = mapping.getIdentifierProperty() == null ? null : mapping.getIdentifierProperty().getName();
        this.encrypted = List.copyOf(encrypted);
        this.indexes = List.copyOf(indexes);
        this.subjects = List.copyOf(subjects);
        Map<String, Attribute> names = new HashMap<>();
        for (Attribute a : encrypted) {
            names.put(a.name, a);
        }
        this.byName = Collections.unmodifiableMap(names);
        Map<String, Index> sources = new HashMap<>();
        for (Index i : indexes) {
            sources.put(i.source.name, i);
        }
        this.indexBySource = Collections.unmodifiableMap(sources);
    }

    /** The display name in messages: the simple class name, as in the ciphertext binding. */
    String name() {
        return type.getSimpleName();
    }

    Attribute attribute(String name) {
        return byName.get(name);
    }

    Index indexOf(String sourceAttribute) {
        return indexBySource.get(sourceAttribute);
    }

    /**
     * Reads the model of a mapped entity class.
     *
     * @return the model, or {@code null} when the entity has no encrypted attribute
     * @throws PersistenceException when the mapping cannot be encrypted correctly
     */
    static EntityModel of(PersistentClass mapping, KeyRing keys) {
        Class<?> type = mapping.getMappedClass();
        if (type == null) {
            return null;
        }
        ClassMetadata metadata = PrivacyMetadata.of(type);
        String entity = type.getSimpleName();
        Map<String, Property> persistent = new LinkedHashMap<>();
        for (Property p : mapping.getPropertyClosure()) {
            persistent.put(p.getName(), p);
            if (p.getValue() instanceof Component) {
                Class<?> embedded = ((Component) p.getValue()).getComponentClass();
                if (embedded != null && PrivacyMetadata.isNavigable(embedded) && hasEncrypted(PrivacyMetadata.of(embedded))) {
                    throw refuse(entity, p.getName(), "@Encrypted attributes inside an embeddable are not supported; "
                            + "declare them on the entity itself");
                }
            }
        }
        String id = mapping.getIdentifierProperty() == null ? null : mapping.getIdentifierProperty().getName();

        Map<String, Subject> subjectsByAttribute = new LinkedHashMap<>();
        List<Attribute> subjectAttributes = new ArrayList<>();
        List<Attribute> others = new ArrayList<>();
        for (PropertyMetadata p : metadata.properties()) {
            if (!p.isEncrypted()) {
                continue;
            }
            check(mapping, entity, p, persistent, id);
            String role = p.classification() == null ? "" : p.classification().subjectRole();
            PropertyMetadata subjectProperty = p.isSubjectId() ? null : metadata.subjectIdProperty(role);
            Subject subject = null;
            if (subjectProperty != null) {
                if (!subjectProperty.name().equals(id) && !persistent.containsKey(subjectProperty.name())) {
                    throw refuse(entity, subjectProperty.name(), "the @SubjectId must be the identifier or a persistent attribute");
                }
                subject = subjectsByAttribute.computeIfAbsent(subjectProperty.name(),
                        n -> new Subject(subjectsByAttribute.size(), n, n.equals(id), subjectProperty.rawType()));
            }
            Attribute a = new Attribute(entity, p, subject, isVerbatim(type, p.name()));
            (p.isSubjectId() ? subjectAttributes : others).add(a);
        }
        List<Attribute> encrypted = new ArrayList<>(subjectAttributes);
        encrypted.addAll(others);
        for (Attribute a : subjectAttributes) {
            for (Subject s : subjectsByAttribute.values()) {
                if (s.attribute.equals(a.name)) {
                    s.encrypted = a;
                }
            }
        }

        List<Index> indexes = new ArrayList<>();
        Map<Integer, BlindIndex> byBits = new HashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(Verbatim.class) && encrypted.stream()
                        .noneMatch(a -> a.name.equals(f.getName()) && a.mode == EncryptionMode.DETERMINISTIC)) {
                    throw refuse(entity, f.getName(), "@Verbatim applies to @Encrypted(mode = DETERMINISTIC) attributes "
                            + "only (other values are stored as written); remove it");
                }
                BlindIndexFor declared = f.getAnnotation(BlindIndexFor.class);
                if (declared == null) {
                    continue;
                }
                if (f.getType() != String.class) {
                    throw refuse(entity, f.getName(), "a @BlindIndexFor attribute must be a String");
                }
                if (!persistent.containsKey(f.getName())) {
                    throw refuse(entity, f.getName(), "a @BlindIndexFor attribute must be persistent");
                }
                Attribute source = null;
                for (Attribute a : encrypted) {
                    if (a.name.equals(declared.value())) {
                        source = a;
                    }
                }
                if (source == null) {
                    throw refuse(entity, f.getName(), "@BlindIndexFor(\"" + declared.value() + "\") names no @Encrypted attribute of " + entity);
                }
                if (declared.bits() < 1 || declared.bits() > 256) {
                    throw refuse(entity, f.getName(), "@BlindIndexFor keeps 1 to 256 bits, was " + declared.bits());
                }
                for (Index other : indexes) {
                    if (other.source == source) {
                        throw refuse(entity, f.getName(), "attribute " + source.name + " already has a blind index (" + other.name + ")");
                    }
                }
                BlindIndex index = byBits.computeIfAbsent(declared.bits(), bits -> BlindIndex.builder(keys).bits(bits).build());
                indexes.add(new Index(f.getName(), source, index));
            }
        }
        if (encrypted.isEmpty()) {
            return null;
        }
        if (mapping.isCached()) {
            throw refuse(entity, encrypted.get(0).name, "an entity with @Encrypted attributes cannot use the second-level "
                    + "cache: the cache would hold its values in clear, outside the persistence context");
        }
        OptimisticLockStyle locking = mapping.getOptimisticLockStyle();
        if (locking == OptimisticLockStyle.ALL || locking == OptimisticLockStyle.DIRTY) {
            throw refuse(entity, encrypted.get(0).name, "@OptimisticLocking(type = " + locking + ") compares stored columns "
                    + "with clear values; use a @Version attribute");
        }
        return new EntityModel(mapping, type, encrypted, indexes, new ArrayList<>(subjectsByAttribute.values()));
    }

    /**
     * Fails the boot when an entity declares encrypted attributes but no encryptor was configured.
     *
     * @throws PersistenceException naming the entity, the attribute and the setting
     */
    static void requireNoEncryptedAttributes(PersistentClass mapping) {
        ClassMetadata metadata = PrivacyMetadata.of(mapping.getMappedClass());
        for (PropertyMetadata p : metadata.properties()) {
            if (p.isEncrypted()) {
                throw refuse(mapping.getMappedClass().getSimpleName(), p.name(), "is @Encrypted, but no FieldEncryptor was "
                        + "configured: set " + EncryptedEntities.FIELD_ENCRYPTOR + " to a FieldEncryptor instance in the "
                        + "persistence unit's properties");
            }
        }
    }

    /** Whether the attribute's field (on the entity or a superclass) is {@link Verbatim}. */
    private static boolean isVerbatim(Class<?> type, String attribute) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(attribute)) {
                    return f.isAnnotationPresent(Verbatim.class);
                }
            }
        }
        return false;
    }

    private static boolean hasEncrypted(ClassMetadata metadata) {
        for (PropertyMetadata p : metadata.properties()) {
            if (p.isEncrypted()) {
                return true;
            }
        }
        return false;
    }

    private static void check(PersistentClass mapping, String entity, PropertyMetadata p, Map<String, Property> persistent, String id) {
        AtRest atRest = EncryptionPath.JPA.decide(p);
        if (!atRest.encrypted()) {
            throw refuse(entity, p.name(), atRest.reason() + "; fix: " + atRest.fix());
        }
        if (p.name().equals(id)) {
            throw refuse(entity, p.name(), "the identifier cannot be @Encrypted (it is used in joins and foreign keys); "
                    + "encrypt another column and keep a surrogate identifier");
        }
        Property property = persistent.get(p.name());
        if (property == null) {
            throw refuse(entity, p.name(), "is @Encrypted but not a persistent attribute of the entity");
        }
        if (property.isLazy()) {
            throw refuse(entity, p.name(), "lazy @Encrypted attributes are not supported");
        }
        if (property.isNaturalIdentifier()) {
            throw refuse(entity, p.name(), "an @Encrypted attribute cannot be a @NaturalId");
        }
        if (property.getValue() instanceof BasicValue && ((BasicValue) property.getValue()).getJpaAttributeConverterDescriptor() != null) {
            throw refuse(entity, p.name(), "an @Encrypted attribute cannot have an AttributeConverter (it would see ciphertext)");
        }
        if (mapping.getVersion() != null && mapping.getVersion().getName().equals(p.name())) {
            throw refuse(entity, p.name(), "the @Version attribute cannot be @Encrypted");
        }
    }

    private static PersistenceException refuse(String entity, String attribute, String reason) {
        return new EncryptedAttributeException(entity, attribute, reason, null);
    }

    /** Finds each attribute's position in the persister's state arrays, once. */
    void resolve(EntityPersister persister) {
        if (resolved) {
            return;
        }
        synchronized (this) {
            if (resolved) {
                return;
            }
            String[] names = persister.getPropertyNames();
            Map<String, Integer> positions = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                positions.put(names[i], i);
            }
            for (Attribute a : encrypted) {
                a.position = position(positions, a.name);
            }
            for (Index i : indexes) {
                i.position = position(positions, i.name);
            }
            for (Subject s : subjects) {
                s.position = s.identifier ? -1 : position(positions, s.attribute);
            }
            resolved = true;
        }
    }

    private int position(Map<String, Integer> positions, String attribute) {
        Integer p = positions.get(attribute);
        if (p == null) {
            throw refuse(name(), attribute, "not found in Hibernate's mapping of " + entityName);
        }
        return p;
    }

    @Override
    public String toString() {
        return "EntityModel[" + entityName + ", encrypted=" + byName.keySet() + ", blind indexes=" + indexBySource.keySet() + "]";
    }

    /** An encrypted attribute. */
    static final class Attribute {
        final String entity;
        final String name;
        final PropertyMetadata property;
        /** The context without subject: the subject is added per row. */
        final FieldContext context;
        final EncryptionMode mode;
        /** The subject that binds this attribute, or {@code null}; {@code null} for a subject id itself. */
        final Subject subject;
        final boolean isSubjectId;
        /** Only randomized values are bound to the subject; deterministic ones stay searchable across subjects. */
        final boolean subjectBound;
        /** Deterministic values are normalized by their type before encryption, unless {@link Verbatim}. */
        final boolean normalized;
        volatile int position = -1;

        Attribute(String entity, PropertyMetadata property, Subject subject, boolean verbatim) {
            this.entity = entity;
            this.name = property.name();
            this.property = property;
            this.context = FieldContext.of(property, null);
            this.mode = property.encryption().mode();
            this.subject = subject;
            this.isSubjectId = property.isSubjectId();
            this.subjectBound = subject != null && mode == EncryptionMode.RANDOMIZED;
            this.normalized = mode == EncryptionMode.DETERMINISTIC && !verbatim;
        }

        /** The value as it is stored and searched: normalized by type, or as written. */
        String normalize(String value) {
            return normalized ? BlindIndex.normalize(context.type(), value) : value;
        }

        FieldContext context(String subjectId) {
            return subjectId == null ? context : context.withSubject(subjectId);
        }

        @Override
        public String toString() {
            return entity + "." + name + " (" + mode + ")";
        }
    }

    /** A blind index attribute, maintained from its source. */
    static final class Index {
        final String name;
        final Attribute source;
        final BlindIndex index;
        volatile int position = -1;

        Index(String name, Attribute source, BlindIndex index) {
            this.name = name;
            this.source = source;
            this.index = index;
        }
    }

    /** An attribute holding a data subject id: the identifier or a basic attribute, possibly encrypted itself. */
    static final class Subject {
        final int ordinal;
        final String attribute;
        final boolean identifier;
        final Class<?> type;
        Attribute encrypted;
        volatile int position = -1;

        Subject(int ordinal, String attribute, boolean identifier, Class<?> type) {
            this.ordinal = ordinal;
            this.attribute = attribute;
            this.identifier = identifier;
            this.type = type;
        }
    }
}
