package org.privacykit.metadata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.NullUnmarked;

/**
 * The privacy metadata of one class, read once and cached by {@link PrivacyMetadata#of(Class)}:
 * its properties with their classification, its subject ids, and the protected fields reachable
 * from it. Immutable and thread-safe.
 */
@NullUnmarked // nullness to annotate: see NOTES.md
public final class ClassMetadata {
    private final Class<?> type;
    private final List<PropertyMetadata> properties;
    private final Map<String, PropertyMetadata> byName;
    private final Map<String, PropertyMetadata> subjectIds;
    private final boolean hasDirectlyProtected;

    private volatile List<PersonalField> protectedFields;
    private volatile Boolean hasProtectedData;

    ClassMetadata(Class<?> type, List<PropertyMetadata> properties) {
        this.type = type;
        this.properties = List.copyOf(properties);
        Map<String, PropertyMetadata> names = new HashMap<>();
        Map<String, PropertyMetadata> subjects = new HashMap<>();
        boolean direct = false;
        for (PropertyMetadata p : properties) {
            names.putIfAbsent(p.name(), p);
            if (p.isSubjectId()) {
                subjects.put(p.subjectIdRole(), p);
            }
            direct |= p.isProtected() || p.isEncrypted() || p.mapKey() != null;
        }
        this.byName = Map.copyOf(names);
        this.subjectIds = Map.copyOf(subjects);
        this.hasDirectlyProtected = direct;
    }

    /**
     * Returns the class.
     *
     * @return the class this metadata describes
     */
    public Class<?> type() {
        return type;
    }

    /**
     * Tells whether the class is a record.
     *
     * @return {@code true} for a record
     */
    public boolean isRecord() {
        return type.isRecord();
    }

    /**
     * Returns every property, superclass fields first, in declaration order.
     *
     * @return an unmodifiable list
     */
    public List<PropertyMetadata> properties() {
        return properties;
    }

    /**
     * Finds a property by name.
     *
     * @param name the field, record component or bean property name
     * @return the property, or {@code null} when there is none
     */
    public PropertyMetadata property(String name) {
        return byName.get(name);
    }

    /**
     * Returns the subject id properties by role ({@code ""} for the only subject).
     *
     * @return an unmodifiable map, empty when the class declares no {@code @SubjectId}
     */
    public Map<String, PropertyMetadata> subjectIds() {
        return subjectIds;
    }

    /**
     * Tells whether the class declares at least one {@code @SubjectId}.
     *
     * @return {@code true} when it has a subject id
     */
    public boolean hasSubjectId() {
        return !subjectIds.isEmpty();
    }

    /**
     * Returns the subject id of an instance for a property of this class: the subject id of the
     * property's role, or the only subject id when the role is empty.
     *
     * @param bean an instance of this class
     * @param property a property of this class
     * @return the subject id as text, or {@code null} when the class has none for that role or it is null
     */
    public String subjectIdFor(Object bean, PropertyMetadata property) {
        String role = property.classification() == null ? "" : property.classification().subjectRole();
        PropertyMetadata id = subjectIdProperty(role);
        if (id == null) {
            return null;
        }
        Object value = id.get(bean);
        return value == null ? null : value.toString();
    }

    /**
     * Returns the subject id property for a role: that role's, or for the empty role the only one.
     *
     * @param role the role, {@code ""} for the only subject
     * @return the property, or {@code null}
     */
    public PropertyMetadata subjectIdProperty(String role) {
        PropertyMetadata id = subjectIds.get(role);
        if (id == null && role.isEmpty() && subjectIds.size() == 1) {
            id = subjectIds.values().iterator().next();
        }
        return id;
    }

    /**
     * Tells whether the class itself declares protected or encrypted properties, not counting nested types.
     *
     * @return {@code true} when one of its own properties is protected
     */
    public boolean hasDirectlyProtectedData() {
        return hasDirectlyProtected;
    }

    /**
     * Tells whether the class, or a type reachable from it, declares a protected property.
     *
     * @return {@code true} when protected data is reachable from this class
     */
    public boolean hasProtectedData() {
        Boolean cached = hasProtectedData;
        if (cached == null) {
            cached = !protectedFields().isEmpty() || hasDirectlyProtected;
            hasProtectedData = cached;
        }
        return cached;
    }

    /**
     * Returns every protected field reachable from this class, with its path, in declaration order.
     * Personal map keys are a field of their own, before the map's values ({@code ordersByEmail{key}}).
     * A type that contains itself is expanded once along each path.
     *
     * @return an unmodifiable list
     */
    public List<PersonalField> protectedFields() {
        List<PersonalField> cached = protectedFields;
        if (cached == null) {
            List<PersonalField> out = new ArrayList<>();
            collect("", new ArrayList<>(), Collections.newSetFromMap(new HashMap<>()), out);
            cached = Collections.unmodifiableList(out);
            protectedFields = cached;
        }
        return cached;
    }

    private void collect(String prefix, List<PropertyMetadata> chain, Set<Class<?>> onPath,
                         List<PersonalField> out) {
        onPath.add(type);
        for (PropertyMetadata p : properties) {
            if (p.mapKey() != null) {
                chain.add(p.mapKey());
                out.add(new PersonalField(rootOf(chain), prefix + p.name() + p.mapKey().containerSuffix(), chain));
                chain.remove(chain.size() - 1);
            }
            chain.add(p);
            String path = prefix + p.name() + p.containerSuffix();
            if (p.isProtected()) {
                out.add(new PersonalField(rootOf(chain), path, chain));
            } else {
                ClassMetadata nested = p.elementMetadata();
                if (nested != null && !onPath.contains(nested.type)) {
                    nested.collect(path + ".", chain, onPath, out);
                }
            }
            chain.remove(chain.size() - 1);
        }
        onPath.remove(type);
    }

    private Class<?> rootOf(List<PropertyMetadata> chain) {
        return chain.get(0).owner();
    }

    @Override
    public String toString() {
        return "ClassMetadata[" + type.getName() + ", " + properties.size() + " properties]";
    }
}
