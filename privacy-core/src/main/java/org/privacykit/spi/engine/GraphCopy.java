package org.privacykit.spi.engine;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.privacykit.internal.PropertyAccess;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.metadata.RedactedException;

/**
 * Copies an object graph with the values of chosen properties replaced: the one graph copier behind
 * the anonymizer and {@code FieldEncryptor}'s object methods. A {@link Policy} decides, property by
 * property, what the copy holds; this class does the rest. Records are rebuilt through their
 * canonical constructor; other classes through a no-argument constructor and their fields, or a
 * constructor that takes every field. Collections, maps, arrays and {@code Optional}s are copied to
 * containers of the same kind. Objects reached twice are copied once and stay shared in the copy,
 * so cycles end (a cycle through a constructor-built class cannot be copied, and is refused). The
 * original is never modified.
 *
 * <p>Nothing recurses: the copy keeps its own stack, so a graph of any depth is copied without
 * growing the thread's stack.
 *
 * <p>A policy that {@linkplain Policy#copiesUnchanged() copies unchanged parts} makes a deep copy
 * that shares nothing mutable with the original (the anonymizer). Otherwise only the objects and
 * containers through which something changed are copied, the rest is shared, and a graph where
 * nothing changed is returned as it is (field encryption).
 *
 * @param <X> the checked exception a policy may throw
 */
public final class GraphCopy<X extends Exception> {
    /** A {@link ValueFunction} result: copy the value as an ordinary value. */
    public static final Object COPY = new Directive("COPY");
    /** A {@link ValueFunction} result: copy the container, passing each element through the function. */
    public static final Object DESCEND = new Directive("DESCEND");
    /** A {@link ValueFunction} result: an empty container of the same kind. */
    public static final Object EMPTY = new Directive("EMPTY");

    private static final Object PENDING = new Directive("PENDING");

    private final Policy<X> policy;
    private final boolean deep;
    private final boolean paths;
    /** Original to copy for what is done; to its {@link Frame} while it is being copied. */
    private final IdentityHashMap<Object, Object> copies = new IdentityHashMap<>();
    /** Containers of protected values being transformed, to refuse one that holds itself. */
    private final Set<Object> transforming = Collections.newSetFromMap(new IdentityHashMap<>());
    private final ArrayDeque<Frame> stack = new ArrayDeque<>();
    private final Mode plain = new Mode(null, null, null);

    private GraphCopy(Policy<X> policy) {
        this.policy = policy;
        this.deep = policy.copiesUnchanged();
        this.paths = policy.tracksPaths();
    }

    /**
     * Copies a graph.
     *
     * @param root an object, or a collection, map, array or {@code Optional} of objects; {@code null} gives {@code null}
     * @param policy what the copy holds
     * @param <X> the exception the policy may throw
     * @return the copy, of the same class; the root itself when nothing changed and the policy shares unchanged parts
     * @throws X when the policy throws
     * @throws IllegalStateException when a class cannot be copied, a property cannot be read, or a
     *         constructor rejects a value (from the policy's hooks, naming the class and component)
     */
    public static <X extends Exception> @Nullable Object copy(@Nullable Object root, Policy<X> policy) throws X {
        return new GraphCopy<>(Objects.requireNonNull(policy, "policy")).run(root);
    }

    private @Nullable Object run(@Nullable Object root) throws X {
        @Nullable Object result = start(root, plain, paths ? "" : null, null, false);
        while (!stack.isEmpty()) {
            Frame top = stack.peek();
            Object done = top.advance();
            if (done == PENDING) {
                continue;
            }
            stack.pop();
            if (stack.isEmpty()) {
                result = done;
            } else {
                stack.peek().deliver(done);
            }
        }
        return result;
    }

    // ------------------------------------------------------------------ starting a value

