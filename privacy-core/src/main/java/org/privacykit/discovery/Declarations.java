package org.privacykit.discovery;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.privacykit.inventory.DataInventory;
import org.privacykit.inventory.InventoryEntry;

/**
 * Which table columns an inventory declares. A field maps to the tables of its root class and of
 * its declaring class, named as JPA would name them ({@code @Table(name)}, {@code @Entity(name)},
 * the class's simple name, snake case, with or without a plural {@code s}), and to the columns of its
 * name ({@code @Column(name)}, the field name, an embedded path joined: {@code address_postcode}).
 * Names compare without case and without separators: {@code email_address} is {@code emailAddress}.
 * JPA annotations are read by name, so core needs no JPA dependency.
 */
final class Declarations {
    /** The inventory field that declares a column, and whether it declares it encrypted. */
    record Declared(String field, boolean encrypted) {
    }

    private final Map<String, Map<String, Declared>> byTable = new HashMap<>();

    private Declarations() {
    }

    static Declarations of(@Nullable DataInventory inventory) {
        Declarations out = new Declarations();
        if (inventory == null) {
            return out;
        }
        for (InventoryEntry entry : inventory.entries()) {
            Declared declared = new Declared(entry.rootClass().getName() + "." + entry.path(), entry.encryption().isPresent());
            String[] segments = entry.path().replaceAll("\\[]|\\{[a-z]*}", "").split("\\.");
            String last = segments[segments.length - 1];
            Set<String> columns = new LinkedHashSet<>();
            columns.add(normalize(last));
            columns.add(normalize(String.join("", segments)));
            String annotated = columnName(entry.declaringClass(), last);
            if (annotated != null) {
                columns.add(normalize(annotated));
            }
            for (Class<?> type : new LinkedHashSet<>(List.of(entry.rootClass(), entry.declaringClass()))) {
                for (String table : tableNames(type)) {
                    Map<String, Declared> byColumn = out.byTable.computeIfAbsent(table, t -> new HashMap<>());
                    columns.forEach(c -> byColumn.putIfAbsent(c, declared));
                }
            }
        }
        return out;
    }

    /** Finds the declaration of a column of a table ({@code schema.table} or a file's base name). */
    @Nullable Declared find(String table, String column) {
        String bare = table.substring(table.lastIndexOf('.') + 1);
        String key = normalize(bare);
        Map<String, Declared> columns = byTable.get(key);
        if (columns == null && key.endsWith("es")) {
            columns = byTable.get(key.substring(0, key.length() - 2));
        }
        if (columns == null && key.endsWith("s")) {
            columns = byTable.get(key.substring(0, key.length() - 1));
        }
        return columns == null ? null : columns.get(normalize(column));
    }

    private static Set<String> tableNames(Class<?> type) {
        Set<String> names = new LinkedHashSet<>();
        names.add(normalize(type.getSimpleName()));
        for (String annotation : new String[] {"Table", "Entity"}) {
            String name = annotationName(type.getAnnotations(), annotation);
            if (name != null) {
                names.add(normalize(name));
            }
        }
        return names;
    }

    private static @Nullable String columnName(Class<?> owner, String field) {
        try {
            Field f = owner.getDeclaredField(field);
            return annotationName(f.getAnnotations(), "Column");
        } catch (NoSuchFieldException | SecurityException e) {
            return null;
        }
    }

    /** The {@code name()} of a {@code jakarta.persistence} or {@code javax.persistence} annotation, when set. */
    private static @Nullable String annotationName(Annotation[] annotations, String simpleName) {
        for (Annotation a : annotations) {
            String type = a.annotationType().getName();
            if (type.equals("jakarta.persistence." + simpleName) || type.equals("javax.persistence." + simpleName)) {
                try {
                    Method name = a.annotationType().getMethod("name");
                    Object value = name.invoke(a);
                    return value instanceof String s && !s.isEmpty() ? s : null;
                } catch (ReflectiveOperationException | SecurityException e) {
                    return null;
                }
            }
        }
        return null;
    }

    static String normalize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
