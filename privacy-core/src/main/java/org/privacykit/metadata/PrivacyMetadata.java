package org.privacykit.metadata;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
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
     * the objects it holds, and of the elements of its collections, arrays, maps (values, and keys
     * declared personal) and {@code Optional}s, each with its concrete path and data subject. Null
     * values are skipped; each object is visited once, so cycles are safe; the walk keeps its own
     * stack, so a graph of any depth is walked. A primitive array of a protected property (a
     * {@code char[]} password) is one value.
     *
     * @param root the object, or a collection, array or map of objects
     * @param visitor receives each protected value
     * @throws IllegalStateException when a property cannot be read (naming it, with a redacted cause)
     */
    public static void walk(Object root, PersonalValueVisitor visitor) {
        Objects.requireNonNull(visitor, "visitor");
        new Walker(visitor).walk(root);
    }

    /** Depth-first traversal of an object graph from an explicit stack, with the data subject in scope. */
    private static final class Walker {
        private final PersonalValueVisitor visitor;
        private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        private final IdentityHashMap<Object, List<PropertyMetadata>> seenProtected = new IdentityHashMap<>();
        private final ArrayDeque<Step> stack = new ArrayDeque<>();
        private final List<Step> children = new ArrayList<>();

        Walker(PersonalValueVisitor visitor) {
            this.visitor = visitor;
        }

        /**
         * One value to walk: {@code property} is set for a value of a protected property (visited, or
         * its elements are), {@code keys} for a value whose first map has personal keys.
         */
        private record Step(Object value, String path, SubjectScope scope, PropertyMetadata property, String subject,
                            PropertyMetadata keys) {
        }

        void walk(Object root) {
            stack.push(new Step(root, "", null, null, null, null));
            while (!stack.isEmpty()) {
                step(stack.pop());
                for (int i = children.size() - 1; i >= 0; i--) {
                    stack.push(children.get(i));
                }
                children.clear();
            }
        }

        private void step(Step s) {
            Object value = s.value;
            if (value == null) {
                return;
            }
            if (value instanceof Optional<?> optional) {
                children.add(new Step(optional.orElse(null), s.path, s.scope, s.property, s.subject, s.keys));
            } else if (value instanceof Collection || value instanceof Map
                    || (value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive())) {
                // a container is walked once, or once per protected property that holds it
                if (s.property == null ? seen.add(value) : seenAs(value, s.property)) {
                    elements(s);
                }
            } else if (s.property != null) {
                visitor.visit(s.path, s.property, value, s.subject);
            } else if (isNavigable(value.getClass()) && seen.add(value)) {
                object(value, s.path, s.scope);
            }
        }

        /** Whether a container is met for the first time as a value of this protected property. */
        private boolean seenAs(Object container, PropertyMetadata property) {
            List<PropertyMetadata> as = seenProtected.computeIfAbsent(container, c -> new ArrayList<>(1));
            if (as.contains(property)) {
                return false;
            }
            as.add(property);
            return true;
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
                    children.add(new Step(value, propertyPath, scope, property, subject, property.mapKey()));
                } else {
                    children.add(new Step(value, propertyPath, scope, null, null, property.mapKey()));
                }
            }
        }

        private void elements(Step s) {
            int i = 0;
            if (s.value instanceof Map<?, ?> map) {
                PropertyMetadata keys = s.keys;
                String keySubject = keys == null || s.scope == null ? null
                        : s.scope.lookup(keys.classification().subjectRole());
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (keys != null && entry.getKey() != null) {
                        visitor.visit(s.path + "{key:" + i + "}", keys, entry.getKey(), keySubject);
                    }
                    children.add(new Step(entry.getValue(), s.path + "{" + i++ + "}", s.scope, s.property, s.subject,
                            null));
                }
            } else if (s.value instanceof Collection<?> collection) {
                for (Object element : collection) {
                    children.add(new Step(element, s.path + "[" + i++ + "]", s.scope, s.property, s.subject, s.keys));
                }
            } else {
                Object[] array = (Object[]) s.value;
                for (; i < array.length; i++) {
                    children.add(new Step(array[i], s.path + "[" + i + "]", s.scope, s.property, s.subject, s.keys));
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