    /** The copy of a value, or {@link #PENDING} when a frame was pushed to make it. */
    @SuppressWarnings("JavaUtilDate") // clones the Date values users' classes hold
    private @Nullable Object start(@Nullable Object value, Mode mode, @Nullable String path, @Nullable Scope scope,
                                   boolean direct) throws X {
        if (value == null) {
            return null;
        }
        if (mode.values != null) {
            return startMapped(value, mode, mode.values, path, scope, direct);
        }
        if (value instanceof String) {
            return value;
        }
        Class<?> type = value.getClass();
        boolean container = value instanceof Optional || value instanceof Collection || value instanceof Map
                || (type.isArray() && !type.getComponentType().isPrimitive());
        if (container && !mode.isShared()) {
            // its map keys are transformed: a copy of its own, never one made for another reference
            return pushTransformed(value, mode, path, scope);
        }
        Object known = copies.get(value);
        if (known != null) {
            return known instanceof GraphCopy<?>.Frame frame ? frame.reachedAgain() : known;
        }
        if (container) {
            return push(new ContainerFrame(value, mode, path, scope));
        }
        if (type.isArray()) {
            return deep ? cloneArray(value) : value;
        }
        if (PrivacyMetadata.isNavigable(type)) {
            return push(new ObjectFrame(value, path, scope));
        }
        if (deep && value instanceof Date date) {
            return date.clone();
        }
        return value; // immutable JDK values: numbers, java.time, UUID, enums ...
    }

    private @Nullable Object startMapped(Object value, Mode mode, ValueFunction<X> values, @Nullable String path,
                                         @Nullable Scope scope, boolean direct) throws X {
        Object r = values.apply(value, direct);
        if (r == COPY) {
            return start(value, new Mode(null, mode.keys, mode.property), path, scope, direct);
        }
        if (r == EMPTY) {
            return ContainerCopies.empty(value);
        }
        if (r == DESCEND) {
            boolean container = value instanceof Optional || value instanceof Collection || value instanceof Map
                    || (value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive());
            if (!container) {
                throw new IllegalStateException((mode.property == null ? "" : mode.property.qualifiedName() + ": ")
                        + "a policy descended into a "
                        + value.getClass().getSimpleName() + ", which is no container");
            }
            return pushTransformed(value, mode, path, scope);
        }
        return r;
    }

    /** Copies a container whose elements or keys are transformed; refuses one that holds itself. */
    private Object pushTransformed(Object container, Mode mode, @Nullable String path, @Nullable Scope scope) {
        if (!transforming.add(container)) {
            throw policy.cycle(mode.property == null ? container.getClass() : mode.property.owner());
        }
        return push(new ContainerFrame(container, mode, path, scope));
    }

    private Object push(Frame frame) {
        stack.push(frame);
        return PENDING;
    }

    private static Object cloneArray(Object array) {
        if (array instanceof byte[] a) {
            return a.clone();
        }
        if (array instanceof char[] a) {
            return a.clone();
        }
        if (array instanceof int[] a) {
            return a.clone();
        }
        if (array instanceof long[] a) {
            return a.clone();
        }
        if (array instanceof double[] a) {
            return a.clone();
        }
        if (array instanceof float[] a) {
            return a.clone();
        }
        if (array instanceof short[] a) {
            return a.clone();
        }
        return ((boolean[]) array).clone();
    }

    private static @Nullable String child(@Nullable String path, String name) {
        if (path == null) {
            return null;
        }
        return path.isEmpty() ? name : path + "." + name;
    }

    // ------------------------------------------------------------------ frames

    /** A copy in progress, which takes its parts one at a time. */
    private abstract class Frame {
        /** Takes parts until one needs a frame of its own ({@link #PENDING}), or returns the finished copy. */
        abstract @Nullable Object advance() throws X;

        /** Receives the copy of the part the last {@link #advance} waited for. */
        abstract void deliver(@Nullable Object copy);

        /** What a reference back to this object, met while it is being copied, points to. */
        abstract Object reachedAgain();
    }

    /** An application object, copied property by property. */
    private final class ObjectFrame extends Frame implements Site<X> {
        private final Object bean;
        private final ClassMetadata metadata;
        private final Instantiator instantiator;
        private final List<PropertyMetadata> properties;
        private final @Nullable String path;
        private final @Nullable Scope scope;
        private final @Nullable Object[] originals;
        private final @Nullable Object[] values;
        private int index;
        private @Nullable PropertyMetadata current;
        private @Nullable Object early;
        private boolean referencedAsOriginal;

