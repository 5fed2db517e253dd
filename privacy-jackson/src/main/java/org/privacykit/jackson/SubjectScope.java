package org.privacykit.jackson;

import java.util.Map;

import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.spi.engine.PropertyValues;

/**
 * The data subjects of the objects enclosing the value being written or read, innermost first.
 * Nested objects without a {@code @SubjectId} of their own belong to the subject of the object that
 * holds them (the rule of {@code PrivacyMetadata.walk}). One scope lives for one
 * {@code writeValue}/{@code readValue} call, as a per-call attribute of Jackson's
 * {@code SerializerProvider} or {@code DeserializationContext}, never in a global or thread-local.
 */
final class SubjectScope {
    /** The per-call attribute key. */
    static final Object KEY = new Object() {
        @Override
        public String toString() {
            return "privacykit.subjectScope";
        }
    };

    private final SubjectScope parent;
    private final ClassMetadata metadata;
    private final Object bean;
    private final Map<String, String> ids;

    private SubjectScope(SubjectScope parent, ClassMetadata metadata, Object bean, Map<String, String> ids) {
        this.parent = parent;
        this.metadata = metadata;
        this.bean = bean;
        this.ids = ids;
    }

    /** A scope for an object being written: its subject ids are read from the object when asked. */
    static SubjectScope ofBean(SubjectScope parent, ClassMetadata metadata, Object bean) {
        return new SubjectScope(parent, metadata, bean, null);
    }

    /** A scope for an object being read: its subject ids by role, as read from the JSON. */
    static SubjectScope ofIds(SubjectScope parent, Map<String, String> ids) {
        return new SubjectScope(parent, null, null, ids);
    }

    /**
     * Finds the subject id for a role, innermost object first.
     *
     * @param role the role, {@code ""} for the only subject
     * @return the id, or {@code null} when no enclosing object declares one
     */
    String lookup(String role) {
        for (SubjectScope s = this; s != null; s = s.parent) {
            if (s.ids != null) {
                if (s.ids.containsKey(role)) {
                    return s.ids.get(role);
                }
                if (role.isEmpty() && s.ids.size() == 1) {
                    return s.ids.values().iterator().next();
                }
            } else {
                PropertyMetadata id = s.metadata.subjectIdProperty(role);
                if (id != null) {
                    Object value = PropertyValues.read(id, s.bean);
                    return value == null ? null : value.toString();
                }
            }
        }
        return null;
    }

    /**
     * Returns the subject a property's value belongs to: the owner's subject id for the property's
     * role, or else the enclosing objects'.
     */
    static String subjectOf(PropertyMetadata property, ClassMetadata owner, Object bean, Object scope) {
        String role = property == null || property.classification() == null
                ? "" : property.classification().subjectRole();
        PropertyMetadata id = owner.subjectIdProperty(role);
        if (id != null) {
            Object value = PropertyValues.read(id, bean);
            return value == null ? null : value.toString();
        }
        return scope instanceof SubjectScope ? ((SubjectScope) scope).lookup(role) : null;
    }
}
