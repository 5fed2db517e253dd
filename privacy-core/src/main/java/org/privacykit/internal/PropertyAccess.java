package org.privacykit.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

import org.privacykit.metadata.PropertyMetadata;

/**
 * Reads what a {@link PropertyMetadata} points at: the value of the property in an instance, its
 * position in its class's property list, and its backing field or getter. These are mechanisms, not
 * API: a {@code Field} made accessible, or a reader of private state, handed to any caller would let
 * code that privacy-kit's users never opened their packages to read them through privacy-kit. So
 * {@code PropertyMetadata} keeps them package-private, and this class binds to them once through a
 * private lookup (the metadata package does not depend on this one, so the packages stay acyclic).
 * Calls through the {@code static final} handles are inlined by the JIT like direct calls.
 *
 * <p>Core's own packages use this class; other privacy-kit modules use
 * {@link org.privacykit.spi.engine.PropertyValues}.
 */
public final class PropertyAccess {
    private static final MethodHandle GET;
    private static final MethodHandle INDEX;
    private static final MethodHandle FIELD;
    private static final MethodHandle GETTER;

    static {
        try {
            MethodHandles.Lookup metadata = MethodHandles.privateLookupIn(PropertyMetadata.class, MethodHandles.lookup());
            GET = metadata.findVirtual(PropertyMetadata.class, "get", MethodType.methodType(Object.class, Object.class));
            INDEX = metadata.findVirtual(PropertyMetadata.class, "index", MethodType.methodType(int.class));
            FIELD = metadata.findVirtual(PropertyMetadata.class, "field", MethodType.methodType(Field.class));
            GETTER = metadata.findVirtual(PropertyMetadata.class, "getter", MethodType.methodType(Method.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private PropertyAccess() {
    }

    /**
     * Reads the property of an instance.
     *
     * @param property the property
     * @param bean an instance of the property's owner
     * @return the value, possibly {@code null}
     * @throws IllegalStateException when the value cannot be read (a getter threw); the message names
     *         the property and the cause's type, never the cause's message
     */
    public static Object read(PropertyMetadata property, Object bean) {
        try {
            return (Object) GET.invokeExact(property, bean);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError("PropertyMetadata.get declares no checked exception", e);
        }
    }

    /**
     * Returns the position of a property in {@code ClassMetadata.properties()}, for arrays indexed by property.
     *
     * @param property the property
     * @return its index
     */
    public static int index(PropertyMetadata property) {
        try {
            return (int) INDEX.invokeExact(property);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Returns the backing field, made accessible.
     *
     * @param property the property
     * @return the field, or {@code null} for a property that has only a getter
     */
    public static Field field(PropertyMetadata property) {
        try {
            return (Field) FIELD.invokeExact(property);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Returns the annotated getter, made accessible.
     *
     * @param property the property
     * @return the getter, or {@code null} when the property has none
     */
    public static Method getter(PropertyMetadata property) {
        try {
            return (Method) GETTER.invokeExact(property);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