        ObjectFrame(Object bean, @Nullable String path, @Nullable Scope parent) {
            this.bean = bean;
            this.metadata = PrivacyMetadata.of(bean.getClass());
            this.instantiator = Instantiator.of(bean.getClass());
            this.properties = instantiator.properties();
            this.path = path;
            this.scope = metadata.hasSubjectId() ? new Scope(parent, metadata, bean) : parent;
            this.originals = new Object[properties.size()];
            this.values = new Object[properties.size()];
            if (deep && instantiator.byAssignment()) {
                early = instantiator.newInstance();
                copies.put(bean, early);
            } else {
                copies.put(bean, this);
            }
        }

        @Override
        @Nullable Object advance() throws X {
            while (index < properties.size()) {
                PropertyMetadata p = properties.get(index);
                current = p;
                Object original = PropertyAccess.read(p, bean);
                originals[index] = original;
                Mapping<X> mapping = policy.property(p, original, this);
                String childPath = paths ? child(path, p.name()) : null;
                Object copy = switch (mapping.kind) {
                    case Mapping.KIND_COPY -> start(original, plain, childPath, scope, true);
                    case Mapping.KIND_REPLACE -> mapping.replacement;
                    default -> start(original, new Mode(mapping.values, mapping.keys, p), childPath, scope, true);
                };
                index++;
                if (copy == PENDING) {
                    return PENDING;
                }
                values[index - 1] = copy;
            }
            return finish();
        }

        @Override
        void deliver(@Nullable Object copy) {
            values[index - 1] = copy;
        }

        @Override
        Object reachedAgain() {
            if (instantiator.byAssignment()) {
                if (early == null) {
                    early = instantiator.newInstance();
                }
                copies.put(bean, early);
                return early;
            }
            if (deep) {
                throw policy.cycle(bean.getClass());
            }
            referencedAsOriginal = true; // right if nothing in it changes; refused below if something does
            return bean;
        }

        private Object finish() {
            boolean changed = deep || early != null;
            for (int i = 0; i < values.length && !changed; i++) {
                changed = values[i] != originals[i];
            }
            Object copy;
            if (!changed) {
                copy = bean;
            } else if (instantiator.byAssignment()) {
                copy = early != null ? early : instantiator.newInstance();
                instantiator.assign(copy, values);
            } else {
                if (referencedAsOriginal) {
                    throw policy.cycle(bean.getClass());
                }
                copy = construct();
            }
            copies.put(bean, copy);
            return copy;
        }

        /** Builds the copy through its constructor; when the constructor rejects it, finds which value it rejects. */
        private Object construct() {
            try {
                return instantiator.construct(values);
            } catch (InvocationTargetException e) {
                PropertyMetadata rejected = null;
                for (int i = 0; i < values.length && rejected == null; i++) {
                    if (values[i] == originals[i]) {
                        continue;
                    }
                    @Nullable Object[] one = originals.clone();
                    one[i] = values[i];
                    try {
                        instantiator.construct(one);
                    } catch (InvocationTargetException | RuntimeException again) {
                        rejected = properties.get(i);
                    }
                }
                throw policy.rejected(metadata.type(), rejected, e.getCause() != null ? e.getCause() : e);
            }
        }

        @Override
        public @Nullable String subjectId(String role) throws X {
            return scope == null ? null : scope.lookup(role);
        }

        @Override
        public @Nullable String path() {
            return paths && current != null ? child(path, current.name()) : null;
        }
    }

    /** A collection, map, array or {@code Optional}, copied element by element. */
    private final class ContainerFrame extends Frame {
        private final Object original;
        private final Mode mode;
        private final @Nullable String path;
        private final @Nullable Scope scope;
        private final boolean map;
        private final char open;
        private final char close;
        private final @Nullable List<@Nullable Object> keys;
        private final List<@Nullable Object> originals;
        private final @Nullable Object[] values;
        private int index;
        private ContainerCopies.@Nullable Target early;
        private boolean referencedAsOriginal;

        ContainerFrame(Object original, Mode mode, @Nullable String path, @Nullable Scope scope) {
            this.original = original;
            this.mode = mode;
            this.path = path;
            this.scope = scope;
            this.map = original instanceof Map;
            this.open = map ? '{' : '[';
            this.close = map ? '}' : ']';
            if (original instanceof Map<?, ?> m) {
                keys = new ArrayList<>(m.size());
                originals = new ArrayList<>(m.size());
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    keys.add(e.getKey());
                    originals.add(e.getValue());
                }
            } else {
                keys = null;
                if (original instanceof Optional<?> optional) {
                    originals = Collections.singletonList(optional.orElse(null));
                } else if (original instanceof Collection<?> c) {
                    originals = new ArrayList<>(c);
                } else {
                    originals = Arrays.asList((Object[]) original);
                }
            }
            values = new Object[originals.size()];
            if (mode.isShared()) {
                copies.put(original, this);
            }
        }

