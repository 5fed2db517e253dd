package org.privacykit.anonymize;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.NullUnmarked;
import org.privacykit.annotation.Operator;
import org.privacykit.internal.PropertyAccess;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.spi.engine.ObjectCopier;

/**
 * One deep copy of one object graph. Objects reached twice are copied once and shared in the copy
 * as in the original, so cycles end: classes with a no-argument constructor are registered before
 * their properties are copied, containers before their elements. Not thread-safe; one per call.
 */
@NullUnmarked // nullness to annotate: see NOTES.md
final class GraphCopier {
    /** Marks an object whose copy is being built through its constructor (a record) and does not exist yet. */
    private static final Object IN_PROGRESS = new Object();

    private static final ClassValue<Constructor<?>> NO_ARG = new ClassValue<>() {
        @Override
        protected Constructor<?> computeValue(Class<?> type) {
            if (!Modifier.isPublic(type.getModifiers())) {
                return null;
            }
            try {
                return type.getConstructor();
            } catch (NoSuchMethodException | SecurityException e) {
                return null;
            }
        }
    };

    /** Whether values of a class are application objects to copy field by field; read once per class. */
    private static final ClassValue<Boolean> NAVIGABLE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return PrivacyMetadata.isNavigable(type);
        }
    };

    private final Anonymizer anonymizer;
    private final OperatorSelector selector;
    private final IdentityHashMap<Object, Object> copies = new IdentityHashMap<>();

    GraphCopier(Anonymizer anonymizer, OperatorSelector selector) {
        this.anonymizer = anonymizer;
        this.selector = selector;
    }

    private static String child(String path, String name) {
        if (path == null) {
            return null;
        }
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String index(String path, char open, int i, char close) {
        return path == null ? null : path + open + i + close;
    }

    // ------------------------------------------------------------------ plain values: deep copy

    @SuppressWarnings("JavaUtilDate") // copies the Date values users' classes hold
    Object copy(Object value, Scope scope, String path) {
        if (value == null || value instanceof String) {
            return value;
        }
        if (value instanceof Optional) {
            return Optional.ofNullable(copy(((Optional<?>) value).orElse(null), scope, path));
        }
        Object known = copies.get(value);
        if (known != null) {
            if (known == IN_PROGRESS) {
                throw cycleThroughConstructor(value.getClass());
            }
            return known;
        }
        if (value instanceof Collection) {
            return copyCollection((Collection<?>) value, scope, path, null);
        }
        if (value instanceof Map) {
            return copyMap((Map<?, ?>) value, scope, path, null);
        }
        Class<?> type = value.getClass();
        if (type.isArray()) {
            return copyArray(value, scope, path, null);
        }
        if (NAVIGABLE.get(type)) {
            return copyObject(value, scope, path);
        }
        if (value instanceof Date) {
            return ((Date) value).clone();
        }
        return value; // immutable JDK values: String, numbers, java.time, UUID, enums ...
    }

    private static AnonymizationException cycleThroughConstructor(Class<?> type) {
        return new AnonymizationException(type.getSimpleName(), "the object graph leads back to this object while its"
                + " copy is built through its constructor (a record, or a class without a no-argument constructor);"
                + " such cycles cannot be copied. Give the class a no-argument constructor, or break the cycle");
    }

    /** What to do with each element of a container: copy it, or transform it as a protected value. */
    private interface ElementMapper {
        Object map(Object element, String path);
    }

    private Object copyCollection(Collection<?> original, Scope scope, String path, ElementMapper protectedMapper) {
        Collection<Object>[] target = newCollection(original);
        Collection<Object> fill = target[0];
        Object result = target[1];
        copies.put(original, result);
        int i = 0;
        for (Object element : original) {
            String elementPath = index(path, '[', i++, ']');
            fill.add(protectedMapper == null ? copy(element, scope, elementPath) : protectedMapper.map(element, elementPath));
        }
        return result;
    }

    private Object copyMap(Map<?, ?> original, Scope scope, String path, ElementMapper protectedMapper) {
        @SuppressWarnings("unchecked")
        Map<Object, Object>[] target = newMap(original);
        Map<Object, Object> fill = target[0];
        Object result = target[1];
        copies.put(original, result);
        int i = 0;
        for (Map.Entry<?, ?> entry : original.entrySet()) {
            String valuePath = index(path, '{', i++, '}');
            Object value = entry.getValue();
            fill.put(entry.getKey(), protectedMapper == null ? copy(value, scope, valuePath)
                    : value == null ? null : protectedMapper.map(value, valuePath));
        }
        return result;
    }

    private Object copyArray(Object original, Scope scope, String path, ElementMapper protectedMapper) {
        Class<?> component = original.getClass().getComponentType();
        int length = Array.getLength(original);
        if (component.isPrimitive()) {
            Object clone = Array.newInstance(component, length);
            System.arraycopy(original, 0, clone, 0, length);
            copies.put(original, clone);
            return clone;
        }
        Object[] copy = (Object[]) Array.newInstance(component, length);
        copies.put(original, copy);
        Object[] source = (Object[]) original;
        for (int i = 0; i < length; i++) {
            String elementPath = index(path, '[', i, ']');
            Object element = source[i];
            Object mapped = protectedMapper == null ? copy(element, scope, elementPath)
                    : element == null ? null : protectedMapper.map(element, elementPath);
            try {
                copy[i] = mapped;
            } catch (ArrayStoreException e) {
                throw new AnonymizationException(component.getSimpleName() + "[]", "the anonymized value does not fit"
                        + " the array's element type");
            }
        }
        return copy;
    }

    private Object copyObject(Object bean, Scope parent, String path) {
        ClassMetadata metadata = PrivacyMetadata.of(bean.getClass());
        Anonymizer.ClassPlan plan = anonymizer.plan(metadata);
        Scope scope = metadata.hasSubjectId() ? new Scope(parent, metadata, bean) : parent;
        boolean early = ObjectCopier.isCopiedByAssignment(metadata);
        if (!early) {
            copies.put(bean, IN_PROGRESS);
        }
        Object copy = ObjectCopier.copy(metadata, bean, (property, value) -> property(plan.of(property), value, scope,
                child(path, property.name())), created -> copies.put(bean, created));
        copies.put(bean, copy);
        return copy;
    }

    // ------------------------------------------------------------------ properties

    private Object property(Anonymizer.PropertyPlan plan, Object value, Scope scope, String path) {
        PropertyMetadata p = plan.property;
        switch (plan.kind) {
            case PROTECTED: {
                String subject = scope == null ? null : scope.lookup(p.classification().subjectRole());
                Operator op = plan.operator;
                Transforms.ValueTransform transform = plan.transform;
                if (selector != null) {
                    op = selector.select(new FieldSite(path, p, subject, plan.operator));
                    if (op == null) {
                        return copy(value, scope, path);
                    }
                    transform = plan.transform(op);
                }
                return protectedValue(p, op, transform, value, subject, scope, path, true);
            }
            case SUBJECT_ID: {
                if (selector != null || value == null) {
                    return copy(value, scope, path);
                }
                Object pseudonym = anonymizer.transforms().pseudonymizeSubjectId(value, p.qualifiedName());
                return pseudonym != null ? pseudonym : copy(value, scope, path);
            }
            case DROP:
                return selector != null ? copy(value, scope, path) : Transforms.zero(p.rawType());
            default:
                return copy(value, scope, path);
        }
    }

    private Object protectedValue(PropertyMetadata p, Operator op, Transforms.ValueTransform transform, Object value,
                                  String subject, Scope scope, String path, boolean direct) {
        if (value == null) {
            return direct ? Transforms.zero(p.rawType()) : null;
        }
        if (op == Operator.KEEP) {
            return copy(value, scope, path);
        }
        if (value instanceof String) {
            return transform.apply(value, subject);
        }
        if (value instanceof Optional) {
            Object content = ((Optional<?>) value).orElse(null);
            return op == Operator.SUPPRESS || content == null ? Optional.empty()
                    : Optional.ofNullable(protectedValue(p, op, transform, content, subject, scope, path, false));
        }
        ElementMapper elements = (element, elementPath) ->
                protectedValue(p, op, transform, element, subject, scope, elementPath, false);
        if (value instanceof Collection) {
            return op == Operator.SUPPRESS ? newCollection((Collection<?>) value)[1]
                    : copyCollection((Collection<?>) value, scope, path, elements);
        }
        if (value instanceof Map) {
            return op == Operator.SUPPRESS ? newMap((Map<?, ?>) value)[1] : copyMap((Map<?, ?>) value, scope, path, elements);
        }
        Class<?> type = value.getClass();
        if (type.isArray() && !type.getComponentType().isPrimitive()) {
            return op == Operator.SUPPRESS ? Array.newInstance(type.getComponentType(), 0)
                    : copyArray(value, scope, path, elements);
        }
        if (NAVIGABLE.get(type)) {
            if (op == Operator.SUPPRESS || op == Operator.REDACT) {
                return null;
            }
            throw Transforms.unsupported(p.qualifiedName(), op, type, "single values");
        }
        Object result = transform.apply(value, subject);
        return result == null && direct ? Transforms.zero(p.rawType()) : result;
    }

    // ------------------------------------------------------------------ containers of the same kind

    private static boolean isUnmodifiable(Object container) {
        String name = container.getClass().getName();
        return name.startsWith("java.util.ImmutableCollections") || name.startsWith("java.util.Collections$Unmodifiable")
                || name.startsWith("java.util.Collections$Singleton") || name.startsWith("java.util.Collections$Empty")
                || name.equals("java.util.Arrays$ArrayList");
    }

    /** [0] the collection to fill, [1] the copy to return (the same, or an unmodifiable view of it). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Collection<Object>[] newCollection(Collection<?> original) {
        Collection<Object> fill;
        if (original instanceof EnumSet) {
            fill = ((EnumSet) original).clone();
            fill.clear();
        } else if (original instanceof SortedSet) {
            fill = new TreeSet<>((java.util.Comparator<Object>) ((SortedSet<?>) original).comparator());
        } else if (!isUnmodifiable(original) && NO_ARG.get(original.getClass()) != null) {
            try {
                fill = (Collection<Object>) NO_ARG.get(original.getClass()).newInstance();
            } catch (ReflectiveOperationException | RuntimeException e) {
                fill = fallbackCollection(original);
            }
        } else {
            fill = fallbackCollection(original);
        }
        Object result = fill;
        if (isUnmodifiable(original)) {
            if (original instanceof List) {
                result = Collections.unmodifiableList((List<Object>) fill);
            } else if (original instanceof NavigableSet) {
                result = Collections.unmodifiableNavigableSet((NavigableSet<Object>) fill);
            } else if (original instanceof Set) {
                result = Collections.unmodifiableSet((Set<Object>) fill);
            } else {
                result = Collections.unmodifiableCollection(fill);
            }
        }
        return new Collection[] {fill, (Collection<Object>) result};
    }

    @SuppressWarnings("JdkObsolete") // a copy keeps the kind of queue the user chose
    private static Collection<Object> fallbackCollection(Collection<?> original) {
        if (original instanceof List) {
            return new ArrayList<>(original.size());
        }
        if (original instanceof Set) {
            return new LinkedHashSet<>();
        }
        if (original instanceof Queue) {
            return original instanceof java.util.Deque && !(original instanceof LinkedList)
                    ? new ArrayDeque<>() : new LinkedList<>();
        }
        return new ArrayList<>(original.size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<Object, Object>[] newMap(Map<?, ?> original) {
        Map<Object, Object> fill;
        if (original instanceof EnumMap) {
            fill = new EnumMap((EnumMap) original);
            fill.clear();
        } else if (original instanceof SortedMap) {
            fill = new TreeMap<>((java.util.Comparator<Object>) ((SortedMap<?, ?>) original).comparator());
        } else if (!isUnmodifiable(original) && NO_ARG.get(original.getClass()) != null) {
            try {
                fill = (Map<Object, Object>) NO_ARG.get(original.getClass()).newInstance();
            } catch (ReflectiveOperationException | RuntimeException e) {
                fill = new LinkedHashMap<>();
            }
        } else {
            fill = new LinkedHashMap<>();
        }
        Object result = fill;
        if (isUnmodifiable(original)) {
            result = original instanceof NavigableMap ? Collections.unmodifiableNavigableMap((NavigableMap) fill)
                    : Collections.unmodifiableMap(fill);
        }
        return new Map[] {fill, (Map<Object, Object>) result};
    }

    // ------------------------------------------------------------------ subjects

    /** The subject ids of the objects enclosing the current one, innermost first. */
    static final class Scope {
        private final Scope parent;
        private final ClassMetadata metadata;
        private final Object bean;

        Scope(Scope parent, ClassMetadata metadata, Object bean) {
            this.parent = parent;
            this.metadata = metadata;
            this.bean = bean;
        }

        String lookup(String role) {
            for (Scope s = this; s != null; s = s.parent) {
                PropertyMetadata id = s.metadata.subjectIdProperty(role);
                if (id != null) {
                    Object value = PropertyAccess.read(id, s.bean);
                    return value == null ? null : value.toString();
                }
            }
            return null;
        }
    }
}
