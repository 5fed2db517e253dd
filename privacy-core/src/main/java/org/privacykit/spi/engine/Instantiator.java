package org.privacykit.spi.engine;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import org.privacykit.internal.PropertyAccess;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.metadata.RedactedException;

/**
 * How copies of one class are made, found once per class: records through their canonical
 * constructor; other classes through a no-argument constructor and their fields, or else a
 * constructor that takes every field in declaration order.
 */
final class Instantiator {
    private static final ClassValue<Instantiator> INSTANTIATORS = new ClassValue<>() {
        @Override
        protected Instantiator computeValue(Class<?> type) {
            return forClass(PrivacyMetadata.of(type));
        }
    };

    private final ClassMetadata metadata;
    private final Constructor<?> constructor;
    private final List<PropertyMetadata> properties;
    private final boolean byAssignment;

    private Instantiator(ClassMetadata metadata, Constructor<?> constructor, List<PropertyMetadata> properties,
                         boolean byAssignment) {
        this.metadata = metadata;
        this.constructor = constructor;
        this.properties = properties;
        this.byAssignment = byAssignment;
    }

    /** How copies of a class are made, found on first use. */
    static Instantiator of(Class<?> type) {
        return INSTANTIATORS.get(type);
    }

    private static Instantiator forClass(ClassMetadata metadata) {
        Class<?> type = metadata.type();
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalStateException(type.getSimpleName() + ": cannot copy an abstract type");
        }
        List<PropertyMetadata> writable = new ArrayList<>();
        for (PropertyMetadata p : metadata.properties()) {
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
                    PropertyMetadata p = metadata.property(components[i].getName());
                    if (p == null) {
                        throw new IllegalStateException("component " + components[i].getName() + " cannot be read");
                    }
                    args.add(p);
                }
                Constructor<?> canonical = type.getDeclaredConstructor(types);
                canonical.setAccessible(true);
                return new Instantiator(metadata, canonical, List.copyOf(args), false);
            }
            try {
                Constructor<?> noArgs = type.getDeclaredConstructor();
                noArgs.setAccessible(true);
                return new Instantiator(metadata, noArgs, List.copyOf(writable), true);
            } catch (NoSuchMethodException e) {
                Class<?>[] types = new Class<?>[writable.size()];
                for (int i = 0; i < types.length; i++) {
                    types[i] = PropertyAccess.field(writable.get(i)).getType();
                }
                Constructor<?> allFields = type.getDeclaredConstructor(types);
                allFields.setAccessible(true);
                return new Instantiator(metadata, allFields, List.copyOf(writable), false);
            }
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new IllegalStateException(type.getSimpleName()
                    + ": cannot make copies; give it a no-argument constructor or one that takes every field"
                    + " in declaration order (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** The properties a copy receives, in the order of {@link #construct} or {@link #assign}. */
    List<PropertyMetadata> properties() {
        return properties;
    }

    /** Whether copies are made empty through a no-argument constructor, then assigned. */
    boolean byAssignment() {
        return byAssignment;
    }

    /** A new, empty instance, for {@link #assign}. */
    Object newInstance() {
        try {
            return constructor.newInstance();
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IllegalStateException(metadata.type().getSimpleName() + ": cannot be instantiated ("
                    + RedactedException.typeOf(e instanceof InvocationTargetException i ? i.getCause() : e) + ")",
                    RedactedException.of(e instanceof InvocationTargetException i ? i.getCause() : e));
        }
    }

    /** Sets each property of an instance {@link #newInstance} made. */
    void assign(Object copy, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            PropertyMetadata p = properties.get(i);
            try {
                PropertyAccess.field(p).set(copy, values[i]);
            } catch (IllegalAccessException | IllegalArgumentException e) {
                throw new IllegalStateException(p.qualifiedName() + ": cannot be set in a copy ("
                        + e.getClass().getSimpleName() + ")", e);
            }
        }
    }

    /**
     * A new instance through the constructor that takes every property.
     *
     * @throws InvocationTargetException when the constructor itself throws (it rejects a value)
     */
    Object construct(Object[] values) throws InvocationTargetException {
        try {
            return constructor.newInstance(values);
        } catch (InstantiationException | IllegalAccessException | IllegalArgumentException e) {
            throw new IllegalStateException(metadata.type().getSimpleName() + ": cannot be instantiated ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }
}
