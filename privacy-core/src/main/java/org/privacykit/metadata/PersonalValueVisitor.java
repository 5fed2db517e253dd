package org.privacykit.metadata;

/**
 * Receives the protected values of an object graph, one call per value, from
 * {@link PrivacyMetadata#walk(Object, PersonalValueVisitor)}.
 */
@FunctionalInterface
public interface PersonalValueVisitor {

    /**
     * Receives one protected value.
     *
     * @param path the concrete path from the root, with indexes (map values by their position, never their key):
     *             {@code orders[0].shippingAddress.postcode}, {@code contacts{0}.phone}; a personal map key
     *             by its position too: {@code ordersByEmail{key:0}}
     * @param property the protected property that holds the value; for a map key, the keys'
     *                 ({@link PropertyMetadata#mapKey()}), whose classification is the keys'
     * @param value the value, never {@code null}; an element when the property is a collection
     * @param subjectId the id of the data subject the value describes, or {@code null} when unknown
     */
    void visit(String path, PropertyMetadata property, Object value, String subjectId);
}
