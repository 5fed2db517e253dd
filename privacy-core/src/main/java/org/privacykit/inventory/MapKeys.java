package org.privacykit.inventory;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;

/**
 * Whether the keys of a map property look personal: by their type (a class that holds personal
 * data, an {@code InetAddress}...) or by the map's name ({@code ordersByEmail},
 * {@code emailToCustomer}), read with the same name rules as unclassified fields.
 */
final class MapKeys {
    /** Containers nested deeper than this are not looked into. */
    private static final int MAX_DEPTH = 8;

    private MapKeys() {
    }

    /** The key class of the outermost map among a declared type's containers, or {@code null} when it holds no map. */
    static @Nullable Class<?> keyClass(Type type) {
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            Class<?> raw = raw(type);
            if (raw.isArray()) {
                type = type instanceof GenericArrayType g ? g.getGenericComponentType() : raw.getComponentType();
            } else if (Collection.class.isAssignableFrom(raw) || raw == Iterable.class || raw == Optional.class) {
                type = argument(type, 0);
            } else if (Map.class.isAssignableFrom(raw)) {
                return raw(argument(type, 0));
            } else {
                return null;
            }
        }
        return null;
    }

    /** What the keys look like ({@code EMAIL}, {@code personal data of Customer}), or {@code null}. */
    static @Nullable String looksPersonal(PropertyMetadata property, Class<?> key) {
        if (PrivacyMetadata.isNavigable(key) && PrivacyMetadata.of(key).hasProtectedData()) {
            return "a " + key.getSimpleName() + ", which holds personal data";
        }
        PersonalNames.Guess byType = PersonalNames.guess(property.owner(), "", key);
        if (byType != null) {
            return byType.label() + " (by their type)";
        }
        String keyName = keyName(property.name());
        PersonalNames.Guess byName = keyName == null ? null : PersonalNames.guess(property.owner(), keyName, key);
        return byName == null ? null : byName.label() + " (by the map's name)";
    }

    /** The part of a map's name that names its key: {@code email} in {@code ordersByEmail} and {@code emailToOrder}. */
    private static @Nullable String keyName(String mapName) {
        List<String> words = PersonalNames.words(mapName);
        int by = words.lastIndexOf("by");
        if (by >= 0 && by < words.size() - 1) {
            return String.join("_", words.subList(by + 1, words.size()));
        }
        int to = words.indexOf("to");
        if (to > 0) {
            return String.join("_", words.subList(0, to));
        }
        return null;
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p && index < p.getActualTypeArguments().length) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        if (type instanceof GenericArrayType g) {
            return raw(g.getGenericComponentType()).arrayType();
        }
        if (type instanceof WildcardType w) {
            return w.getUpperBounds().length == 0 ? Object.class : raw(w.getUpperBounds()[0]);
        }
        return Object.class;
    }
}
