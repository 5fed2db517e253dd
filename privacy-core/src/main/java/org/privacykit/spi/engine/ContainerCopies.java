package org.privacykit.spi.engine;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
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

/**
 * New, empty containers of the same kind as an original, for copies: the same class where it has a
 * public no-argument constructor, the same comparator for sorted ones, and an unmodifiable view
 * where the original is unmodifiable.
 */
final class ContainerCopies {
    private static final ClassValue<Optional<Constructor<?>>> NO_ARG = new ClassValue<>() {
        @Override
        protected Optional<Constructor<?>> computeValue(Class<?> type) {
            if (!Modifier.isPublic(type.getModifiers())) {
                return Optional.empty();
            }
            try {
                return Optional.of(type.getConstructor());
            } catch (NoSuchMethodException | SecurityException e) {
                return Optional.empty();
            }
        }
    };

    private ContainerCopies() {
    }

    /** A container to fill and the copy it gives: the same object, or an unmodifiable view of it. */
    record Target(Object fill, Object result) {
    }

    /** An empty copy of any container: collection, map, array of objects or {@code Optional}. */
    static Object empty(Object original) {
        if (original instanceof Optional) {
            return Optional.empty();
        }
        if (original.getClass().isArray()) {
            return Array.newInstance(original.getClass().getComponentType(), 0);
        }
        return target(original, 0).result();
    }

    /** A target for a collection, a map, or an array of {@code length}. */
    static Target target(Object original, int length) {
        if (original instanceof Collection<?> c) {
            return collection(c);
        }
        if (original instanceof Map<?, ?> m) {
            return map(m);
        }
        Object array = Array.newInstance(original.getClass().getComponentType(), length);
        return new Target(array, array);
    }

    private static boolean isUnmodifiable(Object container) {
        String name = container.getClass().getName();
        return name.startsWith("java.util.ImmutableCollections") || name.startsWith("java.util.Collections$Unmodifiable")
                || name.startsWith("java.util.Collections$Singleton") || name.startsWith("java.util.Collections$Empty")
                || name.equals("java.util.Arrays$ArrayList");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Target collection(Collection<?> original) {
        Collection<Object> fill;
        if (original instanceof EnumSet) {
            fill = ((EnumSet) original).clone();
            fill.clear();
        } else if (original instanceof SortedSet) {
            fill = new TreeSet<>((Comparator<Object>) ((SortedSet<?>) original).comparator());
        } else if (!isUnmodifiable(original) && NO_ARG.get(original.getClass()).isPresent()) {
            try {
                fill = (Collection<Object>) NO_ARG.get(original.getClass()).get().newInstance();
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
        return new Target(fill, result);
    }

    @SuppressWarnings("JdkObsolete") // a LinkedList copy of a LinkedList-like queue: it may hold nulls, ArrayDeque not
    private static Collection<Object> fallbackCollection(Collection<?> original) {
        if (original instanceof List) {
            return new ArrayList<>(original.size());
        }
        if (original instanceof Set) {
            return new LinkedHashSet<>();
        }
        if (original instanceof Queue) {
            return original instanceof Deque && !(original instanceof LinkedList)
                    ? new ArrayDeque<>() : new LinkedList<>();
        }
        return new ArrayList<>(original.size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Target map(Map<?, ?> original) {
        Map<Object, Object> fill;
        if (original instanceof EnumMap) {
            fill = new EnumMap((EnumMap) original);
            fill.clear();
        } else if (original instanceof SortedMap) {
            fill = new TreeMap<>((Comparator<Object>) ((SortedMap<?, ?>) original).comparator());
        } else if (!isUnmodifiable(original) && NO_ARG.get(original.getClass()).isPresent()) {
            try {
                fill = (Map<Object, Object>) NO_ARG.get(original.getClass()).get().newInstance();
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
        return new Target(fill, result);
    }
}
