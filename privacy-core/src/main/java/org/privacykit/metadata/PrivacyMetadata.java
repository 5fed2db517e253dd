package org.privacykit.metadata;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.NullUnmarked;

/**
 * Entry point to the privacy metadata of classes. {@link #of(Class)} reads a class's declarations
 * once and caches them for the life of the class (a {@link ClassValue}), so no hot path reflects on
 * annotations.
 *
 * <pre>{@code
 * ClassMetadata customer = PrivacyMetadata.of(Customer.class);
 * for (PersonalField field : customer.protectedFields()) {
 *     report.add(field.path() + " " + field.classification().sensitivity());
 * }
 * }</pre>
 */
@NullUnmarked // nullness to annotate: see NOTES.md
public final class PrivacyMetadata {
    private static final ClassValue<ClassMetadata> CACHE = new ClassValue<>() {
        @Override
        protected ClassMetadata computeValue(Class<?> type) {
            return MetadataScanner.scan(type);
        }
    };

    private PrivacyMetadata() {
    }

    /**
     * Returns the metadata of a class, reading it on first use.
     *
     * @param type the class
     * @return its metadata; a class without properties for JDK types, enums and primitives
     * @throws PrivacyDeclarationException when the class's annotations are invalid or contradict each other
     */
    public static ClassMetadata of(Class<?> type) {
        return CACHE.get(Objects.requireNonNull(type, "type"));
    }

    /**
     * Tells whether a class is an application type whose fields privacy-kit reads: not a primitive,
     * array, enum, annotation or JDK type.
     *
     * @param type the class
     * @return {@code true} when its properties are read
     */
    public static boolean isNavigable(Class<?> type) {
        if (type.isPrimitive() || type.isArray() || type.isEnum() || type.isAnnotation() || type == Object.class) {
            return false;
        }
        String name = type.getName();
        return !(name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.") || name.startsWith("com.sun.") || name.startsWith("kotlin.")
                || name.startsWith("scala.") || name.startsWith("com.fasterxml.jackson.")
                || name.startsWith("org.slf4j."));
    }

    /**
     * Visits every protected value in an object graph: the object's protected properties, those of
     * the objects it holds, and of the elements of its collections, arrays, maps (values) and
     * {@code Optional}s, each with its concrete path and data subject. Null values are skipped;
     * each object is visited once, so cycles are safe.
     *
     * @param root the object, or a collection, array or map of objects
     * @param visitor receives each protected value
     */
    public static void walk(Object root, PersonalValueVisitor visitor) {
        Objects.requireNonNull(visitor, "visitor");
        new Walker(visitor).value(root, "", null);
    }

    /** Depth-first traversal of an object graph, with the data subject in scope. */
    private static final class Walker {
        private final PersonalValueVisitor visitor;
        private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

        Walker(PersonalValueVisitor visitor) {
            this.visitor = visitor;
        }

        void value(Object value, String path, SubjectScope scope) {
            if (value == null) {
                return;
            }
            if (value instanceof Optional) {
                value(((Optional<?>) value).orElse(null), path, scope);
            } else if (value instanceof Collection || value.getClass().isArray() || value instanceof Map) {
                if (seen.add(value)) {
                    elements(value, path, (element, elementPath) -> value(element, elementPath, scope));
                }
            } else if (isNavigable(value.getClass()) && seen.add(value)) {
                object(value, path, scope);
            }
        }

        private void object(Object bean, String path, SubjectScope parent) {
            ClassMetadata metadata = of(bean.getClass());
            SubjectScope scope = metadata.hasSubjectId() ? new SubjectScope(parent, metadata, bean) : parent;
            String prefix = path.isEmpty() ? "" : path + ".";
            for (PropertyMetadata property : metadata.properties()) {
                Object value = property.get(bean);
                if (value == null) {
                    continue;
                }
                String propertyPath = prefix + property.name();
                if (property.isProtected()) {
                    String subject = scope == null ? null : scope.lookup(property.classification().subjectRole());
                    protectedValue(value, propertyPath, property, subject);
                } else {
                    value(value, propertyPath, scope);
                }
            }
        }

        private void protectedValue(Object value, String path, PropertyMetadata property, String subject) {
            if (value instanceof Optional) {
                Object content = ((Optional<?>) value).orElse(null);
                if (content != null) {
                    protectedValue(content, path, property, subject);
                }
            } else if (value instanceof Collection || value.getClass().isArray() || value instanceof Map) {
                elements(value, path, (element, elementPath) -> {
                    if (element != null) {
                        protectedValue(element, elementPath, property, subject);
                    }
                });
            } else {
                visitor.visit(path, property, value, subject);
            }
        }

        private interface ElementSink {
            void accept(Object element, String path);
        }

        private static void elements(Object container, String path, ElementSink sink) {
            int i = 0;
            if (container instanceof Map) {
                for (Object element : ((Map<?, ?>) container).values()) {
                    sink.accept(element, path + "{" + i++ + "}");
                }
            } else if (container instanceof Collection) {
                for (Object element : (Collection<?>) container) {
                    sink.accept(element, path + "[" + i++ + "]");
                }
            } else if (!container.getClass().getComponentType().isPrimitive()) {
                int length = Array.getLength(container);
                for (; i < length; i++) {
                    sink.accept(Array.get(container, i), path + "[" + i + "]");
                }
            }
        }
    }

    /** The subject ids of the objects enclosing the current one, innermost first. */
    private static final class SubjectScope {
        private final SubjectScope parent;
        private final ClassMetadata metadata;
        private final Object bean;

        SubjectScope(SubjectScope parent, ClassMetadata metadata, Object bean) {
            this.parent = parent;
            this.metadata = metadata;
            this.bean = bean;
        }

        String lookup(String role) {
            for (SubjectScope s = this; s != null; s = s.parent) {
                PropertyMetadata id = s.metadata.subjectIdProperty(role);
                if (id != null) {
                    Object value = id.get(s.bean);
                    return value == null ? null : value.toString();
                }
            }
            return null;
        }
    }
}
