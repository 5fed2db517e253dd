package org.privacykit.dataset;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.DataCategory;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.annotation.QuasiIdentifier;
import org.privacykit.internal.PropertyAccess;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;

/**
 * Reads columns from rows that are objects of one class (by their cached metadata; dotted names for
 * nested objects) or maps (keys; dotted names for nested maps), and tells the roles their
 * annotations declare.
 */
final class RowReader {
    private static final Object MISSING = new Object();

    private final @Nullable Class<?> rowClass;

    RowReader(@Nullable Class<?> rowClass) {
        this.rowClass = rowClass;
    }

    /** Maps, or no rows at all: no class to read metadata from. */
    boolean isMaps() {
        return rowClass == null || rowClass == Map.class;
    }

    /** The plain properties of an object row class, in declaration order; none for maps. */
    List<String> defaultColumns() {
        List<String> out = new ArrayList<>();
        if (isMaps() || !PrivacyMetadata.isNavigable(rowClass)) {
            return out;
        }
        for (PropertyMetadata p : PrivacyMetadata.of(rowClass).properties()) {
            boolean plain = !PrivacyMetadata.isNavigable(p.elementClass()) && !p.isContainer() && !p.rawType().isArray();
            if (plain || isQuasiIdentifier(p)) {
                out.add(p.name());
            }
        }
        return out;
    }

    /** The {@code @QuasiIdentifier} properties of an object row class, in declaration order. */
    List<String> annotatedQuasiIdentifiers() {
        List<String> out = new ArrayList<>();
        if (isMaps() || !PrivacyMetadata.isNavigable(rowClass)) {
            return out;
        }
        for (PropertyMetadata p : PrivacyMetadata.of(rowClass).properties()) {
            if (isQuasiIdentifier(p)) {
                out.add(p.name());
            }
        }
        return out;
    }

    /** The role a property's annotations declare, quasi-identifiers aside; INSENSITIVE for maps. */
    ColumnRole declaredRole(String column) {
        PropertyMetadata p = property(column);
        if (p == null) {
            return ColumnRole.INSENSITIVE;
        }
        if (p.isSubjectId() || p.isEncrypted()) {
            return ColumnRole.IDENTIFIER;
        }
        if (p.isProtected()) {
            PersonalDataType type = p.classification().typeOrNull();
            return type != null && isSpecialCategory(type.defaultCategory()) ? ColumnRole.SENSITIVE
                    : ColumnRole.IDENTIFIER;
        }
        return ColumnRole.INSENSITIVE;
    }

    /** The personal data type a property declares, or {@code null}. */
    @Nullable PersonalDataType declaredType(String column) {
        PropertyMetadata p = property(column);
        return p == null || !p.isProtected() ? null : p.classification().typeOrNull();
    }

    private @Nullable PropertyMetadata property(String column) {
        Class<?> type = rowClass;
        if (type == null || type == Map.class || !PrivacyMetadata.isNavigable(type)) {
            return null;
        }
        PropertyMetadata p = null;
        for (String part : column.split("\\.", -1)) {
            if (!PrivacyMetadata.isNavigable(type)) {
                return null;
            }
            p = PrivacyMetadata.of(type).property(part);
            if (p == null) {
                return null;
            }
            type = p.rawType();
        }
        return p;
    }

    private static boolean isSpecialCategory(DataCategory category) {
        return category.isSpecialCategory() || category == DataCategory.CRIMINAL_CONVICTIONS_AND_OFFENCES;
    }

    private static boolean isQuasiIdentifier(PropertyMetadata p) {
        Field f = PropertyAccess.field(p);
        return f != null && isQuasiIdentifier(f.getDeclaredAnnotations());
    }

    private static boolean isQuasiIdentifier(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a.annotationType() == QuasiIdentifier.class || a.annotationType().isAnnotationPresent(QuasiIdentifier.class)) {
                return true;
            }
        }
        return false;
    }

    /** Fails when no row has the column (maps) or the class has no such property. */
    void check(String name, List<Object> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (isMaps()) {
            for (Object row : rows) {
                if (readMap((Map<?, ?>) row, name) != MISSING) {
                    return;
                }
            }
            throw new IllegalArgumentException("no row has the attribute '" + name + "'");
        }
        Class<?> type = java.util.Objects.requireNonNull(rowClass);
        for (String part : name.split("\\.", -1)) {
            ClassMetadata metadata = PrivacyMetadata.of(type);
            PropertyMetadata p = metadata.property(part);
            if (p == null) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no property '" + part + "' (attribute '"
                        + name + "')");
            }
            type = p.rawType();
        }
    }

    @Nullable Object read(Object row, String name) {
        if (row instanceof Map<?, ?> map) {
            Object v = readMap(map, name);
            return v == MISSING ? null : v;
        }
        Object current = row;
        for (String part : name.split("\\.", -1)) {
            if (current == null) {
                return null;
            }
            PropertyMetadata p = PrivacyMetadata.of(current.getClass()).property(part);
            if (p == null) {
                throw new IllegalArgumentException(current.getClass().getSimpleName() + " has no property '" + part + "'");
            }
            current = PropertyAccess.read(p, current);
        }
        return current;
    }

    private static @Nullable Object readMap(Map<?, ?> map, String name) {
        if (map.containsKey(name)) {
            return map.get(name);
        }
        int dot = name.indexOf('.');
        if (dot > 0 && map.get(name.substring(0, dot)) instanceof Map<?, ?> nested) {
            return readMap(nested, name.substring(dot + 1));
        }
        return MISSING;
    }
}
