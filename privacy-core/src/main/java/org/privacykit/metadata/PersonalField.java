package org.privacykit.metadata;

import java.util.List;

/**
 * One protected field reached from a root class, with its path: {@code email},
 * {@code orders[].shippingAddress.postcode}. {@code []} stands for the elements of a collection or
 * array and {@code {}} for the values of a map.
 */
public final class PersonalField {
    private final Class<?> root;
    private final String path;
    private final List<PropertyMetadata> chain;

    PersonalField(Class<?> root, String path, List<PropertyMetadata> chain) {
        this.root = root;
        this.path = path;
        this.chain = List.copyOf(chain);
    }

    /**
     * Returns the class the path starts from.
     *
     * @return the root class
     */
    public Class<?> root() {
        return root;
    }

    /**
     * Returns the field path from the root.
     *
     * @return the path, such as {@code orders[].shippingAddress.postcode}
     */
    public String path() {
        return path;
    }

    /**
     * Returns the properties along the path, the protected one last.
     *
     * @return the chain of properties
     */
    public List<PropertyMetadata> chain() {
        return chain;
    }

    /**
     * Returns the protected property at the end of the path.
     *
     * @return the property
     */
    public PropertyMetadata property() {
        return chain.get(chain.size() - 1);
    }

    /**
     * Returns the property's classification.
     *
     * @return the classification, never {@code null}
     */
    public Classification classification() {
        return property().classification();
    }

    @Override
    public String toString() {
        return root.getSimpleName() + "." + path + " " + classification();
    }
}
