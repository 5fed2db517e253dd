package org.privacykit.spi.engine;

import org.jspecify.annotations.Nullable;

import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PropertyMetadata;

/**
 * What a mapper writes for one property of one class, decided once when the mapper builds the class's
 * serializer ({@link Protector#plan}). A Jackson adapter puts one property writer in place per plan.
 */
public sealed interface PropertyPlan permits ScopePlan, MaskPlan, EncryptPlan, PseudonymPlan {

    /**
     * The property.
     *
     * @return its metadata; {@code null} only for a {@link ScopePlan} of a property privacy-kit does not know
     */
    @Nullable PropertyMetadata property();

    /**
     * The class that holds the property.
     *
     * @return its metadata
     */
    ClassMetadata owner();

    /**
     * Whether the owner is the innermost subject scope while the value is written, so that nested
     * objects without a {@code @SubjectId} know whose data they hold.
     *
     * @return {@code true} when the writer pushes a {@link SubjectScope}
     */
    boolean scoped();

    /**
     * The name error messages use for the property: {@code Owner.property}.
     *
     * @param jsonName the property's JSON name, for a property privacy-kit does not know
     * @return the name
     */
    default String qualifiedName(String jsonName) {
        PropertyMetadata property = property();
        return property == null ? owner().type().getSimpleName() + "." + jsonName : property.qualifiedName();
    }
}