        @Override
        @Nullable Object advance() throws X {
            // map values and what lies in them are past the map whose keys were declared
            Mode elements = map ? new Mode(mode.values, null, mode.property) : mode;
            boolean optional = original instanceof Optional;
            while (index < values.length) {
                String elementPath = path == null ? null : optional ? path : path + open + index + close;
                Object copy = start(originals.get(index), elements, elementPath, scope, false);
                index++;
                if (copy == PENDING) {
                    return PENDING;
                }
                values[index - 1] = copy;
            }
            return finish();
        }

        @Override
        void deliver(@Nullable Object copy) {
            values[index - 1] = copy;
        }

        @Override
        Object reachedAgain() {
            if (original instanceof Optional) {
                referencedAsOriginal = true;
                return original;
            }
            if (early == null) {
                early = ContainerCopies.target(original, values.length);
            }
            copies.put(original, early.result());
            return early.result();
        }

        private Object finish() throws X {
            List<@Nullable Object> newKeys = keys;
            boolean changed = deep || early != null;
            ValueFunction<X> keyFunction = mode.keys;
            if (keys != null && keyFunction != null) {
                newKeys = new ArrayList<>(keys.size());
                for (Object key : keys) {
                    Object k = key == null ? null : keyFunction.apply(key, false);
                    newKeys.add(k == COPY ? key : k);
                    changed |= newKeys.get(newKeys.size() - 1) != key;
                }
            }
            for (int i = 0; i < values.length && !changed; i++) {
                changed = values[i] != originals.get(i);
            }
            Object copy;
            if (!changed) {
                copy = original;
            } else if (original instanceof Optional) {
                if (referencedAsOriginal) {
                    throw policy.cycle(mode.property == null ? Optional.class : mode.property.owner());
                }
                copy = Optional.ofNullable(values[0]);
            } else {
                ContainerCopies.Target target = early != null ? early : ContainerCopies.target(original, values.length);
                fill(target.fill(), newKeys);
                copy = target.result();
            }
            if (mode.isShared()) {
                copies.put(original, copy);
            } else {
                transforming.remove(original);
            }
            return copy;
        }

