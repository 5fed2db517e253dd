package org.privacykit.inventory;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.privacykit.mask.Channel;
import org.privacykit.mask.Disclosure;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;

/**
 * Tells whether a class's {@code toString} prints personal data in clear, by reading the code of
 * the {@code toString} it declares or inherits (its class file, not its output): a record's
 * generated {@code toString} prints every component; a hand-written, IDE- or Lombok-generated one
 * prints the fields it reads and the getters it calls; one that calls {@code Masked.toString} or
 * {@code Masked.of} masks. {@code Object.toString} prints no field. Private helpers the
 * {@code toString} calls in its own class are followed.
 */
final class ToStringCheck {
    private static final String MASKED = "org/privacykit/mask/Masked";
    private static final String TO_STRING = "toString()Ljava/lang/String;";
    /** Methods of its own class a toString is followed into, at most. */
    private static final int MAX_METHODS = 16;
    /** Calls that print every field by reflection. */
    private static final List<String> REFLECTIVE = List.of("org/apache/commons/lang3/builder/ReflectionToStringBuilder",
            "org/apache/commons/lang/builder/ReflectionToStringBuilder");

    private ToStringCheck() {
    }

    /** What a class's toString shows in clear. */
    record Finding(Class<?> declaredBy, String how, List<String> fields) {
    }

    /**
     * Checks a class.
     *
     * @return what its toString prints in clear, or {@code null} when it prints no personal data,
     *         masks it, or its code cannot be read
     */
    static @Nullable Finding check(Class<?> type) {
        ClassMetadata metadata = PrivacyMetadata.of(type);
        List<PropertyMetadata> personal = new ArrayList<>();
        for (PropertyMetadata p : metadata.properties()) {
            if (shownMasked(p) || (p.mapKey() != null && shownMasked(p.mapKey()))) {
                personal.add(p);
            }
        }
        if (personal.isEmpty()) {
            return null;
        }
        Class<?> declaring = declaringToString(type);
        if (declaring == null || declaring == Object.class) {
            return null; // Object.toString prints the class name and a hash only
        }
        ClassFile file = ClassFile.of(declaring);
        if (file == null || file.code(TO_STRING) == null) {
            return null;
        }
        Set<String> hierarchy = new HashSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(c.getName().replace('.', '/'));
        }
        Set<String> printed = new LinkedHashSet<>();
        @Nullable String how = null;
        Deque<String> methods = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        methods.add(TO_STRING);
        while (!methods.isEmpty() && seen.size() < MAX_METHODS) {
            String method = methods.poll();
            List<ClassFile.Reference> code = seen.add(method) ? file.code(method) : null;
            if (code == null) {
                continue;
            }
            for (ClassFile.Reference r : code) {
                if (r.owner().equals(MASKED) && (r.name().equals("toString") || r.name().equals("of"))) {
                    return null;
                }
                if (r.kind() == ClassFile.Kind.INVOKE_DYNAMIC && r.name().equals("toString") && declaring.isRecord()) {
                    how = "the toString a record generates, which prints every component";
                    personal.forEach(p -> printed.add(p.name()));
                } else if (r.kind() == ClassFile.Kind.INVOKE
                        && (REFLECTIVE.contains(r.owner()) || r.name().equals("reflectionToString"))) {
                    how = "a toString that prints every field by reflection";
                    personal.forEach(p -> printed.add(p.name()));
                } else if (r.kind() == ClassFile.Kind.INVOKE && r.owner().equals(file.thisClass())
                        && !r.name().equals("toString")) {
                    methods.add(r.name() + r.descriptor()); // a helper of its own
                }
                for (PropertyMetadata p : personal) {
                    if (hierarchy.contains(r.owner()) && reads(r, p)) {
                        printed.add(p.name());
                    }
                }
            }
        }
        if (printed.isEmpty()) {
            return null;
        }
        if (how == null) {
            how = declaring == type ? "its toString, which reads them" : "the toString it inherits from "
                    + declaring.getSimpleName() + ", which reads them";
        }
        return new Finding(declaring, how, List.copyOf(printed));
    }

    /** Whether logs show the property masked or redacted: what a toString must not print in clear. */
    private static boolean shownMasked(PropertyMetadata p) {
        if (p.isProtected()) {
            return Channel.LOG.disclosure(p.classification(), Set.of()) != Disclosure.CLEAR;
        }
        return p.isEncrypted();
    }

    /** Whether a reference reads the property: its field, its record accessor or its getter. */
    private static boolean reads(ClassFile.Reference r, PropertyMetadata p) {
        String name = p.name();
        if (r.kind() == ClassFile.Kind.GET_FIELD) {
            return r.name().equals(name);
        }
        if (r.kind() != ClassFile.Kind.INVOKE || !r.descriptor().startsWith("()")) {
            return false;
        }
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return r.name().equals(name) || r.name().equals("get" + capitalized) || r.name().equals("is" + capitalized);
    }

    /** The class whose {@code toString()} instances of {@code type} run. */
    private static @Nullable Class<?> declaringToString(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals("toString") && m.getParameterCount() == 0 && !m.isBridge()
                        && !java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                    return c;
                }
            }
        }
        return null;
    }
}
