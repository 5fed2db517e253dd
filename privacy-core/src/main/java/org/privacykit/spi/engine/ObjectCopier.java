package org.privacykit.spi.engine;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.function.Consumer;

import org.privacykit.internal.PropertyAccess;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;

/**
 * Makes copies of objects with each writable property replaced, for the paths that return a protected
 * copy (anonymization, field encryption). Records are rebuilt through their canonical constructor;
 * other classes through a no-argument constructor and their fields, or a constructor that takes every
 * field in declaration order. The source is never modified. How a class is copied is found once per
 * class ({@link ClassValue}).
 */
public final class ObjectCopier {
    private static final ClassValue<Instantiator> INSTANTIATORS = new ClassValue<>() {
        @Override
        protected Instantiator computeValue(Class<?> type) {
            return Instantiator.forClass(PrivacyMetadata.of(type));
        }
    };

    private ObjectCopier() {
    }

    /**
     * Makes a copy of an instance with each writable property replaced by what a mapper returns.
     *
     * @param metadata the metadata of the instance's class
     * @param source the instance to copy
     * @param mapper gives the new value of each property; returns the old value to keep it
     * @param <X> the exception the mapper may throw
     * @return the copy
     * @throws X when the mapper throws
     * @throws IllegalStateException when the class cannot be instantiated or a value does not fit
     */
    public static <X extends Exception> Object copy(ClassMetadata metadata, Object source,
                                                    PropertyValueMapper<X> mapper) throws X {
        return copy(metadata, source, mapper, copy -> { });
    }

    /**
     * Makes a copy as {@link #copy(ClassMetadata, Object, PropertyValueMapper)} does, and tells the
     * caller about the copy as soon as it exists: for classes copied through a no-argument constructor,
     * before any property is mapped, so that a graph copier can resolve references back to this object
     * (cycles); for records and classes copied through a constructor, once it has returned.
     *
     * @param metadata the metadata of the instance's class
     * @param source the instance to copy
     * @param mapper gives the new value of each property; returns the old value to keep it
     * @param onInstantiated receives the new instance as soon as it exists
     * @param <X> the exception the mapper may throw
     * @return the copy
     * @throws X when the mapper throws
     * @throws IllegalStateException when the class cannot be instantiated or a value does not fit
     */
    public static <X extends Exception> Object copy(ClassMetadata metadata, Object source,
                                                    PropertyValueMapper<X> mapper,
                                                    Consumer<Object> onInstantiated) throws X {
        return INSTANTIATORS.get(metadata.type()).copy(source, mapper, onInstantiated);
    }

    /**
     * Tells whether copies of a class are made through a no-argument constructor and field
     * assignment, so that {@link #copy(ClassMetadata, Object, PropertyValueMapper, Consumer)} reports
     * the copy before mapping any property.
     *
     * @param metadata the class's metadata
     * @return {@code true} for a class with a no-argument constructor, {@code false} for records and
     *         classes copied through a constructor that takes every field
     * @throws IllegalStateException when the class cannot be copied at all
     */
    public static boolean isCopiedByAssignment(ClassMetadata metadata) {
        return INSTANTIATORS.get(metadata.type()).arguments.isEmpty();
    }

    /**
     * Gives the value of each property in a copy.
     *
     * @param <X> the exception it may throw
     */
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

    /** How copies of one class are made. */
    private record Instantiator(ClassMetadata metadata, Constructor<?> constructor,
                                List<PropertyMetadata> arguments, List<PropertyMetadata> assigned) {

        static Instantiator forClass(ClassMetadata metadata) {
            Class<?> type = metadata.type();
            if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                throw new IllegalStateException(type.getSimpleName() + ": cannot copy an abstract type");
            }
            List<PropertyMetadata> writable = metadata.properties().stream().filter(PropertyMetadata::isWritable).toList();
            try {
                if (type.isRecord()) {
                    RecordComponent[] components = type.getRecordComponents();
                    Class<?>[] types = new Class<?>[components.length];
                    PropertyMetadata[] args = new PropertyMetadata[components.length];
                    for (int i = 0; i < components.length; i++) {
                        types[i] = components[i].getType();
                        args[i] = metadata.property(components[i].getName());
                    }
                    return new Instantiator(metadata, accessible(type.getDeclaredConstructor(types)), List.of(args), List.of());
                }
                try {
                    return new Instantiator(metadata, accessible(type.getDeclaredConstructor()), List.of(), writable);
                } catch (NoSuchMethodException e) {
                    Class<?>[] types = writable.stream().map(p -> PropertyAccess.field(p).getType()).toArray(Class<?>[]::new);
                    return new Instantiator(metadata, accessible(type.getDeclaredConstructor(types)), writable, List.of());
                }
            } catch (NoSuchMethodException | RuntimeException e) {
                throw new IllegalStateException(type.getSimpleName()
                        + ": cannot make copies; give it a no-argument constructor or one that takes every field"
                        + " in declaration order (" + e.getClass().getSimpleName() + ")", e);
            }
        }

        private static Constructor<?> accessible(Constructor<?> constructor) {
            constructor.setAccessible(true);
            return constructor;
        }

        <X extends Exception> Object copy(Object source, PropertyValueMapper<X> mapper,
                                          Consumer<Object> onInstantiated) throws X {
            Object[] args = new Object[arguments.size()];
            for (int i = 0; i < args.length; i++) {
                PropertyMetadata p = arguments.get(i);
                args[i] = mapper.map(p, PropertyAccess.read(p, source));
            }
            Object copy;
            try {
                copy = constructor.newInstance(args);
            } catch (InstantiationException | IllegalAccessException | IllegalArgumentException e) {
                throw new IllegalStateException(metadata.type().getSimpleName() + ": cannot be instantiated ("
                        + e.getClass().getSimpleName() + ")", e);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new IllegalStateException(metadata.type().getSimpleName() + ": constructor threw "
                        + cause.getClass().getName(), cause);
            }
            onInstantiated.accept(copy);
            for (PropertyMetadata p : assigned) {
                Object value = mapper.map(p, PropertyAccess.read(p, source));
                try {
                    PropertyAccess.field(p).set(copy, value);
                } catch (IllegalAccessException | IllegalArgumentException e) {
                    throw new IllegalStateException(p.qualifiedName() + ": cannot be set in a copy ("
                            + e.getClass().getSimpleName() + ")", e);
                }
            }
            return copy;
        }
    }
}
