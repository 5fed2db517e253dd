package org.privacykit.requests;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a subject's data was looked for: the objects read from each store (a database, a search
 * index, a CRM), by store name, so that a {@link RequestReport} says what was done where. Immutable.
 *
 * <pre>{@code
 * SubjectData data = SubjectData.of("orders-db", List.of(customer, order)).and("helpdesk", tickets);
 * }</pre>
 */
public final class SubjectData {
    private final Map<String, List<Object>> stores;

    private SubjectData(Map<String, List<Object>> stores) {
        this.stores = stores;
    }

    /**
     * Names the objects of one store.
     *
     * @param store the store's name, such as {@code "orders-db"}
     * @param objects the objects read from it that may hold the subject's data
     * @return the data
     * @throws IllegalArgumentException when the name is blank
     */
    public static SubjectData of(String store, Collection<?> objects) {
        return new SubjectData(Map.of()).and(store, objects);
    }

    /**
     * Adds the objects of another store.
     *
     * @param store the store's name, unique
     * @param objects its objects
     * @return new data with the store added
     * @throws IllegalArgumentException when the name is blank or already used
     */
    public SubjectData and(String store, Collection<?> objects) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(objects, "objects");
        if (store.isBlank()) {
            throw new IllegalArgumentException("store: a name is required");
        }
        if (stores.containsKey(store)) {
            throw new IllegalArgumentException("store: " + store + " is given twice");
        }
        Map<String, List<Object>> next = new LinkedHashMap<>(stores);
        next.put(store, Collections.unmodifiableList(new ArrayList<>(objects)));
        return new SubjectData(Collections.unmodifiableMap(next));
    }

    /**
     * Returns the objects by store, in the order the stores were given.
     *
     * @return an unmodifiable map
     */
    public Map<String, List<Object>> stores() {
        return stores;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("SubjectData[");
        stores.forEach((store, objects) -> s.append(s.length() > 12 ? ", " : "").append(store).append(": ")
                .append(objects.size()).append(" objects"));
        return s.append(']').toString();
    }
}
