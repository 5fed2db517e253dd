package org.privacykit.metadata;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The privacy metadata of one class, read once and cached by {@link PrivacyMetadata#of(Class)}:
 * its properties with their classification, its subject ids, and the protected fields reachable
 * from it. Immutable and thread-safe.
 */
public final class ClassMetadata {
    private final Class<?> type;
    private final List<PropertyMetadata> properties;
    private final Map<String, PropertyMetadata> byName;
    private final Map<String, PropertyMetadata> subjectIds;
    private final boolean hasDirectlyProtected;

    private volatile List<PersonalField> protectedFields;
    private volatile Boolean hasProtectedData;
    private volatile Instantiator instantiator;

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

    /**
     * Makes a copy of an instance with each writable property replaced by what a mapper returns.
     * Records are rebuilt through their canonical constructor; other classes through a no-argument
     * constructor and their fields, or a constructor that takes every field in declaration order.
     * The source is never modified.
     *
     * @param source the instance to copy
     * @param mapper gives the new value of each property; returns the old value to keep it
     * @param <X> the exception the mapper may throw
     * @return the copy
     * @throws X when the mapper throws
     * @throws IllegalStateException when the class cannot be instantiated or a value does not fit
     */
    public <X extends Exception> Object copy(Object source, PropertyValueMapper<X> mapper) throws X {
        return copy(source, mapper, copy -> { });
    }

    /**
     * Makes a copy as {@link #copy(Object, PropertyValueMapper)} does, and tells the caller about the
     * copy as soon as it exists: for classes copied through a no-argument constructor, before any
     * property is mapped, so that a graph copier can resolve references back to this object (cycles);
     * for records and classes copied through a constructor, once it has returned.
     *
     * @param source the instance to copy
     * @param mapper gives the new value of each property; returns the old value to keep it
     * @param onInstantiated receives the new instance as soon as it exists
     * @param <X> the exception the mapper may throw
     * @return the copy
     * @throws X when the mapper throws
     * @throws IllegalStateException when the class cannot be instantiated or a value does not fit
     */
    public <X extends Exception> Object copy(Object source, PropertyValueMapper<X> mapper,
                                             Consumer<Object> onInstantiated) throws X {
        Instantiator inst = instantiator;
        if (inst == null) {
            inst = Instantiator.forClass(this);
            instantiator = inst;
        }
        return inst.copy(source, mapper, onInstantiated);
    }

    /**
     * Tells whether copies are made through a no-argument constructor and field assignment, so that
     * {@link #copy(Object, PropertyValueMapper, Consumer)} reports the copy before mapping any property.
     *
     * @return {@code true} for a class with a no-argument constructor, {@code false} for records and
     *         classes copied through a constructor that takes every field
     * @throws IllegalStateException when the class cannot be copied at all
     */
    public boolean isCopiedByAssignment() {
        Instantiator inst = instantiator;
        if (inst == null) {
            inst = Instantiator.forClass(this);
            instantiator = inst;
        }
        return inst.arguments.isEmpty();
    }

    @Override
    public String toString() {
        return "ClassMetadata[" + type.getName() + ", " + properties.size() + " properties]";
    }

    /** Gives the value of each property in a copy. */
    @FunctionalInterface
    public interface PropertyValueMapper<X extends Exception> {
        /**
         * Returns the value the copy gets.
         *
         * @param property the property
         * @param value its value in the source, possibly {@code null}
         * @return the value for the copy
         * @throws X when the value cannot be mapped
         */
        Object map(PropertyMetadata property, Object value) throws X;
    }

    /** How copies of one class are made, found once per class. */
    private static final class Instantiator {
        private final ClassMetadata metadata;
        private final Constructor<?> constructor;
        private final List<PropertyMetadata> arguments;
        private final List<PropertyMetadata> assigned;

        private Instantiator(ClassMetadata metadata, Constructor<?> constructor, List<PropertyMetadata> arguments,
                             List<PropertyMetadata> assigned) {
            this.metadata = metadata;
            this.constructor = constructor;
            this.arguments = arguments;
            this.assigned = assigned;
        }

        static Instantiator forClass(ClassMetadata metadata) {
            Class<?> type = metadata.type;
            if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                throw new IllegalStateException(type.getSimpleName() + ": cannot copy an abstract type");
            }
            List<PropertyMetadata> writable = new ArrayList<>();
            for (PropertyMetadata p : metadata.properties) {
                if (p.isWritable()) {
                    writable.add(p);
                }
            }
            try {
                if (type.isRecord()) {
                    RecordComponent[] components = type.getRecordComponents();
                    Class<?>[] types = new Class<?>[components.length];
                    List<PropertyMetadata> args = new ArrayList<>();
                    for (int i = 0; i < components.length; i++) {
                        types[i] = components[i].getType();
                        args.add(metadata.property(components[i].getName()));
                    }
                    Constructor<?> canonical = type.getDeclaredConstructor(types);
                    canonical.setAccessible(true);
                    return new Instantiator(metadata, canonical, args, List.of());
                }
                try {
                    Constructor<?> noArgs = type.getDeclaredConstructor();
                    noArgs.setAccessible(true);
                    return new Instantiator(metadata, noArgs, List.of(), writable);
                } catch (NoSuchMethodException e) {
                    Class<?>[] types = new Class<?>[writable.size()];
                    for (int i = 0; i < types.length; i++) {
                        types[i] = writable.get(i).field().getType();
                    }
                    Constructor<?> allFields = type.getDeclaredConstructor(types);
                    allFields.setAccessible(true);
                    return new Instantiator(metadata, allFields, writable, List.of());
                }
            } catch (NoSuchMethodException | RuntimeException e) {
                throw new IllegalStateException(type.getSimpleName()
                        + ": cannot make copies; give it a no-argument constructor or one that takes every field"
                        + " in declaration order (" + e.getClass().getSimpleName() + ")", e);
            }
        }

        <X extends Exception> Object copy(Object source, PropertyValueMapper<X> mapper,
                                          Consumer<Object> onInstantiated) throws X {
            Object[] args = new Object[arguments.size()];
            for (int i = 0; i < args.length; i++) {
                PropertyMetadata p = arguments.get(i);
                args[i] = mapper.map(p, p.get(source));
            }
            Object copy;
            try {
                copy = constructor.newInstance(args);
            } catch (InstantiationException | IllegalAccessException | IllegalArgumentException e) {
                throw new IllegalStateException(metadata.type.getSimpleName() + ": cannot be instantiated ("
                        + e.getClass().getSimpleName() + ")", e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(metadata.type.getSimpleName() + ": constructor threw "
                        + e.getCause().getClass().getName(), e.getCause());
            }
            onInstantiated.accept(copy);
            for (PropertyMetadata p : assigned) {
                Object value = mapper.map(p, p.get(source));
                try {
                    p.field().set(copy, value);
                } catch (IllegalAccessException | IllegalArgumentException e) {
                    throw new IllegalStateException(p.qualifiedName() + ": cannot be set in a copy ("
                            + e.getClass().getSimpleName() + ")", e);
                }
            }
            return copy;
        }
    }
}