        @SuppressWarnings("unchecked")
        private void fill(Object target, @Nullable List<@Nullable Object> newKeys) {
            if (target instanceof Map) {
                Map<@Nullable Object, @Nullable Object> m = (Map<@Nullable Object, @Nullable Object>) target;
                PropertyMetadata property = mode.property;
                for (int i = 0; i < values.length; i++) {
                    Object key = newKeys == null ? null : newKeys.get(i);
                    if (mode.keys != null && property != null && m.containsKey(key)) {
                        PropertyMetadata keys = property.mapKey();
                        throw policy.keysCollide(keys != null ? keys : property);
                    }
                    m.put(key, values[i]);
                }
            } else if (target instanceof Collection) {
                Collection<@Nullable Object> c = (Collection<@Nullable Object>) target;
                c.addAll(Arrays.asList(values));
            } else {
                @Nullable Object[] array = (@Nullable Object[]) target;
                try {
                    System.arraycopy(values, 0, array, 0, values.length);
                } catch (ArrayStoreException e) {
                    throw policy.doesNotFit(array.getClass().getComponentType(), mode.property);
                }
            }
        }
    }

    // ------------------------------------------------------------------ modes and subjects

    /**
     * How the values reached from a property are copied: through {@code values} ({@code null}: as
     * ordinary values), with the keys of the first map among them through {@code keys}
     * ({@code null}: kept).
     */
    private final class Mode {
        final @Nullable ValueFunction<X> values;
        final @Nullable ValueFunction<X> keys;
        final @Nullable PropertyMetadata property;

        Mode(@Nullable ValueFunction<X> values, @Nullable ValueFunction<X> keys, @Nullable PropertyMetadata property) {
            this.values = values;
            this.keys = keys;
            this.property = property;
        }

        /** Whether values copied under this mode are the same copies wherever they are reached. */
        boolean isShared() {
            return values == null && keys == null;
        }
    }

    /** The subject ids of the objects enclosing the current one, innermost first, each read once. */
    private final class Scope {
        private final @Nullable Scope parent;
        private final ClassMetadata metadata;
        private final Object bean;
        private @Nullable Map<String, @Nullable String> resolved;

        Scope(@Nullable Scope parent, ClassMetadata metadata, Object bean) {
            this.parent = parent;
            this.metadata = metadata;
            this.bean = bean;
        }

        @Nullable String lookup(String role) throws X {
            for (Scope s = this; s != null; s = s.parent) {
                PropertyMetadata id = s.metadata.subjectIdProperty(role);
                if (id != null) {
                    return s.read(id);
                }
            }
            return null;
        }

        private @Nullable String read(PropertyMetadata id) throws X {
            Map<String, @Nullable String> known = resolved;
            if (known == null) {
                known = new HashMap<>(2);
                resolved = known;
            } else if (known.containsKey(id.name())) {
                return known.get(id.name());
            }
            String value = policy.subjectId(id, PropertyAccess.read(id, bean));
            known.put(id.name(), value);
            return value;
        }
    }

    // ------------------------------------------------------------------ the policy

    /**
     * What a copy holds. Implementations are asked once per property of each object copied.
     *
     * @param <X> the checked exception the policy may throw
     */
    public interface Policy<X extends Exception> {
        /**
         * Tells whether objects and containers in which nothing changed are copied too (a deep copy
         * that shares nothing mutable with the original) or shared with it.
         *
         * @return {@code true} for a deep copy
         */
        boolean copiesUnchanged();

        /**
         * Tells whether {@link Site#path()} is needed; paths cost a string per property.
         *
         * @return {@code true} to track concrete paths
         */
        default boolean tracksPaths() {
            return false;
        }

        /**
         * Decides what the copy of one property holds.
         *
         * @param property the property
         * @param value its value in the original, possibly {@code null}
         * @param site where it is: its path and the data subjects around it
         * @return the mapping
         * @throws X when the policy refuses the value
         */
        Mapping<X> property(PropertyMetadata property, @Nullable Object value, Site<X> site) throws X;

        /**
         * Returns the subject id a {@code @SubjectId} property's value stands for; by default its text.
         * A policy that reads encrypted objects decrypts it here.
         *
         * @param idProperty the subject id property
         * @param value its value in the original, possibly {@code null}
         * @return the subject id, or {@code null}
         * @throws X when it cannot be read
         */
        default @Nullable String subjectId(PropertyMetadata idProperty, @Nullable Object value) throws X {
            return value == null ? null : value.toString();
        }

        /**
         * Returns the exception for a class whose constructor rejected the copy's values.
         *
         * @param type the class
         * @param component the property whose new value alone the constructor rejects, or {@code null}
         *                  when no single one does
         * @param cause what the constructor threw; its message may quote a value, so it is not shown
         * @return the exception to throw
         */
        default RuntimeException rejected(Class<?> type, @Nullable PropertyMetadata component, Throwable cause) {
            return new IllegalStateException((component == null ? type.getSimpleName() : component.qualifiedName())
                    + ": the constructor rejects the copy's value (it threw " + RedactedException.typeOf(cause) + ")",
                    RedactedException.of(cause));
        }

        /**
         * Returns the exception for a graph that leads back to an object while its copy is built through
         * its constructor.
         *
         * @param type the class
         * @return the exception to throw
         */
        default RuntimeException cycle(Class<?> type) {
            return new IllegalStateException(type.getSimpleName() + ": the object graph leads back to this object"
                    + " while its copy is built through its constructor (a record, or a class without a no-argument"
                    + " constructor); such cycles cannot be copied. Give the class a no-argument constructor, or"
                    + " break the cycle");
        }

        /**
         * Returns the exception for two keys of one map that became equal in the copy.
         *
         * @param keys the keys' property
         * @return the exception to throw
         */
        default RuntimeException keysCollide(PropertyMetadata keys) {
            return new IllegalStateException(keys.qualifiedName() + ": two keys of one map became equal in the copy,"
                    + " which would lose an entry");
        }

        /**
         * Returns the exception for a value that does not fit the element type of its array.
         *
         * @param component the array's element type
         * @param property the property the array belongs to, or {@code null}
         * @return the exception to throw
         */
        default RuntimeException doesNotFit(Class<?> component, @Nullable PropertyMetadata property) {
            return new IllegalStateException((property == null ? component.getSimpleName() + "[]"
                    : property.qualifiedName()) + ": a copied value does not fit the array's element type");
        }
    }

    /**
     * Where a property being mapped sits.
     *
     * @param <X> the checked exception the policy may throw
     */
    public interface Site<X extends Exception> {
        /**
         * Returns the id of the data subject of a role: the innermost enclosing object's that declares it.
         *
         * @param role the role, {@code ""} for the only subject
         * @return the id, or {@code null}
         * @throws X when the policy cannot read it
         */
        @Nullable String subjectId(String role) throws X;

        /**
         * Returns the concrete path of the property from the root, with indexes, as
         * {@link PrivacyMetadata#walk} writes it: {@code orders[0].shippingAddress.postcode}.
         *
         * @return the path, or {@code null} when the policy does not {@linkplain Policy#tracksPaths() track paths}
         */
        @Nullable String path();
    }

    /**
     * Transforms the values reached from a property.
     *
     * @param <X> the checked exception it may throw
     */
    @FunctionalInterface
    public interface ValueFunction<X extends Exception> {
        /**
         * Returns what a value becomes.
         *
         * @param value a non-null value: the property's own, an element of a container it holds, or a map key
         * @param direct whether it is the property's own value (not an element)
         * @return the new value, or {@link #COPY}, {@link #DESCEND} (containers only) or {@link #EMPTY}
         *         (containers only); for a map key, the new key or {@link #COPY} to keep it
         * @throws X when the value cannot be transformed
         */
        @Nullable Object apply(Object value, boolean direct) throws X;
    }

    /**
     * What the copy of one property holds: its value copied ({@link #copy()}), a given value
     * ({@link #replace(Object)}), or its values passed through functions ({@link #transform}).
     *
     * @param <X> the checked exception the functions may throw
     */
    public static final class Mapping<X extends Exception> {
        private static final int KIND_COPY = 0;
        private static final int KIND_REPLACE = 1;
        private static final int KIND_TRANSFORM = 2;
        private static final Mapping<?> COPY_MAPPING = new Mapping<>(KIND_COPY, null, null, null);

        private final int kind;
        private final @Nullable Object replacement;
        private final @Nullable ValueFunction<X> values;
        private final @Nullable ValueFunction<X> keys;

        private Mapping(int kind, @Nullable Object replacement, @Nullable ValueFunction<X> values,
                        @Nullable ValueFunction<X> keys) {
            this.kind = kind;
            this.replacement = replacement;
            this.values = values;
            this.keys = keys;
        }

        /**
         * Copies the value as an ordinary value.
         *
         * @param <X> the exception type
         * @return the mapping
         */
        @SuppressWarnings("unchecked")
        public static <X extends Exception> Mapping<X> copy() {
            return (Mapping<X>) COPY_MAPPING;
        }

        /**
         * Gives the copy this value, as it is.
         *
         * @param value the value, possibly {@code null}
         * @param <X> the exception type
         * @return the mapping
         */
        public static <X extends Exception> Mapping<X> replace(@Nullable Object value) {
            return new Mapping<>(KIND_REPLACE, value, null, null);
        }

        /**
         * Passes the value through {@code values}, and the keys of the first map in it through {@code keys}.
         *
         * @param values what each value becomes; {@code null} to copy the values as ordinary values
         * @param keys what each key of the first map becomes; {@code null} to keep the keys
         * @param <X> the exception type
         * @return the mapping
         */
        public static <X extends Exception> Mapping<X> transform(@Nullable ValueFunction<X> values,
                                                                 @Nullable ValueFunction<X> keys) {
            if (values == null && keys == null) {
                return copy();
            }
            return new Mapping<>(KIND_TRANSFORM, null, values, keys);
        }
    }

    /** A marker a function returns; never a value. */
    private record Directive(String name) {
        @Override
        public String toString() {
            return "GraphCopy." + name;
        }
    }
}
