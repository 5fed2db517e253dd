package org.privacykit.spi.engine;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.privacykit.internal.PropertyAccess;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PropertyMetadata;

/**
 * The data subjects of the objects enclosing the value being written or read, innermost first.
 * Nested objects without a {@code @SubjectId} of their own belong to the subject of the object that
 * holds them (the rule of {@code PrivacyMetadata.walk}). One scope lives for one write or read call,
 * as a per-call attribute of the mapper ({@link #KEY}), never in a global or thread-local.
 */
public final class SubjectScope {
    /** The per-call attribute key. */
    public static final Object KEY = new Object() {
        @Override
        public String toString() {
            return "privacykit.subjectScope";
        }
    };

    private final @Nullable SubjectScope parent;
    private final @Nullable ClassMetadata metadata;
    private final @Nullable Object bean;
    private final @Nullable Map<String, @Nullable String> ids;

    private SubjectScope(@Nullable SubjectScope parent, @Nullable ClassMetadata metadata, @Nullable Object bean,
                         @Nullable Map<String, @Nullable String> ids) {
        this.parent = parent;
        this.metadata = metadata;
        this.bean = bean;
        this.ids = ids;
    }

    /**
     * A scope for an object being written: its subject ids are read from the object when asked.
     *
     * @param parent the enclosing scope, or {@code null}
     * @param metadata the object's class metadata
     * @param bean the object
     * @return the scope
     */
    public static SubjectScope ofBean(@Nullable SubjectScope parent, ClassMetadata metadata, Object bean) {
        return new SubjectScope(parent, metadata, bean, null);
    }

    /**
     * A scope for an object being read: its subject ids by role, as read from the JSON.
     *
     * @param parent the enclosing scope, or {@code null}
     * @param ids the ids by role ({@code ""} for the only subject); values may be {@code null}
     * @return the scope
     */
    public static SubjectScope ofIds(@Nullable SubjectScope parent, Map<String, @Nullable String> ids) {
        return new SubjectScope(parent, null, null, ids);
    }

    /**
     * Finds the subject id for a role, innermost object first.
     *
     * @param role the role, {@code ""} for the only subject
     * @return the id, or {@code null} when no enclosing object declares one
     */
    public @Nullable String lookup(String role) {
        for (SubjectScope s = this; s != null; s = s.parent) {
            if (s.ids != null) {
                if (s.ids.containsKey(role)) {
                    return s.ids.get(role);
                }
                if (role.isEmpty() && s.ids.size() == 1) {
                    return s.ids.values().iterator().next();
                }
            } else if (s.metadata != null && s.bean != null) {
                PropertyMetadata id = s.metadata.subjectIdProperty(role);
                if (id != null) {
                    return text(PropertyAccess.read(id, s.bean));
                }
            }
        }
        return null;
    }

    /**
     * Returns the subject a property's value belongs to: the owner's subject id for the property's
     * role, or else the enclosing objects'.
     *
     * @param property the property, or {@code null} for one privacy-kit does not know
     * @param owner the metadata of the object holding it
     * @param bean the object holding it
     * @param scope the enclosing scope (the per-call attribute), or {@code null}
     * @return the subject id, or {@code null}
     */
    public static @Nullable String subjectOf(@Nullable PropertyMetadata property, ClassMetadata owner, Object bean,
                                             @Nullable Object scope) {
        String role = roleOf(property);
        PropertyMetadata id = owner.subjectIdProperty(role);
        if (id != null) {
            return text(PropertyAccess.read(id, bean));
        }
        return scope instanceof SubjectScope s ? s.lookup(role) : null;
    }

    /**
     * The subject role a property's value belongs to.
     *
     * @param property the property, or {@code null}
     * @return its classification's role, {@code ""} for the only subject
     */
    public static String roleOf(@Nullable PropertyMetadata property) {
        return property == null || property.classification() == null ? "" : property.classification().subjectRole();
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }
}
